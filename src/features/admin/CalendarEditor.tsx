/**
 * A year of the working-day calendar: the first day of Kurban ait and the government's
 * transfer order for the year. The law's holidays and carry-overs follow by themselves; the
 * summary below shows what the deadlines will count with.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildCalendarYear,
  CalendarInputError,
  calendarSummary,
  extendCalendar,
} from '../../domain/calendar';
import { formatDateKz } from '../../domain/time';
import type { CalendarYearRequest } from '../../sync/admin';
import { useCalendar } from '../app/useReference';
import { AdminMessage } from './AdminMessage';
import { useAdmin } from './useAdmin';

type Transfer = CalendarYearRequest['transfers'][number];

export function CalendarEditor() {
  const { t } = useTranslation();
  const calendar = useCalendar();
  const { run, message } = useAdmin();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [kurbanAit, setKurbanAit] = useState('');
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [source, setSource] = useState('');
  const known = calendar?.years[year];

  function load(nextYear: number) {
    setYear(nextYear);
    const existing = calendar?.years[nextYear];
    setKurbanAit(existing?.kurbanAit ?? '');
    setTransfers(
      (existing?.transfers ?? []).map(({ dayOff, workDay, order }) => ({ dayOff, workDay, order })),
    );
    setSource(existing?.source ?? '');
  }

  const request: CalendarYearRequest = { kurbanAit: kurbanAit || null, transfers, source };
  // The preview uses the same rules the server will apply, so a mistake shows before saving.
  let preview: ReturnType<typeof calendarSummary> | null = null;
  let previewError = '';
  if (calendar) {
    try {
      const built = buildCalendarYear(year, {
        ...request,
        source: source || '—',
        transfers: transfers.map((x) => ({ ...x, confidence: 'high' as const })),
      });
      preview = calendarSummary(extendCalendar(calendar, built), year);
    } catch (error) {
      previewError = error instanceof CalendarInputError ? error.message : String(error);
    }
  }
  const setTransfer = (i: number, patch: Partial<Transfer>) =>
    setTransfers(transfers.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('admin.calendar')}</h2>
      <label>
        {t('admin.year')}
        <input
          type="number"
          min={2013}
          max={2100}
          value={year}
          onChange={(e) => load(Number(e.target.value))}
        />
      </label>
      <p className="hint">
        {known ? t('admin.yearKnown', { source: known.source }) : t('admin.yearNew')}
      </p>
      <label>
        {t('admin.kurbanAit')}
        <input type="date" value={kurbanAit} onChange={(e) => setKurbanAit(e.target.value)} />
      </label>
      {transfers.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <fieldset key={i}>
          <legend>{t('admin.transfer', { n: i + 1 })}</legend>
          <label>
            {t('admin.dayOff')}
            <input
              type="date"
              value={x.dayOff}
              onChange={(e) => setTransfer(i, { dayOff: e.target.value })}
            />
          </label>
          <label>
            {t('admin.workDay')}
            <input
              type="date"
              value={x.workDay}
              onChange={(e) => setTransfer(i, { workDay: e.target.value })}
            />
          </label>
          <label>
            {t('admin.order')}
            <input value={x.order} onChange={(e) => setTransfer(i, { order: e.target.value })} />
          </label>
          <button type="button" onClick={() => setTransfers(transfers.filter((_, j) => j !== i))}>
            {t('admin.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setTransfers([...transfers, { dayOff: '', workDay: '', order: '' }])}
      >
        {t('admin.addTransfer')}
      </button>
      <label>
        {t('admin.source')}
        <input value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      {previewError && (
        <p role="alert" className="error">
          {t('errors.calendar-invalid', { reason: previewError })}
        </p>
      )}
      {preview && (
        <section aria-label={t('admin.preview')}>
          <p>{t('admin.workingDays', { count: preview.workingDays })}</p>
          <p className="hint">
            {t('admin.daysOff')}: {preview.nonWorkingDays.map(formatDateKz).join(', ')}
          </p>
        </section>
      )}
      <button
        type="button"
        disabled={Boolean(previewError) || !source.trim()}
        onClick={() => run((c) => c.setCalendarYear(year, request))}
      >
        {t('admin.saveCalendar')}
      </button>
      <AdminMessage message={message} />
    </section>
  );
}
