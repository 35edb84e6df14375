/**
 * An incomplete package, or one with a document out of date, is not registered: the regulation
 * has the desk refuse it with a receipt that names what is missing. Once the person marks a
 * required document missing or out of date (or a save finds the package incomplete), the form
 * says which documents those are and offers the refusal, after a confirmation that names the
 * documents the receipt will list.
 */
import { useTranslation } from 'react-i18next';
import type { Service } from '../../domain/catalog/schema';
import { ConfirmButton } from '../app/ConfirmButton';
import { useLang } from '../app/useLang';

interface Props {
  service: Service;
  /** required documents not presented (unchecked ones too: the receipt names them) */
  missing: readonly string[];
  expired: readonly string[];
  applicantName: string;
  isBusy: boolean;
  onRefuse(): void;
}

export function RefusalOffer({
  service,
  missing,
  expired,
  applicantName,
  isBusy,
  onRefuse,
}: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const nameOf = (id: string) =>
    loc(service.checklist.documents?.find((d) => d.id === id)?.name) || id;
  const lines = [
    ...missing.map((id) => `${nameOf(id)} — ${t('intake.missing')}`),
    ...expired.map((id) => `${nameOf(id)} — ${t('intake.expired')}`),
  ];
  return (
    <section className="notice refusal-offer" aria-labelledby="refusal-offer-title">
      <h2 id="refusal-offer-title">{t('intake.refusalTitle')}</h2>
      <p>{t('intake.refusalHint')}</p>
      {missing.length > 0 && (
        <>
          <p>{t('intake.refusalMissing')}</p>
          <ul data-testid="refusal-missing">
            {missing.map((id) => (
              <li key={id}>{nameOf(id)}</li>
            ))}
          </ul>
        </>
      )}
      {expired.length > 0 && (
        <>
          <p>{t('intake.refusalExpired')}</p>
          <ul data-testid="refusal-expired">
            {expired.map((id) => (
              <li key={id}>{nameOf(id)}</li>
            ))}
          </ul>
        </>
      )}
      <ConfirmButton
        label={t('intake.refuse')}
        isDisabled={isBusy}
        question={
          <>
            <p>{t('intake.refuseQuestion', { name: applicantName })}</p>
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        }
        onConfirm={onRefuse}
      />
    </section>
  );
}
