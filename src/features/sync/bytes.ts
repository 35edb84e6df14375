/**
 * Sizes as a person reads them on her computer: in KB, MB or GB, counted by 1024 as Windows —
 * on most office laptops — counts them, with one decimal at most and the language's decimal
 * comma ("1,4 ГБ").
 */

export type ByteUnit = 'kb' | 'mb' | 'gb';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

export function byteSize(bytes: number): { amount: number; unit: ByteUnit } {
  if (bytes >= GB) return { amount: bytes / GB, unit: 'gb' };
  if (bytes >= MB) return { amount: bytes / MB, unit: 'mb' };
  return { amount: bytes / KB, unit: 'kb' };
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` gives `storage.units.<unit>` with `{{amount}}` in it. Kazakh and Russian both write the
 * decimal comma; it is put in by hand, as browsers that ship without Kazakh locale data (Debian's
 * Chromium) would format a Kazakh number with a point.
 */
export function formatBytes(bytes: number, t: T): string {
  const { amount, unit } = byteSize(bytes);
  // Below ten, a decimal tells 1,4 GB from 1 GB; above, it is noise.
  const rounded = amount < 10 ? Math.round(amount * 10) / 10 : Math.round(amount);
  return t(`storage.units.${unit}`, { amount: String(rounded).replace('.', ',') });
}
