/**
 * The fields of a decision: approve, or refuse naming one or more of the regulation's refusal
 * grounds (numbered as the regulation numbers them) and "other" with text. Where the
 * regulation lists no grounds, the refusal is written out. Used by the executor's draft, by a
 * signer who decides at the signature (the akim for 003-16), and by the village closing a
 * returned file with a refusal.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionInput } from '../../../db/commands';
import type { Service } from '../../../domain/catalog/schema';
import { useLang } from '../../app/useLang';
import { listedGrounds } from '../words';

export interface DecisionDraft {
  outcome: 'approved' | 'refused' | null;
  grounds: string[];
  reason: string;
}

export const EMPTY_DECISION: DecisionDraft = { outcome: null, grounds: [], reason: '' };

/** Whether anything was chosen or written beyond `start`, the form's empty state. */
export function hasDecisionContent(draft: DecisionDraft, start: DecisionDraft): boolean {
  return draft.outcome !== start.outcome || draft.grounds.length > 0 || draft.reason.trim() !== '';
}

/** The command's input, or null while no outcome is chosen. */
export function decisionInput(draft: DecisionDraft): DecisionInput | null {
  if (draft.outcome === null) return null;
  if (draft.outcome === 'approved') return { outcome: 'approved' };
  return { outcome: 'refused', grounds: draft.grounds, reason: draft.reason };
}

interface Props {
  service: Service | undefined;
  value: DecisionDraft;
  onChange(value: DecisionDraft): void;
  /** false: a refusal only (a returned file closed at the village) */
  canApprove?: boolean;
}

export function DecisionFields({ service, value, onChange, canApprove = true }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const name = useId();
  const listed = listedGrounds(service);
  const isRefusal = value.outcome === 'refused' || !canApprove;
  const hasOther = value.grounds.includes('other');
  const toggle = (id: string, isOn: boolean) =>
    onChange({
      ...value,
      grounds: isOn ? [...value.grounds, id] : value.grounds.filter((g) => g !== id),
    });
  const grounds = service?.refusalGrounds;

  return (
    <>
      {canApprove && (
        <fieldset>
          <legend>{t('decision.outcome')}</legend>
          <label className="check">
            <input
              type="radio"
              name={`${name}-outcome`}
              checked={value.outcome === 'approved'}
              onChange={() => onChange({ ...value, outcome: 'approved' })}
            />
            {t('decision.approve')}
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${name}-outcome`}
              checked={value.outcome === 'refused'}
              onChange={() => onChange({ ...value, outcome: 'refused' })}
            />
            {t('decision.refuse')}
          </label>
        </fieldset>
      )}
      {isRefusal && (
        <fieldset>
          <legend>{t('decision.grounds')}</legend>
          {listed.map((g) => (
            <label key={g.id} className="check">
              <input
                type="checkbox"
                checked={value.grounds.includes(g.id)}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
              {g.id}. {loc(g.text)}
            </label>
          ))}
          {listed.length > 0 && (
            <label className="check">
              <input
                type="checkbox"
                checked={hasOther}
                onChange={(e) => toggle('other', e.target.checked)}
              />
              {t('decision.other')}
            </label>
          )}
          {listed.length === 0 && (
            <p className="hint">
              {grounds?.kind === 'per_standard'
                ? t('decision.groundsPerStandard', { reference: loc(grounds.reference) })
                : t('decision.groundsNotListed')}
            </p>
          )}
          {(listed.length === 0 || hasOther) && (
            <label>
              {listed.length === 0 ? t('decision.reason') : t('decision.otherText')}
              <textarea
                value={value.reason}
                rows={3}
                onChange={(e) => onChange({ ...value, reason: e.target.value })}
              />
            </label>
          )}
        </fieldset>
      )}
    </>
  );
}
