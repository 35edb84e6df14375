/**
 * The intake draft as the commands take it: each checklist row's choice, the representative only
 * when someone applies by a power of attorney, the desk time's start.
 */
import { describe, expect, it } from 'vitest';
import { intakeInputOf } from '../../src/features/intake/intakeInput';
import { EMPTY_DRAFT, isDraftEmpty } from '../../src/state/drafts';

const draft = {
  ...EMPTY_DRAFT,
  serviceId: '004-01',
  iin: '850412412343',
  surname: 'Сейітқалиева',
  givenName: 'Гүлназ',
  address: 'Ақтоғай ауылы',
  documents: {
    application: 'original',
    birth_certificates: 'copy',
    identity_document: 'expired',
    residence_registration: 'missing',
    family_composition: '',
  },
  representative: {
    iin: '900101300205',
    surname: 'Жақыпов',
    givenName: 'Ерлан',
    patronymic: '',
    poaNumber: '12-345',
    poaDate: '2026-03-01',
    poaIssuer: 'Нотариус Ахметова А.',
  },
  personalDataConsent: true,
  deskOpenedAt: '2026-03-18T10:20:00+05:00',
} as const;

describe('intakeInputOf', () => {
  it('turns each row’s choice into presented, copied and out-of-date documents', () => {
    const input = intakeInputOf({ ...draft, documents: { ...draft.documents } }, '');
    expect(input.presentedDocuments.sort()).toEqual([
      'application',
      'birth_certificates',
      'identity_document',
    ]);
    expect(input.copies).toEqual(['birth_certificates']);
    expect(input.expiredDocuments).toEqual(['identity_document']);
    expect(input.applicant.address).toBe('Ақтоғай ауылы');
    expect(input.deskOpenedAt).toBe('2026-03-18T10:20:00+05:00');
    expect(input.personalDataConsent).toBe(true);
    expect(input).not.toHaveProperty('variant');
  });

  it('sends the representative only when someone applies by a power of attorney', () => {
    const inPerson = intakeInputOf({ ...draft, documents: {} }, '');
    expect(inPerson.representative).toBeUndefined();
    const byProxy = intakeInputOf({ ...draft, documents: {}, isByRepresentative: true }, 'x');
    expect(byProxy.representative).toEqual({
      iin: '900101300205',
      surname: 'Жақыпов',
      givenName: 'Ерлан',
      patronymic: '',
      powerOfAttorney: { number: '12-345', date: '2026-03-01', issuer: 'Нотариус Ахметова А.' },
    });
    expect(byProxy.variant).toBe('x');
  });
});

describe('isDraftEmpty', () => {
  it('is true for a form with nothing typed or chosen, whenever it was opened', () => {
    expect(isDraftEmpty(EMPTY_DRAFT)).toBe(true);
    expect(isDraftEmpty({ ...EMPTY_DRAFT, deskOpenedAt: '2026-03-18T10:20:00+05:00' })).toBe(true);
    expect(isDraftEmpty({ ...EMPTY_DRAFT, iin: '8' })).toBe(false);
    expect(isDraftEmpty({ ...EMPTY_DRAFT, documents: { application: 'copy' } })).toBe(false);
    expect(isDraftEmpty({ ...EMPTY_DRAFT, personalDataConsent: true })).toBe(false);
    expect(
      isDraftEmpty({ ...EMPTY_DRAFT, representative: { ...EMPTY_DRAFT.representative, iin: '9' } }),
    ).toBe(false);
  });
});
