/**
 * The draft as the commands take it: each checklist row's choice becomes the presented, copied
 * and out-of-date lists, the representative goes only when the form says someone applies by a
 * power of attorney, and the desk time's start goes with it.
 */
import type { IntakeInput } from '../../domain/case/intake';
import type { IntakeDraft } from '../../state/drafts';

export function intakeInputOf(draft: IntakeDraft, variant: string): IntakeInput {
  const rows = Object.entries(draft.documents);
  const having = (...states: string[]) =>
    rows.filter(([, state]) => states.includes(state)).map(([id]) => id);
  const r = draft.representative;
  return {
    serviceId: draft.serviceId,
    channel: draft.channel,
    applicant: {
      iin: draft.iin,
      surname: draft.surname,
      givenName: draft.givenName,
      patronymic: draft.patronymic,
      phone: draft.phone,
      address: draft.address,
    },
    ...(draft.isByRepresentative
      ? {
          representative: {
            iin: r.iin,
            surname: r.surname,
            givenName: r.givenName,
            patronymic: r.patronymic,
            powerOfAttorney: { number: r.poaNumber, date: r.poaDate, issuer: r.poaIssuer },
          },
        }
      : {}),
    // A document out of date was handed in, but does not count: the refusal names it.
    presentedDocuments: having('original', 'copy', 'expired'),
    copies: having('copy'),
    expiredDocuments: having('expired'),
    personalDataConsent: draft.personalDataConsent,
    ...(draft.deskOpenedAt ? { deskOpenedAt: draft.deskOpenedAt } : {}),
    ...(variant ? { variant } : {}),
  };
}
