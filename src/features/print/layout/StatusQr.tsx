/**
 * The QR code of a case's status page, `<public address>/s/<registration number>`, with the
 * address written under it for a phone that cannot scan. The public address is the district's
 * setting, else the server this device syncs with (`domain/status-page.ts`).
 *
 *   const qr = useStatusQr(caseRow.regNumber, place);
 *   <Paper … isReady={qr.image !== ''}> … <StatusQr qr={qr} caption={l.talon.qr} /> … </Paper>
 */
import type { PaperPlace } from '../../../db/papers';
import { publicAddressOf, statusPageUrl } from '../../../domain/status-page';
import { useSession } from '../../../state/session';
import { useQrCode } from './useQrCode';

export interface StatusQrCode {
  /** the status page's address */
  url: string;
  /** the code as an image address; '' while it is being made */
  image: string;
}

/** The status page's address as this device prints it, and its QR code. */
export function useStatusQr(regNumber: string, place: PaperPlace | undefined): StatusQrCode {
  const serverUrl = useSession((s) => s.credentials?.serverUrl ?? '');
  const url = regNumber
    ? statusPageUrl(
        publicAddressOf(place?.district?.publicUrl, serverUrl, window.location.origin),
        regNumber,
      )
    : '';
  return { url, image: useQrCode(url) };
}

export function StatusQr({ qr, caption }: { qr: StatusQrCode; caption: string }) {
  return (
    <figure className="paper-qr">
      {qr.image && <img src={qr.image} alt={caption} data-testid="status-qr" />}
      <figcaption>
        {caption}
        <br />
        <span className="paper-url">{qr.url}</span>
      </figcaption>
    </figure>
  );
}
