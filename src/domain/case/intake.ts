/**
 * Checks an application before it is registered or refused at the desk: the fields a person
 * typed, the IIN's check digit and birth date, the representative and their power of attorney,
 * the consent to the use of personal data, the service and channel, and the document checklist.
 * Returns every problem at once, each tied to its field, so the form can show them all and keep
 * what was typed.
 */
import type { IsoDate } from '../calendar/dates';
import type { ChannelKind, Service } from '../catalog/schema';
import type { ErrorCode } from '../errors';
import { checkIin } from '../iin';

export interface PersonInput {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
}

export interface RepresentativeInput extends PersonInput {
  powerOfAttorney: { number: string; date: string; issuer: string };
}

export interface IntakeInput {
  serviceId: string;
  channel: ChannelKind;
  applicant: PersonInput & { phone?: string; address?: string };
  /** someone applying for the applicant by a power of attorney */
  representative?: RepresentativeInput;
  /** ids of the checklist documents the applicant presented */
  presentedDocuments: string[];
  /** ids of presented documents that are copies; the others were presented in the original */
  copies?: string[];
  /** ids of presented documents out of date (a refusal at the desk names them) */
  expiredDocuments?: string[];
  /** the channel's variant (a first certificate or a duplicate, …), where it has variants */
  variant?: string;
  /** the applicant agreed to the use of their personal data */
  personalDataConsent?: boolean;
  /** when the form was opened (offset date-time), for the desk time */
  deskOpenedAt?: string;
}

/** A phone number as people write it: digits with +, spaces, brackets and dashes; 10–12 digits. */
const PHONE = /^\+?[\d\s()-]+$/;

function personProblems(person: PersonInput, prefix: string, today: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const iin = person.iin.trim();
  if (!iin) problems.push({ field: `${prefix}iin`, code: 'field-required' });
  else {
    const check = checkIin(iin);
    if (!check.valid) problems.push({ field: `${prefix}iin`, code: check.reason });
    else if (check.birthDate && check.birthDate > today) {
      problems.push({ field: `${prefix}iin`, code: 'iin-birth-date-future' });
    }
  }
  if (!person.surname.trim()) problems.push({ field: `${prefix}surname`, code: 'field-required' });
  if (!person.givenName.trim()) {
    problems.push({ field: `${prefix}givenName`, code: 'field-required' });
  }
  return problems;
}

function representativeProblems(
  r: RepresentativeInput,
  applicantIin: string,
  today: IsoDate,
): FieldProblem[] {
  const problems = personProblems(r, 'representative.', today);
  if (r.iin.trim() && r.iin.trim() === applicantIin.trim()) {
    problems.push({ field: 'representative.iin', code: 'representative-is-applicant' });
  }
  const poa = r.powerOfAttorney;
  if (!poa.number.trim()) problems.push({ field: 'poa.number', code: 'field-required' });
  if (!poa.issuer.trim()) problems.push({ field: 'poa.issuer', code: 'field-required' });
  if (!poa.date.trim()) problems.push({ field: 'poa.date', code: 'field-required' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(poa.date)) {
    problems.push({ field: 'poa.date', code: 'date-invalid' });
  } else if (poa.date > today) problems.push({ field: 'poa.date', code: 'date-in-future' });
  return problems;
}

/** The checklist's documents the regulation requires of everyone, not presented. */
export function missingDocuments(service: Service, presented: readonly string[]): string[] {
  return (service.checklist.documents ?? [])
    .filter((d) => !d.isOptional && !d.condition && !presented.includes(d.id))
    .map((d) => d.id);
}

export interface FieldProblem {
  field: string;
  code: ErrorCode;
}

/**
 * The applicant's particulars, whatever the desk does with the package. `today` is the office's
 * date: a birth date or a power of attorney dated after it is a typing error.
 */
export function validateParticulars(
  input: IntakeInput,
  service: Service | undefined,
  today: IsoDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!service || service.isDeleted) {
    problems.push({ field: 'serviceId', code: service ? 'service-unknown' : 'field-required' });
  } else if (!service.channels[input.channel]) {
    problems.push({ field: 'channel', code: 'channel-unknown' });
  }
  problems.push(...personProblems(input.applicant, '', today));
  const phone = input.applicant.phone?.trim() ?? '';
  const digits = phone.replace(/\D/g, '').length;
  if (phone && (!PHONE.test(phone) || digits < 10 || digits > 12)) {
    problems.push({ field: 'phone', code: 'phone-invalid' });
  }
  if (input.representative) {
    problems.push(...representativeProblems(input.representative, input.applicant.iin, today));
  }
  if (!input.personalDataConsent) problems.push({ field: 'consent', code: 'consent-required' });
  return problems;
}

/** An application to register: its particulars, and the whole package presented. */
export function validateIntake(
  input: IntakeInput,
  service: Service | undefined,
  today: IsoDate,
): FieldProblem[] {
  const problems = validateParticulars(input, service, today);
  // An incomplete package is not registered: the regulation has it returned with a refusal
  // receipt naming what is missing (`validateRefusal`). The list is the regulation's own, or the
  // one the district administrator completed from the Standard.
  if (service && missingDocuments(service, input.presentedDocuments).length > 0) {
    problems.push({ field: 'documents', code: 'documents-incomplete' });
  }
  if (service && (input.expiredDocuments ?? []).length > 0) {
    problems.push({ field: 'documents', code: 'documents-expired' });
  }
  return problems;
}

/** An application to refuse at the desk: its particulars, and something missing or out of date. */
export function validateRefusal(
  input: IntakeInput,
  service: Service | undefined,
  today: IsoDate,
): FieldProblem[] {
  const problems = validateParticulars(input, service, today);
  const missing = service ? missingDocuments(service, input.presentedDocuments) : [];
  if (service && missing.length === 0 && (input.expiredDocuments ?? []).length === 0) {
    problems.push({ field: 'documents', code: 'refusal-documents-required' });
  }
  return problems;
}
