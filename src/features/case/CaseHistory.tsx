/**
 * The case's audit trail, straight from its events: when, what — with what the event says in
 * words (the act, the grounds, a correction's old and new values) —, who, on which device (by the
 * name the administrator gave it), and its sync state, with the server's reason when an event
 * was rejected.
 */
import { useTranslation } from 'react-i18next';
import { deviceBook, nameDevice } from '../../db/devices';
import { caseHistory, peopleByIds } from '../../db/queries';
import { useLive } from '../../db/useLive';
import type { Service } from '../../domain/catalog/schema';
import { shortName } from '../../domain/names';
import { formatDateTimeKz } from '../../domain/time';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { DeviceName } from './DeviceName';
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
  const { loc } = useLang();
  const history = useLive(async () => {
    const events = await caseHistory(db, caseId);
    // The people who acted, and the executors the head assigned.
    const ids = events.map((e) => e.staffId);
    for (const e of events) if (e.type === 'case.assigned') ids.push(e.payload.executorId);
    const [people, devices] = await Promise.all([
      peopleByIds(db, ids),
      deviceBook(
        db,
        events.map((e) => e.deviceId),
      ),
    ]);
    return { events, people, devices };
  }, [caseId]);
  if (history.status !== 'ready') return null;
  const { events, people, devices } = history.data;

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
                  <DeviceName naming={nameDevice(devices, loc, event.deviceId, person)} />
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
