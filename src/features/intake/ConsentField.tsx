/**
 * The applicant's consent to the collection, processing and use of their personal data, in the
 * words of the Law on personal data: the desk ticks it once the applicant has agreed, and the
 * registration (or the refusal) records it.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  isGiven: boolean;
  onChange(isGiven: boolean): void;
  problem?: string | undefined;
}

export function ConsentField({ isGiven, onChange, problem }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field consent">
      <label className="check">
        <input
          id="intake-consent"
          type="checkbox"
          name="consent"
          checked={isGiven}
          onChange={(e) => onChange(e.target.checked)}
          aria-required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'intake-consent-error' : undefined}
        />
        <span>{t('intake.consent')}</span>
      </label>
      {problem && (
        <span id="intake-consent-error" className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
