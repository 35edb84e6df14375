/**
 * Signed results going back to the akimats, by akimat: the results of one akimat are sent in
 * one action (any of them may be held back by unticking it), after a confirmation that says how
 * many and where, as one numbered results batch with its register to print and put with the
 * papers. Below, the results batches on their way, until the akimat confirms they arrived.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResultsForOffice, resultsOnTheWay, resultsToSend } from '../../db/desk';
import { useLive } from '../../db/useLive';
import { processOf } from '../../domain/case/reducer';
import { actionsFor } from '../../domain/process';
import { formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { useCommand } from '../case/actions/useCommand';
import { paperHref } from '../print/route';
import { CaseLine } from './CaseLine';
import { DeskProblem } from './DeskProblem';

export function ResultsToSend() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const now = useNow();
  const ready = useLive(() => resultsToSend(db, now), [now]);
  const onTheWay = useLive(() => resultsOnTheWay(db), []);
  const groups = ready.data ?? [];
  const sent = onTheWay.data ?? [];
  const total = groups.reduce((n, g) => n + g.cases.length, 0);
  return (
    <>
      <section aria-labelledby="desk-to-send" className="desk-part">
        <h2 id="desk-to-send">
          {t('district.toSend')} ({total})
        </h2>
        {ready.status === 'ready' && total === 0 && <p className="hint">{t('desk.noResults')}</p>}
        {groups.map((g) => (
          <OfficeResults key={g.officeId} group={g} />
        ))}
      </section>
      <section aria-labelledby="desk-sent" className="desk-part">
        <h2 id="desk-sent">
          {t('district.sentBack')} ({sent.reduce((n, b) => n + b.cases.length, 0)})
        </h2>
        <ul className="plain desk-rows">
          {sent.map((b) => (
            <li key={b.batchNumber ?? `${b.officeId}-single`}>
              {b.batchNumber ? (
                <>
                  {t('desk.resultBatch')} <strong>{b.batchNumber}</strong>
                </>
              ) : (
                t('desk.resultsSingly')
              )}{' '}
              — {b.office ? loc(b.office.name) : b.officeId} —{' '}
              {t('transfer.caseCount', { count: b.cases.length })}
              {b.sentAt && <span className="hint"> · {formatDateTimeKz(b.sentAt)}</span>}:{' '}
              {b.cases.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a>
                </span>
              ))}{' '}
              {b.batchNumber && (
                <a href={paperHref('results', b.batchNumber)}>{t('desk.printResults')}</a>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function OfficeResults({ group }: { group: ResultsForOffice }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { commands } = useRuntime();
  const role = useSession((s) => s.staff?.role);
  const cmd = useCommand();
  const [held, setHeld] = useState<string[]>([]);
  const [sentNumber, setSentNumber] = useState<string | null>(null);
  const office = group.office ? loc(group.office.name) : group.officeId;
  const sendable = group.cases.filter(
    (d) =>
      role !== undefined &&
      actionsFor(processOf(d.row), d.row, role).some((a) => a.type === 'result.sent'),
  );
  const toSend = sendable.filter((d) => !held.includes(d.row.id));
  const label = t('desk.sendResults', { count: toSend.length });

  return (
    <section aria-label={`${t('district.toSend')}: ${office}`} className="desk-office">
      <h3>
        {office} ({group.cases.length})
      </h3>
      <ul className="plain desk-rows">
        {group.cases.map((d) => (
          <li key={d.row.id} className={`row-${d.deadline.colour}`}>
            {sendable.includes(d) && (
              <input
                type="checkbox"
                aria-label={`${t('desk.include')} ${d.row.regNumber}`}
                checked={!held.includes(d.row.id)}
                onChange={(e) =>
                  setHeld((list) =>
                    e.target.checked ? list.filter((id) => id !== d.row.id) : [...list, d.row.id],
                  )
                }
              />
            )}{' '}
            <CaseLine dated={d}>
              {' '}
              <strong>{d.row.outcome ? t(`outcome.${d.row.outcome}`) : ''}</strong>
            </CaseLine>
          </li>
        ))}
      </ul>
      {sendable.length > 0 && (
        <ConfirmButton
          label={label}
          ariaLabel={`${label}: ${office}`}
          question={t('desk.sendResultsQuestion', { count: toSend.length, office })}
          isDisabled={cmd.isBusy || toSend.length === 0}
          onConfirm={async () => {
            let number = '';
            const isSent = await cmd.run(async () => {
              const result = await commands.sendResults(toSend.map((d) => d.row.id));
              if (result.ok) number = result.value.batchNumber;
              return result;
            });
            if (isSent) {
              setSentNumber(number);
              setHeld([]);
            }
          }}
        />
      )}
      {sentNumber && (
        <p role="status">
          {t('desk.resultsSent', { number: sentNumber })}{' '}
          <a href={paperHref('results', sentNumber)}>{t('desk.printResults')}</a>
        </p>
      )}
      <DeskProblem problem={cmd.problem} />
    </section>
  );
}
