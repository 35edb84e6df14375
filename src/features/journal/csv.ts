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

export function toCsv(table: ExportTable): string {
  const lines = [
    EXPORT_COLUMNS.map((c) => field(table.headers[c])).join(SEPARATOR),
    ...table.rows.map((row) =>
      EXPORT_COLUMNS.map((c) => {
        const value = row[c];
        if (c === 'registeredAt') return field(formatDateTimeKz(value));
        if (c === 'resultDue') return field(value ? formatDateKz(value) : '');
        return field(value);
      }).join(SEPARATOR),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}
