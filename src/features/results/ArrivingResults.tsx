/**
 * Results on their way back from the district, as the akimat opens the paper packet: one card
 * per results batch with its number, when the district sent it, how many of its results are
 * confirmed and still to confirm, and its register to check the packet against. The specialist
 * confirms the whole batch in one action, after a confirmation that says how many — but for the
 * results ticked as missing from the packet, which stay to be confirmed one by one when they
 * come. Results sent singly (before results batches) are confirmed one by one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatedCase } from '../../db/deadlines';
import { type ArrivingBatch, arrivingResults } from '../../db/results';
import { useLive } from '../../db/useLive';
import { processOf } from '../../domain/case/reducer';
import { actionsFor } from '../../domain/process';
import type { StaffRole } from '../../domain/roles';
import { formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { useRuntime } from '../app/runtime';
import { useNow } from '../app/useNow';
import { useCommand } from '../case/actions/useCommand';
import { CaseLine } from '../district/CaseLine';
import { DeskProblem } from '../district/DeskProblem';
import { paperHref } from '../print/route';
import './results.css';

const mayReceive = (d: DatedCase, role: StaffRole | undefined) =>
  role !== undefined &&
  actionsFor(processOf(d.row), d.row, role).some((a) => a.type === 'result.received');

export function ArrivingResults() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const now = useNow();
  const arriving = useLive(() => arrivingResults(db, now), [now]);
  const batches = arriving.data ?? [];
  const total = batches.reduce((n, b) => n + b.waiting.length, 0);
  return (
    <section aria-labelledby="list-on-the-way">
      <h2 id="list-on-the-way">
        {t('results.onTheWay')} ({total})
      </h2>
      {arriving.status === 'ready' && total === 0 && (
        <p className="hint">{t('results.noneArriving')}</p>
      )}
      {batches.map((b) => (
        <BatchCard key={b.batchNumber ?? 'singly'} batch={b} />
      ))}
    </section>
  );
}

function BatchCard({ batch }: { batch: ArrivingBatch }) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const role = useSession((s) => s.staff?.role);
  const cmd = useCommand();
  const [missing, setMissing] = useState<string[]>([]);
  const number = batch.batchNumber;
  const receivable = batch.waiting.filter((d) => mayReceive(d, role));
  const toConfirm = receivable.filter((d) => !missing.includes(d.row.id));
  const title = number ? `${t('results.batch')} ${number}` : t('results.singly');
  const toggle = (id: string, isMissing: boolean) =>
    setMissing((list) => (isMissing ? [...list, id] : list.filter((x) => x !== id)));
  const batchLabel = t('results.receiveBatch', { count: toConfirm.length });

  return (
    <section aria-label={title} className="results-batch">
      <h3>
        {title}
        {batch.sentAt && (
          <span className="hint">
            {' '}
            · {t('results.sentAt', { at: formatDateTimeKz(batch.sentAt) })}
          </span>
        )}{' '}
        {number && <a href={paperHref('results', number)}>{t('results.printRegister')}</a>}
      </h3>
      {number && (
        <p data-testid="result-batch-counts">
          {t('results.counts', { received: batch.received, waiting: batch.waiting.length })}
        </p>
      )}
      <ul className="plain results-rows">
        {batch.waiting.map((d) => {
          const canReceive = mayReceive(d, role);
          const n = d.row.regNumber;
          return (
            <li key={d.row.id} className={`row-${d.deadline.colour}`}>
              {canReceive && number && (
                <label className="results-missing">
                  <input
                    type="checkbox"
                    aria-label={`${t('results.missing')} ${n}`}
                    checked={missing.includes(d.row.id)}
                    onChange={(e) => toggle(d.row.id, e.target.checked)}
                  />{' '}
                  {t('results.missing')}
                </label>
              )}{' '}
              <CaseLine dated={d}>
                {d.row.outcome && <strong> {t(`outcome.${d.row.outcome}`)}</strong>}
              </CaseLine>{' '}
              {canReceive && (
                <ConfirmButton
                  label={t('actions.result_received')}
                  ariaLabel={`${t('actions.result_received')} ${n}`}
                  question={t('results.receiveOne', { regNumber: n })}
                  isDisabled={cmd.isBusy}
                  onConfirm={() => cmd.run(() => commands.receiveResults([d.row.id]))}
                />
              )}
            </li>
          );
        })}
      </ul>
      {number && receivable.length > 1 && (
        <p>
          <ConfirmButton
            label={batchLabel}
            ariaLabel={`${batchLabel} ${number}`}
            question={t('results.receiveBatchQuestion', {
              count: toConfirm.length,
              batch: number,
              missing: receivable.length - toConfirm.length,
            })}
            isDisabled={cmd.isBusy || toConfirm.length === 0}
            onConfirm={async () => {
              if (await cmd.run(() => commands.receiveResults(toConfirm.map((d) => d.row.id)))) {
                setMissing([]);
              }
            }}
          />
        </p>
      )}
      <DeskProblem problem={cmd.problem} />
    </section>
  );
}
