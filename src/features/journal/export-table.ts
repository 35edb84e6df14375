/**
 * The journal as a table for a file: exactly the rows shown, in their order, with the screen's
 * columns (the IIN apart from the name, so a spreadsheet can sort and filter by it) and headers
 * in the interface's language. Dates stay dates here; the CSV writes them as the screen shows
 * them, the XLSX as real dates.
 */
import type { JournalEntry } from '../../db/journal-entry';
import type { DeadlineColour } from '../../domain/case/deadline';

export interface ExportTable {
  headers: {
    deadline: string;
    regNumber: string;
    registeredAt: string;
    applicant: string;
    iin: string;
    service: string;
    resultDue: string;
    status: string;
  };
  rows: ExportRow[];
}

export interface ExportRow {
  deadline: string;
  regNumber: string;
  /** local date-time `2026-03-18T10:30` */
  registeredAt: string;
  applicant: string;
  iin: string;
  service: string;
  /** `2026-04-03` */
  resultDue: string;
  status: string;
}

type T = (key: string) => string;

export function exportTable(
  t: T,
  rows: readonly JournalEntry[],
  serviceName: (id: string) => string,
  colourOf: ((entry: JournalEntry) => DeadlineColour | undefined) | undefined,
): ExportTable {
  return {
    headers: {
      deadline: t('journalView.deadline'),
      regNumber: t('case.regNumber'),
      registeredAt: t('case.registeredAt'),
      applicant: t('case.applicant'),
      iin: t('journalView.iin'),
      service: t('case.service'),
      resultDue: t('case.resultDue'),
      status: t('case.status'),
    },
    rows: rows.map((e) => {
      const colour = colourOf?.(e);
      return {
        deadline: colour ? t(`deadline.${colour}`) : '',
        regNumber: e.regNumber,
        registeredAt: e.registeredAt,
        applicant: [e.surname, e.givenName, e.patronymic].filter(Boolean).join(' '),
        iin: e.iin,
        service: serviceName(e.serviceId),
        // a refusal at the desk has no result to wait for
        resultDue: e.status === 'refused_at_intake' ? '' : e.resultDue,
        status: t(`status.${e.status}`),
      };
    }),
  };
}

export const EXPORT_COLUMNS = [
  'deadline',
  'regNumber',
  'registeredAt',
  'applicant',
  'iin',
  'service',
  'resultDue',
  'status',
] as const satisfies readonly (keyof ExportRow)[];

/** Gives the browser a file to save, as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  // Revoked once the browser has taken the file.
  setTimeout(() => {
    URL.revokeObjectURL(url);
    link.remove();
  }, 1_000);
}
