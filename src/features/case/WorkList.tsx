/**
 * A list of cases waiting for one kind of work, with the quick action that does it where the
 * signed-in person may take it (or a link to the case where the work needs more than a click,
 * such as a decision). What a case waits for is its process's word: `awaiting` keeps only the
 * cases whose next actions include that event. Each row carries its deadline mark, counted as
 * of the runtime clock's minute.
 */
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../db/commands';
import { withDeadlines } from '../../db/deadlines';
import type { CaseRow } from '../../db/schema';
import { useLive } from '../../db/useLive';
import { casesAwaiting } from '../../db/worklists';
import type { EventType } from '../../domain/case/events';
import { processOf } from '../../domain/case/reducer';
import { actionsFor, type CaseStatus, type Place } from '../../domain/process';
import { formatDateKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { SyncMark } from '../sync/SyncMark';
import { ProblemText, useCommand } from './actions/useCommand';
import { DeadlineMark } from './DeadlineMark';

interface QuickAction {
  type: EventType;
  label: string;
  run(row: CaseRow): Promise<CommandResult<unknown>>;
  /** asks for confirmation first, with this text (for what cannot be undone) */
  confirm?: (row: CaseRow) => string;
}

interface Props {
  id: string;
  title: string;
  statuses: readonly CaseStatus[];
  awaiting?: EventType;
  /** only the cases whose file is here (the district department's own desk's, among others) */
  at?: Place;
  action?: QuickAction;
  /** show nothing while the list is empty (lists of occasional work) */
  isHiddenWhenEmpty?: boolean;
}

export function WorkList({ id, title, statuses, awaiting, at, action, isHiddenWhenEmpty }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const role = useSession((s) => s.staff?.role);
  const now = useNow();
  const rows = useLive(
    async () => withDeadlines(db, await casesAwaiting(db, statuses, awaiting, at), now),
    [statuses.join(), awaiting, at, now],
  );
  const serviceName = useServiceName();
  const cmd = useCommand();
  const list = rows.data ?? [];
  const headingId = `list-${id}`;
  const mayAct = (c: CaseRow) =>
    action && role && actionsFor(processOf(c), c, role).some((a) => a.type === action.type);
  if (isHiddenWhenEmpty && list.length === 0) return null;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({list.length})
      </h2>
      <ul className="plain worklist">
        {list.map(({ row: c, deadline }) => (
          <li key={c.id} className={`row-${deadline.colour}`}>
            <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a> —{' '}
            {c.applicant.surname} {c.applicant.givenName} — {loc(serviceName?.(c.serviceId))}{' '}
            <DeadlineMark deadline={deadline} isDueShown />{' '}
            <span className="hint">
              {t('case.resultDue')}: {formatDateKz(c.resultDue)}
            </span>{' '}
            <SyncMark caseId={c.id} />
            {action &&
              mayAct(c) &&
              (action.confirm ? (
                <ConfirmButton
                  label={action.label}
                  ariaLabel={`${action.label} ${c.regNumber}`}
                  question={action.confirm(c)}
                  isDisabled={cmd.isBusy}
                  onConfirm={() => cmd.run(() => action.run(c))}
                />
              ) : (
                <button
                  type="button"
                  aria-label={`${action.label} ${c.regNumber}`}
                  disabled={cmd.isBusy}
                  onClick={() => cmd.run(() => action.run(c))}
                >
                  {action.label}
                </button>
              ))}
          </li>
        ))}
      </ul>
      <ProblemText problem={cmd.problem} />
    </section>
  );
}
