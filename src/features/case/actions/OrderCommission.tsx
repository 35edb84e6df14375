/** The akim's order to the precinct commission to inspect the family (004-01). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function OrderCommission({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [note, setNote] = useState('');
  const titleId = useId();
  return (
    <form
      className="action"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void cmd.run(() => commands.orderCommission(caseRow.id, note));
      }}
    >
      <h3 id={titleId}>{t('commission.orderTitle')}</h3>
      <p className="hint">{t('commission.orderHint')}</p>
      <label>
        {t('commission.note')}
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={cmd.isBusy}>
        {t('actions.commission_ordered')}
      </button>
      <ProblemText problem={cmd.problem} />
    </form>
  );
}
