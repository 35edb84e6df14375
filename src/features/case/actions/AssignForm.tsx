/** The head's resolution: which executor of the department reviews the case. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeStaff } from '../../../db/queries';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { useSession } from '../../../state/session';
import { useRuntime } from '../../app/runtime';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function AssignForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { db, commands } = useRuntime();
  const officeId = useSession((s) => s.staff?.officeId ?? '');
  const executors = useLive(() => officeStaff(db, officeId, 'district_executor'), [officeId]);
  const cmd = useCommand();
  const titleId = useId();
  const [chosen, setChosen] = useState('');
  const list = executors.data ?? [];
  const executorId = chosen || list[0]?.id || '';

  return (
    <form
      className="action"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!executorId) cmd.setProblem({ code: 'executor-unknown' });
        else void cmd.run(() => commands.assignCase(caseRow.id, executorId));
      }}
    >
      <h3 id={titleId}>{t('assign.title')}</h3>
      <label>
        {t('assign.executor')}
        <select value={executorId} onChange={(e) => setChosen(e.target.value)}>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {shortName(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={cmd.isBusy || !executorId}>
        {t('actions.case_assigned')}
      </button>
      <ProblemText problem={cmd.problem} />
    </form>
  );
}
