/**
 * The district returns the paper file to the akimat instead of confirming it: each document of
 * the case marked missing or wrong, and the reason in words. The return goes back to the
 * village with the case; it cannot be taken back, so it asks for confirmation.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { useLang } from '../../app/useLang';
import { useOpenForm } from '../../update/openForms';
import { documentName } from '../words';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

type Mark = 'ok' | 'missing' | 'wrong';

export function ReturnForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [reason, setReason] = useState('');
  const marked = caseRow.documents.flatMap((d) => {
    const mark = marks[d.id];
    return mark === 'missing' || mark === 'wrong' ? [{ id: d.id, problem: mark }] : [];
  });
  useOpenForm(marked.length > 0 || reason.trim() !== '');

  return (
    <details className="action">
      <summary id={titleId}>{t('returnForm.title')}</summary>
      <p className="hint">{t('returnForm.hint')}</p>
      {caseRow.documents.length > 0 ? (
        <table aria-labelledby={titleId}>
          <thead>
            <tr>
              <th>{t('returnForm.document')}</th>
              <th>{t('returnForm.state')}</th>
            </tr>
          </thead>
          <tbody>
            {caseRow.documents.map((d) => {
              const name = documentName(service, d.id, loc);
              return (
                <tr key={d.id}>
                  <td>
                    {name}
                    {!d.isPresented && (
                      <span className="hint"> ({t('returnForm.notPresented')})</span>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={name}
                      value={marks[d.id] ?? 'ok'}
                      onChange={(e) => setMarks({ ...marks, [d.id]: e.target.value as Mark })}
                    >
                      <option value="ok">{t('returnForm.ok')}</option>
                      <option value="missing">{t('returnForm.missing')}</option>
                      <option value="wrong">{t('returnForm.wrong')}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('returnForm.noDocuments')}</p>
      )}
      <label>
        {t('returnForm.reason')}
        <textarea value={reason} rows={3} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ConfirmButton
        label={t('actions.case_returned')}
        isDisabled={cmd.isBusy}
        question={t('confirm.case_returned', { count: marked.length })}
        onConfirm={() =>
          cmd.run(() => commands.returnCase(caseRow.id, { documents: marked, reason }))
        }
      />
      <ProblemText problem={cmd.problem} />
    </details>
  );
}
