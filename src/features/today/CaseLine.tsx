/**
 * A case as a Today row names it: its registration number, which opens the case, the applicant
 * and the service.
 */
import type { CaseRow } from '../../db/schema';
import { hrefOf } from '../app/router';
import { useServiceName } from '../app/serviceNames';
import { useLang } from '../app/useLang';
import { SyncMark } from '../sync/SyncMark';

export function CaseLine({ row }: { row: CaseRow }) {
  const { loc } = useLang();
  const serviceName = useServiceName();
  const { surname, givenName, patronymic } = row.applicant;
  return (
    <span className="line">
      <a href={hrefOf({ name: 'case', caseId: row.id })}>{row.regNumber}</a> —{' '}
      <strong>
        {surname} {givenName}
        {patronymic ? ` ${patronymic}` : ''}
      </strong>{' '}
      — {loc(serviceName?.(row.serviceId))} <SyncMark caseId={row.id} />
    </span>
  );
}
