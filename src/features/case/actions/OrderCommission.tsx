/** The akim's order to the precinct commission to inspect the family (004-01). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import { ActionForm } from './ActionForm';
import type { ActionProps } from './types';
import { useCommand } from './useCommand';

export function OrderCommission({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [note, setNote] = useState('');
  useOpenForm(note.trim() !== '');
  return (
    <ActionForm
      title={t('commission.orderTitle')}
      submitLabel={t('actions.commission_ordered')}
      command={cmd}
      onSubmit={() => void cmd.run(() => commands.orderCommission(caseRow.id, note))}
    >
      <p className="hint">{t('commission.orderHint')}</p>
      <label>
        {t('commission.note')}
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
    </ActionForm>
  );
}
