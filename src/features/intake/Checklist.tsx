/**
 * The service's document checklist. Where the regulation only refers to the national Standard
 * and the seeds hold no list, the screen says so instead of showing an invented one.
 */
import { useTranslation } from 'react-i18next';
import type { Service } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';

interface Props {
  service: Service;
  presented: string[];
  onChange(presented: string[]): void;
  hasProblem: boolean;
}

export function Checklist({ service, presented, onChange, hasProblem }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { checklist } = service;
  const documents = checklist.documents ?? [];
  const toggle = (id: string, isOn: boolean) =>
    onChange(isOn ? [...presented, id] : presented.filter((d) => d !== id));

  return (
    <fieldset aria-invalid={hasProblem ? true : undefined}>
      <legend>{t('intake.documents')}</legend>
      {checklist.kind === 'per_standard' && (
        <p className="hint">{t('intake.perStandard', { reference: loc(checklist.reference) })}</p>
      )}
      {documents.map((d) => (
        <label key={d.id} className="check">
          <input
            type="checkbox"
            name={`doc-${d.id}`}
            checked={presented.includes(d.id)}
            onChange={(e) => toggle(d.id, e.target.checked)}
          />
          {loc(d.name)}
          {d.condition && <span className="hint"> ({loc(d.condition)})</span>}
        </label>
      ))}
      {hasProblem && <p className="field-error">{t('errors.documents-incomplete')}</p>}
    </fieldset>
  );
}
