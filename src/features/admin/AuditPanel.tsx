/**
 * The audit of one person: what they recorded in a period — each event in words, its case
 * number, when (the device's time, and when the server received it) and on which device (its
 * name). Read from the server's log, so it holds every device's events, not only this one's;
 * newest first, a page at a time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { AUDIT_PAGE_SIZE, type AuditPage, periodProblem } from '../../domain/admin/audit';
import { shortName } from '../../domain/names';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { adminCallSucceeded, adminProblem } from './adminTrouble';
import { useAdminClient } from './useAdminClient';
import { useDeviceLabel } from './useDeviceLabel';
import { useDistrictStaff } from './useDistrictStaff';

export function AuditPanel() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const client = useAdminClient();
  const today = useNow().slice(0, 10);
  const { people } = useDistrictStaff();
  const { loc } = useLang();
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  const deviceLabel = useDeviceLabel();
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show(offset: number) {
    if (!client) return;
    const problem = personId
      ? periodProblem(from, to)
      : { code: 'field-required' as const, details: { field: 'person' } };
    setError(problem ? describeProblem(t, problem) : null);
    if (problem) return;
    try {
      setPage(
        await client.audit({
          personId,
          from,
          to,
          offset,
          limit: AUDIT_PAGE_SIZE,
        }),
      );
      adminCallSucceeded();
    } catch (failure) {
      setError(describeProblem(t, adminProblem(failure)));
    }
  }

  const first = page ? page.offset + 1 : 0;
  const last = page ? page.offset + page.entries.length : 0;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <label>
        {t('audit.person')}
        <select name="auditPerson" value={personId} onChange={(e) => setPersonId(e.target.value)}>
          <option value="">—</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {shortName({ ...p, patronymic: p.patronymic ?? undefined })} — {t(`roles.${p.role}`)}{' '}
              — {loc(offices.find((o) => o.id === p.officeId)?.name)}
              {p.isActive ? '' : ` (${t('staffAdmin.inactive')})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.from')}
        <input
          type="date"
          name="auditFrom"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </label>
      <label>
        {t('audit.to')}
        <input type="date" name="auditTo" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="button" onClick={() => void show(0)}>
        {t('audit.show')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {page && page.total === 0 && <p role="status">{t('audit.none')}</p>}
      {page && page.total > 0 && (
        <>
          <p role="status">{t('audit.total', { total: page.total, first, last })}</p>
          <table aria-label={t('audit.title')}>
            <thead>
              <tr>
                <th>{t('audit.when')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.case')}</th>
                <th>{t('audit.device')}</th>
                <th>{t('audit.received')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.eventId}>
                  <td>{formatDateTimeKz(e.deviceTime.slice(0, 16))}</td>
                  <td>{t(eventTypeKey(e.type))}</td>
                  <td>{e.regNumber ?? '—'}</td>
                  <td>{deviceLabel(e)}</td>
                  <td>{formatDateTimeKz(toLocalDateTime(new Date(e.serverTime)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            disabled={page.offset === 0}
            onClick={() => void show(Math.max(0, page.offset - page.limit))}
          >
            {t('audit.previous')}
          </button>
          <button
            type="button"
            disabled={last >= page.total}
            onClick={() => void show(page.offset + page.limit)}
          >
            {t('audit.next')}
          </button>
        </>
      )}
    </section>
  );
}
