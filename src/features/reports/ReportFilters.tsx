/**
 * The report's period and filters: two dates (this month to today unless chosen), one office
 * of the district or all, one service or all. A period that ends before it starts is said in
 * words and nothing is counted until it is put right.
 */
import { useTranslation } from 'react-i18next';
import type { Office } from '../../domain/reference';
import { monthToDate } from '../../domain/report/period';
import { useLang } from '../app/useLang';
import type { ReportParams } from './params';

interface Props {
  params: ReportParams;
  offices: readonly Office[];
  services: readonly { id: string; name: string }[];
  today: string;
  onChange(next: ReportParams): void;
}

export function ReportFilters({ params, offices, services, today, onChange }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const set = (change: Partial<ReportParams>) => onChange({ ...params, ...change });
  return (
    <fieldset className="report-filters no-print">
      <legend>{t('reports.filters')}</legend>
      <div className="journal-filter-row">
        <div className="field">
          <label htmlFor="report-from">{t('reports.from')}</label>
          <input
            id="report-from"
            type="date"
            value={params.from}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('reports.to')}</label>
          <input
            id="report-to"
            type="date"
            value={params.to}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="report-office">{t('reports.office')}</label>
          <select
            id="report-office"
            value={params.office ?? ''}
            onChange={(e) => set({ office: e.target.value || null })}
          >
            <option value="">{t('reports.anyOffice')}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {loc(o.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-service">{t('reports.service')}</label>
          <select
            id="report-service"
            value={params.service ?? ''}
            onChange={(e) => set({ service: e.target.value || null })}
          >
            <option value="">{t('reports.anyService')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => set(monthToDate(today))}>
          {t('reports.thisMonth')}
        </button>
      </div>
    </fieldset>
  );
}
