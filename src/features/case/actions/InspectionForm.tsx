/**
 * The precinct commission's inspection act, recorded on the village device by the specialist
 * or the akim: the act's date, the members (one per line), what was found about the family's
 * material situation, and the conclusion — needy or not — with its text.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocalDateTime } from '../../../domain/time';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import { ActionForm } from './ActionForm';
import type { ActionProps } from './types';
import { useCommand } from './useCommand';

export function InspectionForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [actDate, setActDate] = useState(() => toLocalDateTime(new Date()).slice(0, 10));
  const [members, setMembers] = useState('');
  const [findings, setFindings] = useState('');
  const [conclusion, setConclusion] = useState<'needy' | 'not_needy' | null>(null);
  const [conclusionText, setConclusionText] = useState('');
  const [isTried, setTried] = useState(false);
  useOpenForm(
    [members, findings, conclusionText].some((v) => v.trim() !== '') || conclusion !== null,
  );
  const missing = (value: string | null) => (isTried && !value?.trim() ? true : undefined);

  async function save() {
    setTried(true);
    if (!actDate || !findings.trim() || !conclusion || !conclusionText.trim()) {
      cmd.setProblem({ code: 'field-required' });
      return;
    }
    await cmd.run(() =>
      commands.recordInspection(caseRow.id, {
        actDate,
        members: members.split('\n'),
        findings: findings.trim(),
        conclusion,
        conclusionText: conclusionText.trim(),
      }),
    );
  }

  return (
    <ActionForm
      title={t('commission.actTitle')}
      submitLabel={t('actions.commission_inspected')}
      command={cmd}
      noValidate
      onSubmit={() => void save()}
    >
      <label>
        {t('commission.actDate')}
        <input
          type="date"
          value={actDate}
          onChange={(e) => setActDate(e.target.value)}
          aria-invalid={missing(actDate)}
        />
      </label>
      <label>
        {t('commission.members')}
        <textarea
          value={members}
          rows={4}
          onChange={(e) => setMembers(e.target.value)}
          aria-invalid={missing(members)}
        />
      </label>
      <label>
        {t('commission.findings')}
        <textarea
          value={findings}
          rows={4}
          onChange={(e) => setFindings(e.target.value)}
          aria-invalid={missing(findings)}
        />
      </label>
      <fieldset aria-invalid={missing(conclusion)}>
        <legend>{t('commission.conclusion')}</legend>
        {(['needy', 'not_needy'] as const).map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${titleId}-conclusion`}
              checked={conclusion === value}
              onChange={() => setConclusion(value)}
            />
            {t(`commission.${value}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('commission.conclusionText')}
        <textarea
          value={conclusionText}
          rows={3}
          onChange={(e) => setConclusionText(e.target.value)}
          aria-invalid={missing(conclusionText)}
        />
      </label>
    </ActionForm>
  );
}
