/**
 * The journal as CSV for Excel as offices have it: UTF-8 with a byte-order mark (without it
 * Excel reads Cyrillic as another code page), fields separated by semicolons (the list
 * separator of Kazakh and Russian regional settings; with commas Excel puts each row in one
 * cell), CRLF line ends, dates as the screen shows them.
 */
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { EXPORT_COLUMNS, type ExportTable } from './export-table';

const BOM = '\uFEFF';
const SEPARATOR = ';';

function field(value: string): string {
  // Quoted when it holds a separator, a quote or a line break; a quote is doubled.
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Any table of texts as such a file (the report's too). */
export function csvOf(lines: readonly (readonly string[])[]): string {
  return `${BOM}${lines.map((cells) => cells.map(field).join(SEPARATOR)).join('\r\n')}\r\n`;
}

export function toCsv(table: ExportTable): string {
  return csvOf([
    EXPORT_COLUMNS.map((c) => table.headers[c]),
    ...table.rows.map((row) =>
      EXPORT_COLUMNS.map((c) => {
        const value = row[c];
        if (c === 'registeredAt') return formatDateTimeKz(value);
        if (c === 'resultDue') return value ? formatDateKz(value) : '';
        return value;
      }),
    ),
  ]);
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}
