/**
 * The next steps the signed-in person may record on this case, from the transition table. The
 * decision takes an outcome and, for a refusal, its reasons in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import type { EventType } from '../../domain/case/events';
import { nextActions } from '../../domain/case/transitions';
import type { Problem } from '../../domain/errors';
import type { StaffRole } from '../../domain/roles';
import { describeProblem, eventTypeKey } from '../../i18n';
import { useRuntime } from '../app/runtime';

export function CaseActions({ caseRow, role }: { caseRow: CaseRow; role: StaffRole }) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const actions = nextActions(caseRow.status, role).filter((a) => a !== 'batch.sent');
  if (actions.length === 0) return null;

  async function run(type: EventType, outcome?: 'approved' | 'refused') {
    const id = caseRow.id;
    const result =
      type === 'case.received'
        ? await commands.receiveCase(id)
        : type === 'case.decided'
          ? await commands.decideCase(
              id,
              outcome === 'refused' ? { outcome: 'refused', reason } : { outcome: 'approved' },
            )
          : type === 'case.signed'
            ? await commands.signCase(id)
            : type === 'result.sent'
              ? await commands.sendResult(id)
              : type === 'result.received'
                ? await commands.receiveResult(id)
                : await commands.handOutResult(id);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setReason('');
  }

  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">{t('case.actions')}</h2>
      {actions.map((type) =>
        type === 'case.decided' ? (
          <div key={type} className="decision">
            <button type="button" onClick={() => run(type, 'approved')}>
              {t('actions.approve')}
            </button>
            <label>
              {t('actions.refusalReason')}
              <textarea
                name="reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
              />
            </label>
            <button type="button" onClick={() => run(type, 'refused')}>
              {t('actions.refuse')}
            </button>
          </div>
        ) : (
          <button key={type} type="button" onClick={() => run(type)}>
            {t(`actions.${eventTypeKey(type).split('.')[1]}`)}
          </button>
        ),
      )}
      {problem && (
        <p role="alert" className="error">
          {describeProblem(t, problem)}
        </p>
      )}
    </section>
  );
}
