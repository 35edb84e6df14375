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

/** `t` gives `storage.units.<unit>` with `{{amount}}` in it. */
export function formatBytes(bytes: number, lang: 'kk' | 'ru', t: T): string {
  const { amount, unit } = byteSize(bytes);
  const number = new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : 'ru-RU', {
    // Below ten, a decimal tells 1,4 GB from 1 GB; above, it is noise.
    maximumFractionDigits: amount < 10 ? 1 : 0,
  }).format(amount);
  return t(`storage.units.${unit}`, { amount: number });
}
