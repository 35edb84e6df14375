/**
 * Files arriving from the akimats, by akimat and by transfer batch, oldest batch first: each
 * batch with its paper register (the executor checks the files against it), how many of its
 * files are confirmed, still outstanding or returned. The executor confirms one file, or the
 * whole batch except the files marked as exceptions (one action, after a confirmation that
 * says how many), and returns a file with the documents missing or wrong and the reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatedCase } from '../../db/deadlines';
import { type IncomingBatch, incomingByOffice } from '../../db/desk';
import { useLive } from '../../db/useLive';
import { processOf } from '../../domain/case/reducer';
import { actionsFor } from '../../domain/process';
import type { StaffRole } from '../../domain/roles';
import { formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { ConfirmButton } from '../app/ConfirmButton';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { useCatalog } from '../app/useReference';
import { ReturnForm } from '../case/actions/ReturnForm';
import { useCommand } from '../case/actions/useCommand';
import { paperHref } from '../print/route';
import { CaseLine } from './CaseLine';
import { DeskProblem } from './DeskProblem';

const mayReceive = (d: DatedCase, role: StaffRole | undefined) =>
  role !== undefined &&
  actionsFor(processOf(d.row), d.row, role).some((a) => a.type === 'case.received');

export function IncomingBatches() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db } = useRuntime();
  const now = useNow();
  const incoming = useLive(() => incomingByOffice(db, now), [now]);
  const offices = incoming.data ?? [];
  const total = offices.reduce(
    (n, o) => n + o.batches.reduce((m, b) => m + b.outstanding.length, 0),
    0,
  );
  return (
    <section aria-labelledby="desk-incoming" className="desk-part">
      <h2 id="desk-incoming">
        {t('district.incoming')} ({total})
      </h2>
      {incoming.status === 'ready' && offices.length === 0 && (
        <p className="hint">{t('desk.noIncoming')}</p>
      )}
      {offices.map((o) => (
        <section key={o.officeId} aria-labelledby={`desk-in-${o.officeId}`} className="desk-office">
          <h3 id={`desk-in-${o.officeId}`}>{o.office ? loc(o.office.name) : o.officeId}</h3>
          {o.batches.map((b) => (
            <BatchCard key={b.batchId} batch={b} />
          ))}
        </section>
      ))}
    </section>
  );
}

function BatchCard({ batch }: { batch: IncomingBatch }) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const role = useSession((s) => s.staff?.role);
  const cmd = useCommand();
  const [exceptions, setExceptions] = useState<string[]>([]);
  const receivable = batch.outstanding.filter((d) => mayReceive(d, role));
  const toConfirm = receivable.filter((d) => !exceptions.includes(d.row.id));
  const label = `${t('desk.batch')} ${batch.batchNumber}`;
  const toggle = (id: string, isException: boolean) =>
    setExceptions((list) => (isException ? [...list, id] : list.filter((x) => x !== id)));

  return (
    <section aria-label={label} className="desk-batch">
      <h4>
        {label}
        {batch.sentAt && (
          <span className="hint">
            {' '}
            · {t('desk.sentAt', { at: formatDateTimeKz(batch.sentAt) })}
          </span>
        )}{' '}
        <a href={paperHref('register', batch.batchNumber)}>{t('transfer.printRegister')}</a>
      </h4>
      <p data-testid="batch-counts">
        {t('desk.counts', {
          confirmed: batch.confirmed,
          outstanding: batch.outstanding.length,
          returned: batch.returned,
        })}
      </p>
      <ul className="plain desk-rows">
        {batch.outstanding.map((d) => {
          const canReceive = mayReceive(d, role);
          const n = d.row.regNumber;
          return (
            <li key={d.row.id} className={`row-${d.deadline.colour}`}>
              {canReceive && (
                <label className="desk-exception">
                  <input
                    type="checkbox"
                    aria-label={`${t('desk.exception')} ${n}`}
                    checked={exceptions.includes(d.row.id)}
                    onChange={(e) => toggle(d.row.id, e.target.checked)}
                  />{' '}
                  {t('desk.exception')}
                </label>
              )}{' '}
              <CaseLine dated={d}>
                <DocumentCount dated={d} />
              </CaseLine>{' '}
              {canReceive && (
                <>
                  <ConfirmButton
                    label={t('actions.case_received')}
                    ariaLabel={`${t('actions.case_received')} ${n}`}
                    question={t('desk.receiveOne', { regNumber: n })}
                    isDisabled={cmd.isBusy}
                    onConfirm={() => cmd.run(() => commands.receiveCases([d.row.id]))}
                  />
                  <ReturnInline dated={d} />
                </>
              )}
            </li>
          );
        })}
      </ul>
      {receivable.length > 1 && (
        <p>
          <ConfirmButton
            label={t('desk.receiveBatch', { count: toConfirm.length })}
            ariaLabel={`${t('desk.receiveBatch', { count: toConfirm.length })} ${batch.batchNumber}`}
            question={t('desk.receiveBatchQuestion', {
              count: toConfirm.length,
              batch: batch.batchNumber,
              exceptions: receivable.length - toConfirm.length,
            })}
            isDisabled={cmd.isBusy || toConfirm.length === 0}
            onConfirm={async () => {
              if (await cmd.run(() => commands.receiveCases(toConfirm.map((d) => d.row.id)))) {
                setExceptions([]);
              }
            }}
          />
        </p>
      )}
      <DeskProblem problem={cmd.problem} />
    </section>
  );
}

/** How many documents the file should hold (none said where the checklist is the Standard's). */
function DocumentCount({ dated }: { dated: DatedCase }) {
  const { t } = useTranslation();
  const count = dated.row.documents.filter((doc) => doc.isPresented).length;
  if (count === 0) return null;
  return <span className="hint"> {t('desk.documents', { count })}</span>;
}

/** The return form of one file, with its documents named from its own catalog edition. */
function ReturnInline({ dated }: { dated: DatedCase }) {
  const catalog = useCatalog(dated.row.catalogVersion);
  const service = catalog?.services.find((s) => s.id === dated.row.serviceId);
  return (
    <div className="desk-return">
      <ReturnForm caseRow={dated.row} process={processOf(dated.row)} service={service} />
    </div>
  );
}
