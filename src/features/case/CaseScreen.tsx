/**
 * One case: what was registered, its status and where the file is, what the process recorded
 * (the commission's act, a return, a decision with its grounds), the actions the signed-in
 * person may take now, the process's steps with the due date of each, and its whole history —
 * who did what, when, on which device, and whether the server has it.
 */
import { useTranslation } from 'react-i18next';
import { caseById } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { currentRow } from '../../db/worklists';
import { whereabouts } from '../../domain/case/place';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useCatalog } from '../app/useReference';
import { ApplicantFacts } from './ApplicantFacts';
import { CaseActions } from './CaseActions';
import { CaseHistory } from './CaseHistory';
import { CasePapers } from './CasePapers';
import { CaseRecords } from './CaseRecords';
import { DeadlineMark } from './DeadlineMark';
import { DeskFacts } from './DeskFacts';
import { IntakeRefusalNotice } from './IntakeRefusalNotice';
import { StageDeadlines } from './StageDeadlines';
import { useCaseDeadline } from './useCaseDeadline';
import { DecisionText } from './words';

export function CaseScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const staff = useSession((s) => s.staff);
  const live = useLive(() => caseById(db, caseId), [caseId]);
  // The rules the case was registered under, not today's edition.
  const catalog = useCatalog(live.data?.catalogVersion ?? '');
  const view = useCaseDeadline(
    live.data,
    catalog?.services.find((s) => s.id === live.data?.serviceId),
  );
  if (live.status !== 'ready') return null;
  if (!live.data) return <main>{t('case.notFound')}</main>;
  const c = currentRow(live.data);
  const service = catalog?.services.find((s) => s.id === c.serviceId);
  const variant = service?.channels[c.channel]?.variants?.find((v) => v.id === c.variant);
  const isOpen = c.status !== 'closed' && c.status !== 'cancelled';
  // An application refused at the desk was never registered: no talon, result date or steps.
  const isRegistered = c.status !== 'refused_at_intake';

  return (
    <main>
      <h1>
        {t('case.title')} {c.regNumber}
      </h1>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">{t(`status.${c.status}`)}</dd>
        {view && c.status !== 'cancelled' && isRegistered && (
          <>
            <dt>{t('deadline.title')}</dt>
            <dd data-testid="case-deadline">
              <DeadlineMark deadline={view.deadline} isDueShown />
            </dd>
          </>
        )}
        {isOpen && isRegistered && (
          <>
            <dt>{t('case.where')}</dt>
            <dd data-testid="case-place">{t(`place.${whereabouts(c)}`)}</dd>
          </>
        )}
        <dt>{t('case.service')}</dt>
        <dd>
          {loc(service?.name)} ({c.serviceId})
        </dd>
        {c.variant && (
          <>
            <dt>{t('case.variant')}</dt>
            <dd>{variant ? loc(variant.name) : c.variant}</dd>
          </>
        )}
        <dt>{t('case.applicant')}</dt>
        <dd data-testid="case-applicant">
          {c.applicant.surname} {c.applicant.givenName} {c.applicant.patronymic ?? ''} (
          {t('intake.iin')} {c.applicant.iin})
        </dd>
        <ApplicantFacts caseRow={c} />
        {isRegistered && (
          <>
            <dt>{t('case.registeredAt')}</dt>
            <dd>{formatDateTimeKz(c.registeredAt)}</dd>
            <dt>{t('case.acceptedBy')}</dt>
            <dd>{c.acceptedBy.shortName}</dd>
            <dt>{t('case.resultDue')}</dt>
            <dd data-testid="case-result-due">{formatDateKz(c.resultDue)}</dd>
          </>
        )}
        <DeskFacts caseRow={c} {...(service ? { service } : {})} />
        {c.batchNumber && (
          <>
            <dt>{t('case.batch')}</dt>
            <dd>{c.batchNumber}</dd>
          </>
        )}
        {c.returnCount > 0 && (
          <>
            <dt>{t('case.returnCount')}</dt>
            <dd>{c.returnCount}</dd>
          </>
        )}
        {c.outcome && (
          <>
            <dt>{isFinal(c.status) ? t('case.outcome') : t('case.draftOutcome')}</dt>
            <dd>
              <DecisionText
                outcome={c.outcome}
                grounds={c.grounds}
                reason={c.refusalReason}
                service={service}
              />
            </dd>
          </>
        )}
      </dl>
      <IntakeRefusalNotice caseRow={c} {...(service ? { service } : {})} />
      <CasePapers caseRow={c} />
      <CaseRecords caseRow={c} {...(service ? { service } : {})} />
      {/* The forms wait for the catalog: a refusal's grounds are the regulation's list. */}
      {staff && catalog && <CaseActions caseRow={c} role={staff.role} service={service} />}
      {view && c.status !== 'cancelled' && isRegistered && (
        <StageDeadlines caseRow={c} view={view} />
      )}
      <CaseHistory caseId={c.id} service={service} />
    </main>
  );
}

/** Whether the outcome is the signed decision rather than a draft. */
function isFinal(status: string): boolean {
  return ['signed', 'result_sent', 'result_received', 'closed'].includes(status);
}
