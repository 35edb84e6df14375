/**
 * The citizen's status page: the talon's QR code opens `<public address>/s/<registration number>`
 * on the district server. The public address is the district's setting (reference data), set on
 * the server from `PUBLIC_URL` and editable by the district administrator; a device without one
 * uses the address of the server it syncs with.
 *
 * Shared by the server (checking the setting) and the app (checking the administrator's input and
 * making the link), so both accept the same addresses.
 */

/** Longer than any real address; a QR code of a few hundred characters is hard to scan. */
export const PUBLIC_URL_MAX_LENGTH = 200;

/**
 * The address as it is stored and used: an http(s) URL, without a trailing slash, query or
 * fragment (the page path is appended to it). Null when the text is not such an address — a
 * typo here would be printed on every talon, so nothing doubtful is accepted.
 */
export function normalizePublicUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > PUBLIC_URL_MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A password in a printed link, or a query the page path would be appended after, is a mistake.
  if (url.username || url.password || url.search || url.hash) return null;
  // `new URL` accepts "https://akt" and "https://akt." alike; a host without a dot is still
  // right for an address inside the district's own network, so only an empty label is refused.
  if (url.hostname.endsWith('.') || url.hostname.startsWith('.')) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `https://akt.example/s/01-26-01-0001` */
export function statusPageUrl(publicUrl: string, regNumber: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(regNumber)}`;
}

/**
 * The address a device prints: the district's setting when it has one, else the server the
 * device syncs with (`serverUrl`; '' is the origin the app was served from, `appOrigin`).
 */
export function publicAddressOf(
  districtPublicUrl: string | undefined,
  serverUrl: string,
  appOrigin: string,
): string {
  const setting = districtPublicUrl ? normalizePublicUrl(districtPublicUrl) : null;
  if (setting) return setting;
  if (!serverUrl) return appOrigin;
  try {
    return normalizePublicUrl(new URL(serverUrl, appOrigin).origin) ?? appOrigin;
  } catch {
    return appOrigin;
  }
}
