/**
 * Transfer to the district: the specialist picks the cases whose process forwards them now —
 * registered ones of services the district renders, 004-01 files the commission has inspected,
 * files the district returned and the village completed — sends them as one batch (тізілім)
 * and prints the paper register that travels with the files. Services the village renders
 * itself (003-16) never come here. Sent batches stay listed with their register. Each case
 * shows how its forward step stands (overdue, due soon, on time) with the step's due.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withDeadlines } from '../../db/deadlines';
import { batches } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { casesAwaiting } from '../../db/worklists';
import type { Problem } from '../../domain/errors';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { DeadlineMark } from '../case/DeadlineMark';
import { paperHref } from '../print/route';
import { SyncMark } from '../sync/SyncMark';

export function TransferScreen() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, commands } = useRuntime();
  const now = useNow();
  const ready = useLive(
    async () =>
      withDeadlines(
        db,
        await casesAwaiting(db, ['registered', 'inspected', 'returned'], 'batch.sent'),
        now,
      ),
    [now],
  );
  const sent = useLive(() => batches(db), []);
  const serviceName = useServiceName();
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const dated = ready.data ?? [];
  const candidates = dated.map((d) => d.row);
  const chosen = selected.filter((id) => candidates.some((c) => c.id === id));

  async function send() {
    const result = await commands.sendBatch(chosen);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setSelected([]);
  }

  return (
    <main>
      <h1>{t('transfer.title')}</h1>
      <section aria-labelledby="ready-title">
        <h2 id="ready-title">{t('transfer.ready')}</h2>
        {candidates.length === 0 ? (
          <p>{t('transfer.none')}</p>
        ) : (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.length === candidates.length}
                onChange={(e) => setSelected(e.target.checked ? candidates.map((c) => c.id) : [])}
              />
              {t('transfer.selectAll')}
            </label>
            <ul className="plain">
              {dated.map(({ row: c, deadline }) => (
                <li key={c.id} className={`row-${deadline.colour}`}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(c.id)}
                      onChange={(e) =>
                        setSelected(
                          e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id),
                        )
                      }
                    />
                    {c.regNumber} — {c.applicant.surname} {c.applicant.givenName} —{' '}
                    {loc(serviceName?.(c.serviceId))}{' '}
                    <DeadlineMark deadline={deadline} isDueShown />{' '}
                    <span className="hint">
                      {t('case.resultDue')}: {formatDateKz(c.resultDue)}
                    </span>
                  </label>{' '}
                  {/* beside the box, not in its name */}
                  <SyncMark caseId={c.id} />
                  {c.status === 'returned' && (
                    <p className="hint returned-mark">
                      {t('transfer.returned', { count: c.returnCount })}{' '}
                      <a href={hrefOf({ name: 'case', caseId: c.id })}>{t('transfer.openCase')}</a>
                    </p>
                  )}
                </li>
              ))}
            </ul>
            <button type="button" onClick={send} disabled={chosen.length === 0}>
              {t('transfer.send', { count: chosen.length })}
            </button>
          </>
        )}
        {problem && (
          <p role="alert" className="error">
            {describeProblem(t, problem)}
          </p>
        )}
      </section>
      <section aria-labelledby="sent-title">
        <h2 id="sent-title">{t('transfer.sent')}</h2>
        <ul className="plain">
          {(sent.data ?? []).map((b) => (
            <li key={b.batchId}>
              {b.batchNumber} — {formatDateTimeKz(b.sentAt)} —{' '}
              {t('transfer.caseCount', { count: b.cases.length })}{' '}
              <a href={paperHref('register', b.batchNumber)}>{t('transfer.printRegister')}</a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
