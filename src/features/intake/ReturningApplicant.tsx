/**
 * An applicant the device has seen before: once a valid IIN is typed that has a case here, the
 * form offers the particulars of the latest one (as corrected since). Nothing is filled until
 * the person asks for it, and the offer says what each field will get and which typed value it
 * replaces — nothing is overwritten silently.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { latestCaseOfIin } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { formatDateKz } from '../../domain/time';
import type { IntakeDraft } from '../../state/drafts';
import { useRuntime } from '../app/runtime';

/** The applicant's particulars a returning applicant's case can give. */
const PREFILLED = ['surname', 'givenName', 'patronymic', 'phone', 'address'] as const;
type Prefilled = (typeof PREFILLED)[number];

interface Props {
  /** a valid IIN */
  iin: string;
  draft: IntakeDraft;
  onPrefill(patch: Partial<Pick<IntakeDraft, Prefilled>>): void;
}

export function ReturningApplicant({ iin, draft, onPrefill }: Props) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const latest = useLive(() => latestCaseOfIin(db, iin), [iin]);
  /** the IIN whose offer the person turned down or took */
  const [doneFor, setDoneFor] = useState<{ iin: string; isFilled: boolean } | null>(null);
  const found = latest.data;
  if (doneFor?.iin === iin) {
    return doneFor.isFilled ? (
      <p role="status" className="hint">
        {t('intake.prefilled')}
      </p>
    ) : null;
  }
  if (!found) return null;
  const patch: Partial<Record<Prefilled, string>> = {};
  for (const field of PREFILLED) {
    const value = found.applicant[field] ?? '';
    if (value && value !== draft[field]) patch[field] = value;
  }
  const changed = PREFILLED.filter((f) => patch[f] !== undefined);
  // Everything it holds is already in the form: nothing to offer.
  if (changed.length === 0) return null;

  return (
    <section className="notice returning" aria-labelledby="returning-title">
      <p id="returning-title">
        <strong>
          {t('intake.returning', {
            regNumber: found.regNumber,
            date: formatDateKz(found.registeredAt),
          })}
        </strong>
      </p>
      <p>{t('intake.prefillWill')}</p>
      <ul data-testid="prefill-preview">
        {changed.map((field) => (
          <li key={field}>
            {t(`intake.${field}`)}: {patch[field]}
            {draft[field] ? ` ${t('intake.prefillReplaces', { current: draft[field] })}` : ''}
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => {
          onPrefill(patch);
          setDoneFor({ iin, isFilled: true });
        }}
      >
        {t('intake.prefill')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => setDoneFor({ iin, isFilled: false })}
      >
        {t('intake.prefillDismiss')}
      </button>
    </section>
  );
}
