/** The sector head's visa on the executor's draft, with an optional comment. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import { ActionForm } from './ActionForm';
import { DraftDecision } from './DraftDecision';
import type { ActionProps } from './types';
import { useCommand } from './useCommand';

export function EndorseForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [comment, setComment] = useState('');
  return (
    <ActionForm
      title={t('endorse.title')}
      submitLabel={t('actions.case_endorsed')}
      command={cmd}
      onSubmit={() => void cmd.run(() => commands.endorseCase(caseRow.id, comment))}
    >
      <DraftDecision caseRow={caseRow} service={service} />
      <label>
        {t('endorse.comment')}
        <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
      </label>
    </ActionForm>
  );
}
