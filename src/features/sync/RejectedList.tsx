/**
 * Events the server refused, each with its reason in the person's language. A lost race says
 * who recorded the same step first and when. A person marks each as dealt with; until then the
 * header keeps counting it.
 */
import { useTranslation } from 'react-i18next';
import { rejectedEvents } from '../../db/queries';
import { acknowledgeRejection } from '../../db/rejections';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useSession } from '../../state/session';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';

export function RejectedList() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const staff = useSession((s) => s.staff);
  const rejected = useLive(async () => {
    const rows = await rejectedEvents(db);
    const people = await db.people.bulkGet(rows.map((r) => r.winner?.staffId ?? ''));
    return rows.map((row, i) => ({ ...row, winnerPerson: people[i] }));
  }, []);
  const rows = rejected.data ?? [];
  const open = rows.filter((r) => !r.event.rejection?.acknowledgedAt);
  const done = rows.filter((r) => r.event.rejection?.acknowledgedAt);

  return (
    <section aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t('sync.rejected')}</h2>
      {open.length === 0 && <p>{t('sync.noneRejected')}</p>}
      <ul className="plain">
        {open.map(({ event, winner, winnerPerson }) => (
          <li key={event.id}>
            <a href={hrefOf({ name: 'case', caseId: event.caseId })}>
              {t(eventTypeKey(event.type))}
            </a>{' '}
            — {formatDateTimeKz(event.deviceTime.slice(0, 16))} —{' '}
            {event.rejection && describeProblem(t, event.rejection)}
            {winner && (
              <span className="hint">
                {' '}
                {t('sync.conflict', {
                  person: winnerPerson ? shortName(winnerPerson) : winner.staffId,
                  at: formatDateTimeKz(winner.deviceTime.slice(0, 16)),
                })}
              </span>
            )}{' '}
            {staff && (
              <button
                type="button"
                onClick={() =>
                  acknowledgeRejection(db, event.id, staff.id, toLocalDateTime(new Date()))
                }
              >
                {t('sync.acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <details>
          <summary>{t('sync.acknowledged', { count: done.length })}</summary>
          <ul className="plain">
            {done.map(({ event }) => (
              <li key={event.id}>
                <a href={hrefOf({ name: 'case', caseId: event.caseId })}>
                  {t(eventTypeKey(event.type))}
                </a>{' '}
                — {event.rejection && describeProblem(t, event.rejection)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
