/**
 * Who comes to a desk of the demo (an akimat's, or the district department's own) and with
 * what: the applicant and the service they ask for, a phone and an address most of the time, now
 * and then a relative with a power of attorney; and the package as the intake form records it — every document the service's
 * checklist requires (the optional and conditional ones now and then), some as copies, the
 * variant of the term where the regulation has one, the consent to the use of personal data and
 * the moment the form was opened.
 */
import type { IntakeInput, RepresentativeInput } from '../../src/domain/case/intake';
import type { Catalog } from '../../src/domain/catalog';
import type { ServiceDocument } from '../../src/domain/catalog/schema';
import type { Office } from '../../src/domain/reference';
import type { Citizen } from './people';
import type { Rng } from './random';
import type { DemoWorld } from './world';

/** An applicant at the desk: who, for what, with whom. */
export interface Application {
  serviceId: string;
  citizen: Citizen;
  phone?: string;
  address?: string;
  representative?: RepresentativeInput;
  /** refused at the desk before, back with the whole package */
  isBack?: boolean;
}

/** `office`: where the applicant lives (the address); `serviceId`: drawn from the akimats' deck. */
export function newApplication(
  world: DemoWorld,
  rng: Rng,
  office: Office,
  day: string,
  serviceId = world.services.draw(),
): Application {
  const citizens = world.citizens;
  const citizen = citizens.applicant(serviceId, day);
  return {
    serviceId,
    citizen,
    ...(rng.chance(0.85) ? { phone: citizens.phone() } : {}),
    ...(rng.chance(0.9) ? { address: citizens.address(office) } : {}),
    ...(world.represented.draw() ? { representative: citizens.representative(citizen, day) } : {}),
  };
}

/** The whole package as the form records it, and the documents everyone must bring. */
export function packageAtDesk(
  application: Application,
  catalog: Catalog,
  rng: Rng,
  deskOpenedAt: string,
  /** the desk's channel: the akimat's, or the district department's own (`provider`) */
  kind: 'akim' | 'provider' = 'akim',
): { input: IntakeInput; required: ServiceDocument[]; presented: string[] } {
  const { serviceId, citizen } = application;
  const service = catalog.services.find((s) => s.id === serviceId);
  const channel = service?.channels[kind];
  if (!service || !channel) throw new Error(`${serviceId} has no ${kind} channel in the catalog`);
  const documents = service.checklist.documents ?? [];
  const required = documents.filter((d) => !d.isOptional && !d.condition);
  const presented = [
    ...required,
    ...documents.filter((d) => (d.isOptional || d.condition) && rng.chance(0.3)),
  ].map((d) => d.id);
  const variants = channel.variants ?? [];
  const variant = variants.length > 0 && rng.chance(1 / 6) ? rng.pick(variants).id : undefined;
  const input: IntakeInput = {
    serviceId,
    channel: kind,
    ...(variant ? { variant } : {}),
    applicant: {
      iin: citizen.iin,
      surname: citizen.surname,
      givenName: citizen.givenName,
      patronymic: citizen.patronymic,
      ...(application.phone ? { phone: application.phone } : {}),
      ...(application.address ? { address: application.address } : {}),
    },
    ...(application.representative ? { representative: application.representative } : {}),
    presentedDocuments: presented,
    copies: presented.filter(() => rng.chance(0.25)),
    personalDataConsent: true,
    deskOpenedAt,
  };
  return { input, required, presented };
}

/** A typing slip: one letter of the surname left out (corrected later, `Fate.corrected`). */
export function slip(surname: string): string {
  const at = 1 + Math.floor(surname.length / 2);
  return surname.slice(0, at) + surname.slice(at + 1);
}
