/**
 * The journal as an Excel workbook (write-excel-file, loaded only when a person exports): one
 * sheet, a bold header row that stays in view, the registration date and the result date as
 * real dates (the spreadsheet sorts and counts by them), the IIN and the number as text so
 * Excel neither drops an IIN's leading zero nor reads a number as a date.
 */
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import { EXPORT_COLUMNS, type ExportTable } from './export-table';

/** A wall-clock date-time as the spreadsheet's date: Excel dates have no time zone. */
function excelDate(local: string): Date {
  const [y = 0, m = 1, d = 1] = local.slice(0, 10).split('-').map(Number);
  const hours = local.length > 10 ? Number(local.slice(11, 13)) : 0;
  const minutes = local.length > 10 ? Number(local.slice(14, 16)) : 0;
  return new Date(Date.UTC(y, m - 1, d, hours, minutes));
}

const WIDTHS: Record<(typeof EXPORT_COLUMNS)[number], number> = {
  deadline: 14,
  regNumber: 16,
  registeredAt: 17,
  applicant: 36,
  iin: 14,
  service: 60,
  resultDue: 12,
  status: 28,
};

export async function xlsxBlob(table: ExportTable, sheet: string): Promise<Blob> {
  const header: Cell[] = EXPORT_COLUMNS.map((c) => ({
    value: table.headers[c],
    fontWeight: 'bold',
  }));
  const data: SheetData = [
    header,
    ...table.rows.map((row) =>
      EXPORT_COLUMNS.map((c): Cell => {
        if (c === 'registeredAt') {
          return { value: excelDate(row.registeredAt), format: 'dd.mm.yyyy hh:mm' };
        }
        if (c === 'resultDue') {
          return row.resultDue
            ? { value: excelDate(row.resultDue), format: 'dd.mm.yyyy' }
            : { value: '' };
        }
        if (c === 'iin' || c === 'regNumber') return { value: row[c], type: String, format: '@' };
        return { value: row[c] };
      }),
    ),
  ];
  return writeExcelFile(data, {
    sheet,
    columns: EXPORT_COLUMNS.map((c) => ({ width: WIDTHS[c] })),
    stickyRowsCount: 1,
  }).toBlob();
}
