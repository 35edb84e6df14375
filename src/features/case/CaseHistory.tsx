/**
 * The case's audit trail, straight from its events: when, what, who, on which device, and its
 * sync state — with the server's reason when an event was rejected.
 */
import { useTranslation } from 'react-i18next';
import { caseHistory } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { formatDateTimeKz } from '../../domain/time';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useRuntime } from '../app/runtime';

export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const history = useLive(async () => {
    const events = await caseHistory(db, caseId);
    const staff = await db.people.bulkGet(events.map((e) => e.staffId));
    return events.map((event, i) => ({ event, person: staff[i] }));
  }, [caseId]);
  if (history.status !== 'ready') return null;

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
          {history.data.map(({ event, person }) => (
            <tr key={event.id}>
              <td>{formatDateTimeKz(event.deviceTime.slice(0, 16))}</td>
              <td>{t(eventTypeKey(event.type))}</td>
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
          ))}
        </tbody>
      </table>
    </section>
  );
}
