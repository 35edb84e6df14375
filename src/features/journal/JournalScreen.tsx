/**
 * The journal of registered applications (өтініштерді есепке алу журналы): newest first,
 * searchable by IIN prefix, surname or registration number.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journal } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { findService } from '../../domain/catalog';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';

export function JournalScreen() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const [search, setSearch] = useState('');
  const rows = useLive(() => journal(db, search), [search]);

  return (
    <main>
      <h1>{t('journal.title')}</h1>
      <label className="search">
        {t('journal.search')}
        <input
          type="search"
          name="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {rows.status === 'ready' && rows.data.length === 0 && <p>{t('journal.empty')}</p>}
      {rows.status === 'ready' && rows.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('case.regNumber')}</th>
              <th>{t('case.registeredAt')}</th>
              <th>{t('case.applicant')}</th>
              <th>{t('case.service')}</th>
              <th>{t('case.resultDue')}</th>
              <th>{t('case.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a>
                </td>
                <td>{formatDateTimeKz(c.registeredAt)}</td>
                <td>
                  {c.applicant.surname} {c.applicant.givenName}{' '}
                  <span className="hint">{c.applicant.iin}</span>
                </td>
                <td>{loc(findService(c.serviceId)?.name)}</td>
                <td>{formatDateKz(c.resultDue)}</td>
                <td>{t(`status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
