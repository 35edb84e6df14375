/**
 * Checks an application before it is registered: the fields a person typed, the IIN's check
 * digit, the service and channel, and the document checklist. Returns every problem at once,
 * each tied to its field, so the form can show them all and keep what was typed.
 */
import type { ChannelKind, Service } from '../catalog/schema';
import type { ErrorCode } from '../errors';
import { checkIin } from '../iin';

export interface IntakeInput {
  serviceId: string;
  channel: ChannelKind;
  applicant: {
    iin: string;
    surname: string;
    givenName: string;
    patronymic?: string;
    phone?: string;
  };
  /** ids of the checklist documents the applicant presented */
  presentedDocuments: string[];
  /** the channel's variant (a first certificate or a duplicate, …), where it has variants */
  variant?: string;
}

export interface FieldProblem {
  field: string;
  code: ErrorCode;
}

export function validateIntake(input: IntakeInput, service: Service | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!service || service.isDeleted) {
    problems.push({ field: 'serviceId', code: service ? 'service-unknown' : 'field-required' });
  } else if (!service.channels[input.channel]) {
    problems.push({ field: 'channel', code: 'channel-unknown' });
  }
  const iin = input.applicant.iin.trim();
  if (!iin) problems.push({ field: 'iin', code: 'field-required' });
  else {
    const check = checkIin(iin);
    if (!check.valid) problems.push({ field: 'iin', code: check.reason });
  }
  if (!input.applicant.surname.trim()) problems.push({ field: 'surname', code: 'field-required' });
  if (!input.applicant.givenName.trim())
    problems.push({ field: 'givenName', code: 'field-required' });
  if (service) {
    // An incomplete package is not registered: the regulation has it returned with a refusal
    // receipt naming what is missing. The list is the regulation's own, or the one the district
    // administrator completed from the Standard.
    const missing = (service.checklist.documents ?? []).filter(
      (d) => !d.isOptional && !d.condition && !input.presentedDocuments.includes(d.id),
    );
    if (missing.length > 0) problems.push({ field: 'documents', code: 'documents-incomplete' });
  }
  return problems;
}
