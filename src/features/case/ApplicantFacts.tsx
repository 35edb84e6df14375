/**
 * The applicant's particulars the desk recorded beyond the name and IIN — phone and address —
 * and the representative who handed the application in by a power of attorney: terms of the
 * case screen's facts list. What a case lacks (cases from before the full intake) is left out.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import { formatDateKz } from '../../domain/time';

export function ApplicantFacts({ caseRow: c }: { caseRow: CaseRow }) {
  const { t } = useTranslation();
  const r = c.representative;
  return (
    <>
      {c.applicant.phone && (
        <>
          <dt>{t('intakeRecord.phone')}</dt>
          <dd>{c.applicant.phone}</dd>
        </>
      )}
      {c.applicant.address && (
        <>
          <dt>{t('intakeRecord.address')}</dt>
          <dd data-testid="case-address">{c.applicant.address}</dd>
        </>
      )}
      {r && (
        <>
          <dt>{t('intakeRecord.representative')}</dt>
          <dd data-testid="case-representative">
            {t('intakeRecord.representativeLine', {
              name: [r.surname, r.givenName, r.patronymic].filter(Boolean).join(' '),
              iin: r.iin,
            })}
            <br />
            {t('intakeRecord.poaLine', {
              number: r.powerOfAttorney.number,
              date: formatDateKz(r.powerOfAttorney.date),
              issuer: r.powerOfAttorney.issuer,
            })}
          </dd>
        </>
      )}
    </>
  );
}
