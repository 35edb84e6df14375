/**
 * What the process recorded on the case beyond its steps' times, in words: the commission's act
 * and conclusion, the district's return with its reasons, a draft sent back with the comment,
 * the cancellation.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import type { Service } from '../../domain/catalog/schema';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { useLang } from '../app/useLang';
import { documentName } from './words';

export function CaseRecords({ caseRow: c, service }: { caseRow: CaseRow; service?: Service }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  return (
    <>
      {c.status === 'returned' && c.returned && (
        <section aria-labelledby="returned-title" className="notice">
          <h2 id="returned-title">{t('returned.title')}</h2>
          <p>{t('returned.when', { at: formatDateTimeKz(c.returned.at) })}</p>
          {/* The documents by name: the list waits for the catalog rather than show ids. */}
          {service && c.returned.documents.length > 0 && (
            <ul data-testid="return-documents">
              {c.returned.documents.map((d) => (
                <li key={d.id}>
                  {documentName(service, d.id, loc)} — {t(`returnForm.${d.problem}`)}
                </li>
              ))}
            </ul>
          )}
          {c.returned.reason && <p>{t('returned.reason', { reason: c.returned.reason })}</p>}
        </section>
      )}
      {c.status === 'rework' && c.sentBack && (
        <section aria-labelledby="rework-title" className="notice">
          <h2 id="rework-title">{t('rework.title')}</h2>
          <p>
            {formatDateTimeKz(c.sentBack.at)}: {c.sentBack.comment}
          </p>
        </section>
      )}
      {c.cancelled && (
        <section aria-labelledby="cancelled-title" className="notice">
          <h2 id="cancelled-title">{t('cancelled.title')}</h2>
          <p>
            {formatDateTimeKz(c.cancelled.at)}: {t(`cancelReasons.${c.cancelled.reason}`)}
            {c.cancelled.note ? ` — ${c.cancelled.note}` : ''}
          </p>
        </section>
      )}
      {c.commissionAct && (
        <section aria-labelledby="act-title">
          <h2 id="act-title">{t('commission.actTitle')}</h2>
          <dl className="facts">
            <dt>{t('commission.actDate')}</dt>
            <dd>{formatDateKz(c.commissionAct.actDate)}</dd>
            <dt>{t('commission.membersShort')}</dt>
            <dd>{c.commissionAct.members.join('; ')}</dd>
            <dt>{t('commission.findingsShort')}</dt>
            <dd>{c.commissionAct.findings}</dd>
            <dt>{t('commission.conclusion')}</dt>
            <dd data-testid="commission-conclusion">
              {t(`commission.${c.commissionAct.conclusion}`)}: {c.commissionAct.conclusionText}
            </dd>
          </dl>
        </section>
      )}
    </>
  );
}
