/**
 * People as the desk papers print them: the applicant in full with the IIN and the address, and
 * a representative with the power of attorney's particulars, its date in words. Shared by the
 * receipts, the commission's papers and the village's result, so a name reads the same on each.
 */
import type { Applicant, Representative } from '../../../domain/case/events';
import { fullName } from '../../../domain/names';
import { formatDateWords, type PaperLang } from '../../../domain/paper-dates';
import type { PaperLabels } from '../labels';

export { fullName };

/** The service by its name in the paper's language and its number, one fact of a paper. */
export function ServiceText({
  service,
  serviceId,
  lang,
}: {
  service: { name: Record<PaperLang, string> } | undefined;
  serviceId: string;
  lang: PaperLang;
}) {
  return (
    <>
      {service?.name[lang] ?? serviceId} <span className="nowrap">({serviceId})</span>
    </>
  );
}

/** The applicant's name, IIN and (where recorded) address, one fact of a paper. */
export function ApplicantText({
  applicant,
  iinLabel,
  addressLabel,
}: {
  applicant: Applicant;
  iinLabel: string;
  /** printed before the address; none: the address is left out */
  addressLabel?: string;
}) {
  return (
    <>
      <strong>{fullName(applicant)}</strong>, {iinLabel}{' '}
      <span className="nowrap">{applicant.iin}</span>
      {addressLabel && applicant.address && (
        <>
          <br />
          {addressLabel}: {applicant.address}
        </>
      )}
    </>
  );
}

/** "Жақыпов Ерлан Серікұлы, ЖСН …; сенімхат № 12, 1 желтоқсан 2026 ж., берген: …" */
export function RepresentativeText({
  representative,
  iinLabel,
  lang,
  labels,
}: {
  representative: Representative;
  iinLabel: string;
  lang: PaperLang;
  labels: PaperLabels;
}) {
  const poa = representative.powerOfAttorney;
  return (
    <>
      <strong>{fullName(representative)}</strong>, {iinLabel}{' '}
      <span className="nowrap">{representative.iin}</span>;{' '}
      {labels.common.powerOfAttorney(poa.number, formatDateWords(poa.date, lang), poa.issuer)}
    </>
  );
}
