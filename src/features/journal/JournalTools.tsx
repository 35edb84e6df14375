/**
 * Under the filters: how many rows were found, the export of exactly those rows (CSV, XLSX;
 * the spreadsheet code is loaded only when a person asks for a file), and the printed journal
 * pages for the period chosen — or, with none, from the first of this month to today.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../db/journal-entry';
import type { JournalQuery } from '../../db/journal-query';
import type { DeadlineColour } from '../../domain/case/deadline';
import { formatDateKz, toLocalDateTime } from '../../domain/time';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';

interface Props {
  rows: readonly JournalEntry[];
  total: number;
  query: JournalQuery;
  isPeriodReversed: boolean;
  serviceName(id: string): string;
  colourOf: ((entry: JournalEntry) => DeadlineColour | undefined) | undefined;
}

/** The period the printed pages cover: the filter's, its missing ends filled from today. */
export function printPeriod(query: Pick<JournalQuery, 'from' | 'to'>, today: string) {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? `${to.slice(0, 8)}01`;
  return { from, to };
}

export function printHref(period: { from: string; to: string }, lang: string): string {
  const params = new URLSearchParams({ ...period, lang, size: 'a4' });
  return `#/print/journal?${params.toString()}`;
}

export function JournalTools({
  rows,
  total,
  query,
  isPeriodReversed,
  serviceName,
  colourOf,
}: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { now } = useRuntime();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [failed, setFailed] = useState(false);
  const today = toLocalDateTime(now()).slice(0, 10);
  const period = printPeriod(query, today);

  const exportAs = async (kind: 'csv' | 'xlsx') => {
    setBusy(kind);
    setFailed(false);
    try {
      const { exportTable, download } = await import('./export-table');
      const table = exportTable(t, rows, serviceName, colourOf);
      const name = `journal-${today}.${kind}`;
      if (kind === 'csv') {
        const { csvBlob } = await import('./csv');
        download(csvBlob(table), name);
      } else {
        const { xlsxBlob } = await import('./xlsx');
        download(await xlsxBlob(table, t('journalView.sheet')), name);
      }
    } catch {
      // Offline with the code not yet cached, or the browser refused the file: say so.
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="journal-tools">
      <p className="journal-count" role="status">
        {t('journalView.count', {
          shown: rows.length.toLocaleString('ru-RU'),
          total: total.toLocaleString('ru-RU'),
        })}
      </p>
      <div className="journal-actions">
        <span>{t('journalView.export')}</span>
        <button
          type="button"
          className="secondary"
          disabled={busy !== null || rows.length === 0}
          onClick={() => void exportAs('csv')}
        >
          {t('journalView.csv')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy !== null || rows.length === 0}
          onClick={() => void exportAs('xlsx')}
        >
          {t('journalView.xlsx')}
        </button>
        {busy && <span className="hint">{t('journalView.exporting')}</span>}
        {failed && (
          <span className="error" role="alert">
            {t('journalView.exportFailed')}
          </span>
        )}
      </div>
      <div className="journal-actions">
        {isPeriodReversed ? (
          // No pages for a period that cannot be: the message above says why.
          <button type="button" className="secondary" disabled>
            {t('journalView.print')}
          </button>
        ) : (
          <a className="button secondary" href={printHref(period, lang)}>
            {t('journalView.print')}
          </a>
        )}
        <span className="hint">
          {t(
            query.from || query.to ? 'journalView.printPeriod' : 'journalView.printDefaultPeriod',
            {
              from: formatDateKz(period.from),
              to: formatDateKz(period.to),
            },
          )}
        </span>
      </div>
    </div>
  );
}
