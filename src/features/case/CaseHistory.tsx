/**
 * The case's audit trail, straight from its events: when, what — with what the event says in
 * words (the act, the grounds, a correction's old and new values) —, who, on which device, and
 * its sync state, with the server's reason when an event was rejected.
 */
import { useTranslation } from 'react-i18next';
import { caseHistory } from '../../db/queries';
import { useLive } from '../../db/useLive';
import type { Service } from '../../domain/catalog/schema';
import { shortName } from '../../domain/names';
import type { Person } from '../../domain/reference';
import { formatDateTimeKz } from '../../domain/time';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { EventDetails } from './EventDetails';

export function CaseHistory({
  caseId,
  service,
}: {
  caseId: string;
  service?: Service | undefined;
}) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const history = useLive(async () => {
    const events = await caseHistory(db, caseId);
    // The people who acted, and the executors the head assigned.
    const ids = new Set(events.map((e) => e.staffId));
    for (const e of events) if (e.type === 'case.assigned') ids.add(e.payload.executorId);
    const found = await db.people.bulkGet([...ids]);
    const people = new Map<string, Person>();
    for (const p of found) if (p) people.set(p.id, p);
    return { events, people };
  }, [caseId]);
  if (history.status !== 'ready') return null;
  const { events, people } = history.data;

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('case.history')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('history.when')}</th>
            <th>{t('history.what')}</th>
            <th>{t('history.who')}</th>
            <th>{t('history.device')}</th>
            <th>{t('history.sync')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const person = people.get(event.staffId);
            return (
              <tr key={event.id} data-type={event.type}>
                <td>{formatDateTimeKz(event.deviceTime.slice(0, 16))}</td>
                <td>
                  {t(eventTypeKey(event.type))}
                  <EventDetails event={event} service={service} people={people} />
                </td>
                <td>
                  {person ? `${shortName(person)} (${t(`roles.${person.role}`)})` : event.staffId}
                </td>
                <td>
                  <code>{event.deviceId}</code>
                </td>
                <td>
                  {t(`eventStatus.${event.status}`)}
                  {event.rejection && `: ${describeProblem(t, event.rejection)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
