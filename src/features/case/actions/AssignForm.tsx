/** The head's resolution: which executor of the department reviews the case. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeStaff } from '../../../db/queries';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { useSession } from '../../../state/session';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import { ActionForm } from './ActionForm';
import type { ActionProps } from './types';
import { useCommand } from './useCommand';

export function AssignForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { db, commands } = useRuntime();
  const officeId = useSession((s) => s.staff?.officeId ?? '');
  const executors = useLive(() => officeStaff(db, officeId, 'district_executor'), [officeId]);
  const cmd = useCommand();
  const [chosen, setChosen] = useState('');
  useOpenForm(chosen !== '');
  const list = executors.data ?? [];
  const executorId = chosen || list[0]?.id || '';

  return (
    <ActionForm
      title={t('assign.title')}
      submitLabel={t('actions.case_assigned')}
      command={cmd}
      isDisabled={!executorId}
      onSubmit={() => {
        if (!executorId) cmd.setProblem({ code: 'executor-unknown' });
        else void cmd.run(() => commands.assignCase(caseRow.id, executorId));
      }}
    >
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
    </ActionForm>
  );
}
