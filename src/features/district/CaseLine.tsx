/**
 * One case as a desk row names it: its number (a link to the case), the applicant, the service
 * and its deadline mark; each list adds what it is about (the akimat, the executor, the stage).
 */
import type { ReactNode } from 'react';
import type { DatedCase } from '../../db/deadlines';
import { hrefOf } from '../app/router';
import { useServiceName } from '../app/serviceNames';
import { useLang } from '../app/useLang';
import { DeadlineMark } from '../case/DeadlineMark';
import { SyncMark } from '../sync/SyncMark';

export function CaseLine({ dated, children }: { dated: DatedCase; children?: ReactNode }) {
  const { loc } = useLang();
  const serviceName = useServiceName();
  const { row: c, deadline } = dated;
  return (
    <span className="desk-case">
      <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a> — {c.applicant.surname}{' '}
      {c.applicant.givenName} — <span className="hint">{c.serviceId}</span>{' '}
      {loc(serviceName?.(c.serviceId))} <DeadlineMark deadline={deadline} isDueShown />{' '}
      <SyncMark caseId={c.id} />
      {children}
    </span>
  );
}
