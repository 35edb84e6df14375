/**
 * One case: what was registered, where it is in the regulation's process with the due date of
 * every stage, the actions the signed-in person may take now, and its whole history — who did
 * what, when, on which device, and whether the server has it.
 */
import { useTranslation } from 'react-i18next';
import { caseById } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useCatalog } from '../app/useReference';
import { CaseActions } from './CaseActions';
import { CaseHistory } from './CaseHistory';
import { StageDeadlines } from './StageDeadlines';

export function CaseScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const staff = useSession((s) => s.staff);
  const live = useLive(() => caseById(db, caseId), [caseId]);
  // The rules the case was registered under, not today's edition.
  const catalog = useCatalog(live.data?.catalogVersion ?? '');
  if (live.status !== 'ready') return null;
  const c = live.data;
  if (!c) return <main>{t('case.notFound')}</main>;
  const service = catalog?.services.find((s) => s.id === c.serviceId);

  return (
    <main>
      <h1>
        {t('case.title')} {c.regNumber}
      </h1>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">{t(`status.${c.status}`)}</dd>
        <dt>{t('case.service')}</dt>
        <dd>{loc(service?.name)}</dd>
        <dt>{t('case.applicant')}</dt>
        <dd>
          {c.applicant.surname} {c.applicant.givenName} {c.applicant.patronymic ?? ''} (
          {t('intake.iin')} {c.applicant.iin})
        </dd>
        <dt>{t('case.registeredAt')}</dt>
        <dd>{formatDateTimeKz(c.registeredAt)}</dd>
        <dt>{t('case.acceptedBy')}</dt>
        <dd>{c.acceptedBy.shortName}</dd>
        <dt>{t('case.resultDue')}</dt>
        <dd>{formatDateKz(c.resultDue)}</dd>
        {c.batchNumber && (
          <>
            <dt>{t('case.batch')}</dt>
            <dd>{c.batchNumber}</dd>
          </>
        )}
        {c.outcome && (
          <>
            <dt>{t('case.outcome')}</dt>
            <dd>
              {t(`outcome.${c.outcome}`)}
              {c.refusalReason ? `: ${c.refusalReason}` : ''}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a className="button" href={hrefOf({ name: 'talon', caseId: c.id })}>
          {t('talon.open')}
        </a>
      </p>
      {staff && <CaseActions caseRow={c} role={staff.role} />}
      {service && <StageDeadlines caseRow={c} service={service} />}
      <CaseHistory caseId={c.id} />
    </main>
  );
}
