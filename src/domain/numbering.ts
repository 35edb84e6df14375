/**
 * Registration and batch numbers that are unique without coordination: the office's code, the
 * year, the device's number within its office (given once at enrollment) and a per-device
 * counter. Two devices of one office can never produce the same number, online or not, and a
 * replacement device gets a new device number, so it continues without collisions.
 */
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatRegNumber(
  officeCode: string,
  year: number,
  deviceNo: number,
  seq: number,
): string {
  return `${officeCode}-${pad(year % 100, 2)}-${pad(deviceNo, 2)}-${pad(seq, 4)}`;
}

export function formatBatchNumber(
  officeCode: string,
  year: number,
  deviceNo: number,
  seq: number,
): string {
  return `T${officeCode}-${pad(year % 100, 2)}-${pad(deviceNo, 2)}-${pad(seq, 3)}`;
}

/**
 * A batch of results the district sends back to one akimat: `N` (нәтиже) before the district
 * office's code, so it is never read for a transfer batch's `T` number.
 */
export function formatResultBatchNumber(
  officeCode: string,
  year: number,
  deviceNo: number,
  seq: number,
): string {
  return `N${formatBatchNumber(officeCode, year, deviceNo, seq).slice(1)}`;
}

/** The refusal register's number of an application refused at the desk: `R01-26-03-0001`. */
export function formatRefusalNumber(
  officeCode: string,
  year: number,
  deviceNo: number,
  seq: number,
): string {
  return `R${formatRegNumber(officeCode, year, deviceNo, seq)}`;
}
