/**
 * Wall-clock helpers. Events carry the device's local time with its UTC offset, because the
 * talon and every deadline are about the office's calendar day, not an instant in UTC.
 */
const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** `2026-03-18T10:30:05+05:00` for the given instant in the runtime's local zone. */
export function toOffsetDateTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** `2026-03-18T10:30` */
export function toLocalDateTime(date: Date): string {
  return toOffsetDateTime(date).slice(0, 16);
}

/** `18.03.2026` — how dates are printed on papers in Kazakhstan. */
export function formatDateKz(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** `18.03.2026 10:30` */
export function formatDateTimeKz(localDateTime: string): string {
  return `${formatDateKz(localDateTime)} ${localDateTime.slice(11, 16)}`;
}

/** A due or completion as screens show it: a date, or a date and time where the time is known. */
export function formatDue(value: string): string {
  return value.length > 10 ? formatDateTimeKz(value) : formatDateKz(value);
}
