/**
 * What the desk recorded of the package and the visit, as terms of the case screen's facts
 * list: each checklist document and whether the original or a copy was presented (or out of
 * date, for a refusal), the consent to the use of personal data, and the desk time against the
 * minutes the regulation gives its intake (where it gives any; 003-06's intake is one step with
 * the forwarding, counted in days, and has none).
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import { deskMinutes } from '../../domain/catalog/desk';
import type { Service } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';
import { documentName } from './words';

export function DeskFacts({ caseRow: c, service }: { caseRow: CaseRow; service?: Service }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const limit = deskMinutes(service?.channels[c.channel]);
  const expired = new Set(
    (c.intakeRefusal ?? []).filter((p) => p.problem === 'expired').map((p) => p.id),
  );
  // Cases registered before the full intake recorded no consent: nothing is said of it.
  const isFullIntake = c.personalDataConsent || c.deskSeconds !== undefined;
  const formOf = (d: CaseRow['documents'][number]) => {
    if (!d.isPresented) return t('intakeRecord.notPresented');
    if (expired.has(d.id)) return t('intake.expired');
    return d.form ? t(`intake.${d.form}`) : t('intakeRecord.presented');
  };
  const desk = (seconds: number) => {
    const duration = t('intakeRecord.deskDuration', {
      minutes: Math.floor(seconds / 60),
      seconds: String(seconds % 60).padStart(2, '0'),
    });
    const against =
      limit === undefined
        ? t('intakeRecord.deskNoLimit')
        : t(seconds <= limit * 60 ? 'intakeRecord.deskWithin' : 'intakeRecord.deskOver', {
            limit: t('units.minutes', { count: limit }),
          });
    return `${duration} (${against})`;
  };
  return (
    <>
      {c.documents.length > 0 && (
        <>
          <dt>{t('intakeRecord.documents')}</dt>
          <dd>
            <ul className="plain" data-testid="case-documents">
              {c.documents.map((d) => (
                <li key={d.id}>
                  {documentName(service, d.id, loc)} — {formOf(d)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {isFullIntake && (
        <>
          <dt>{t('intakeRecord.consent')}</dt>
          <dd data-testid="case-consent">
            {c.personalDataConsent
              ? t('intakeRecord.consentGiven')
              : t('intakeRecord.consentNotRecorded')}
          </dd>
        </>
      )}
      {c.deskSeconds !== undefined && (
        <>
          <dt>{t('intakeRecord.deskTime')}</dt>
          <dd data-testid="case-desk-time">{desk(c.deskSeconds)}</dd>
        </>
      )}
    </>
  );
}
