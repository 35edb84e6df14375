/**
 * An application refused at the desk: its number in the office's refusal register, when and by
 * whom, and the documents that were missing or out of date — what the refusal receipt lists.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import type { Service } from '../../domain/catalog/schema';
import { formatDateTimeKz } from '../../domain/time';
import { useLang } from '../app/useLang';
import { documentName } from './words';

export function IntakeRefusalNotice({
  caseRow: c,
  service,
}: {
  caseRow: CaseRow;
  service?: Service;
}) {
  const { t } = useTranslation();
  const { loc } = useLang();
  if (!c.intakeRefusal) return null;
  return (
    <section aria-labelledby="refused-title" className="notice" data-testid="intake-refusal">
      <h2 id="refused-title">{t('intakeRecord.refusedTitle')}</h2>
      <dl className="facts">
        <dt>{t('intakeRecord.refusedNumber')}</dt>
        <dd data-testid="refusal-number">{c.regNumber}</dd>
        <dt>{t('intakeRecord.refusedAt')}</dt>
        <dd>{formatDateTimeKz(c.registeredAt)}</dd>
        <dt>{t('intakeRecord.refusedBy')}</dt>
        <dd>{c.acceptedBy.shortName}</dd>
        <dt>{t('intakeRecord.refusedDocuments')}</dt>
        <dd>
          <ul className="plain">
            {c.intakeRefusal.map((p) => (
              <li key={p.id}>
                {documentName(service, p.id, loc)} — {t(`intake.${p.problem}`)}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
