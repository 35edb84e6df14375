/**
 * The journal's search box and filters: service (the services found in the journal, by name),
 * status group, registration period and "overdue only". A period whose end is before its start
 * is said so in words beside the dates; the journal then shows the rows without the period.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_QUERY, isNarrowed, type JournalQuery } from '../../db/journal-query';
import { STATUS_GROUPS, type StatusGroup } from '../../domain/case/status-group';
import type { Localized } from '../../domain/catalog/schema';
import { sortKey } from '../../domain/collation';
import { useLang } from '../app/useLang';

interface Props {
  query: JournalQuery;
  onChange(next: JournalQuery): void;
  serviceIds: readonly string[];
  serviceName: ((id: string) => Localized | undefined) | undefined;
  isPeriodReversed: boolean;
}

export function JournalFilters({
  query,
  onChange,
  serviceIds,
  serviceName,
  isPeriodReversed,
}: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const id = useId();
  const set = (patch: Partial<JournalQuery>) => onChange({ ...query, ...patch });
  const nameOf = (id: string) => loc(serviceName?.(id)) || id;
  // The chosen service stays offered even before the journal's own list is known.
  const offered = [...new Set([...serviceIds, ...(query.serviceId ? [query.serviceId] : [])])];
  const services = offered
    .map((id) => ({ id, name: nameOf(id), key: sortKey(nameOf(id)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return (
    <div className="journal-filters">
      <label className="search journal-search">
        {t('journalView.search')}
        <input
          type="search"
          name="search"
          value={query.search}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('journalView.filters')}</legend>
        <div className="journal-filter-row">
          {/* Labelled by id, not by wrapping: a wrapped select's chosen option would join
              its name. */}
          <div className="field">
            <label htmlFor={`${id}-service`}>{t('journalView.service')}</label>
            <select
              id={`${id}-service`}
              value={query.serviceId ?? ''}
              onChange={(e) => set({ serviceId: e.target.value || null })}
            >
              <option value="">{t('journalView.anyService')}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.id})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('journalView.status')}</label>
            <select
              id={`${id}-status`}
              value={query.group ?? ''}
              onChange={(e) => set({ group: (e.target.value || null) as StatusGroup | null })}
            >
              <option value="">{t('journalView.anyStatus')}</option>
              {STATUS_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`journalView.groups.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <label>
            {t('journalView.from')}
            <input
              type="date"
              value={query.from ?? ''}
              aria-invalid={isPeriodReversed || undefined}
              aria-describedby={isPeriodReversed ? 'journal-period-problem' : undefined}
              onChange={(e) => set({ from: e.target.value || null })}
            />
          </label>
          <label>
            {t('journalView.to')}
            <input
              type="date"
              value={query.to ?? ''}
              aria-invalid={isPeriodReversed || undefined}
              aria-describedby={isPeriodReversed ? 'journal-period-problem' : undefined}
              onChange={(e) => set({ to: e.target.value || null })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={query.isOverdueOnly}
              onChange={(e) => set({ isOverdueOnly: e.target.checked })}
            />
            {t('journalView.overdue')}
          </label>
          {isNarrowed(query) && (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                onChange({ ...DEFAULT_QUERY, sort: query.sort, isDescending: query.isDescending })
              }
            >
              {t('journalView.clear')}
            </button>
          )}
        </div>
        {isPeriodReversed && (
          <p id="journal-period-problem" className="error" role="alert">
            {t('journalView.periodReversed')}
          </p>
        )}
      </fieldset>
    </div>
  );
}
