/**
 * A list of cases waiting for one kind of work, with the quick action that does it (or a link
 * to the case where the work needs more than a click, such as a decision).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesInStatus } from '../../db/queries';
import type { CaseRow } from '../../db/schema';
import { useLive } from '../../db/useLive';
import type { CaseStatus } from '../../domain/case/transitions';
import type { Problem } from '../../domain/errors';
import { formatDateKz } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { useLang } from '../app/useLang';

interface Props {
  title: string;
  status: CaseStatus;
  actionLabel?: string;
  action?: (row: CaseRow) => Promise<{ ok: true } | { ok: false; problem: Problem }>;
}

export function WorkList({ title, status, actionLabel, action }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const rows = useLive(() => casesInStatus(db, [status]), [status]);
  const serviceName = useServiceName();
  const [problem, setProblem] = useState<Problem | null>(null);
  const list = rows.data ?? [];
  const headingId = `list-${status}`;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({list.length})
      </h2>
      <ul className="plain worklist">
        {list.map((c) => (
          <li key={c.id}>
            <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a> —{' '}
            {c.applicant.surname} {c.applicant.givenName} — {loc(serviceName?.(c.serviceId))}{' '}
            <span className="hint">
              {t('case.resultDue')}: {formatDateKz(c.resultDue)}
            </span>
            {action && actionLabel && (
              <button
                type="button"
                aria-label={`${actionLabel} ${c.regNumber}`}
                onClick={async () => {
                  const result = await action(c);
                  setProblem(result.ok ? null : result.problem);
                }}
              >
                {actionLabel}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="error">
          {describeProblem(t, problem)}
        </p>
      )}
    </section>
  );
}
