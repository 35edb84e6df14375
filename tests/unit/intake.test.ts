/**
 * The full intake's checks (src/domain/case/intake.ts) and the refusal at the desk in the
 * reducer: every problem tied to its field, a refusal only with something missing or out of
 * date, and a refused application a case of its own that nothing follows.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import { type IntakeInput, validateIntake, validateRefusal } from '../../src/domain/case/intake';
import { applyEvent, processOf } from '../../src/domain/case/reducer';
import { findService } from '../../src/domain/catalog';
import { nextActions } from '../../src/domain/process';
import { makeIin } from '../browser/support/iins';

const service = findService('004-01');
const ALL_DOCUMENTS = (service?.checklist.documents ?? [])
  .filter((d) => !d.isOptional && !d.condition)
  .map((d) => d.id);
const TODAY = '2026-12-07';

const input = (patch: Partial<IntakeInput> = {}): IntakeInput => ({
  serviceId: '004-01',
  channel: 'akim',
  applicant: { iin: makeIin('850412', 4, 1234), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  presentedDocuments: ALL_DOCUMENTS,
  personalDataConsent: true,
  ...patch,
});
const fields = (problems: { field: string; code: string }[]) =>
  problems.map((p) => `${p.field}:${p.code}`).sort();

describe('the applicant at intake', () => {
  it('accepts a complete application', () => {
    expect(ALL_DOCUMENTS.length).toBeGreaterThan(2);
    expect(validateIntake(input(), service, TODAY)).toEqual([]);
  });

  it('wants the consent to the use of personal data', () => {
    expect(fields(validateIntake(input({ personalDataConsent: false }), service, TODAY))).toEqual([
      'consent:consent-required',
    ]);
  });

  it('refuses an IIN whose birth date has not come yet', () => {
    // 2027-01-05, a woman born in the 2000s: a valid check digit, a date after today.
    const future = makeIin('270105', 6, 1);
    const applicant = { iin: future, surname: 'Ә', givenName: 'Б' };
    expect(fields(validateIntake(input({ applicant }), service, TODAY))).toEqual([
      'iin:iin-birth-date-future',
    ]);
  });

  it('checks a phone number only when one is given', () => {
    const applicant = (phone: string) => ({ ...input().applicant, phone });
    expect(
      validateIntake(input({ applicant: applicant('+7 701 234-56-78') }), service, TODAY),
    ).toEqual([]);
    expect(
      fields(validateIntake(input({ applicant: applicant('87012') }), service, TODAY)),
    ).toEqual(['phone:phone-invalid']);
    expect(
      fields(validateIntake(input({ applicant: applicant('звоните') }), service, TODAY)),
    ).toEqual(['phone:phone-invalid']);
  });

  it('checks a representative and the power of attorney field by field', () => {
    const representative = {
      iin: input().applicant.iin,
      surname: '',
      givenName: 'Ерлан',
      powerOfAttorney: { number: '', date: '2026-12-08', issuer: ' ' },
    };
    expect(fields(validateIntake(input({ representative }), service, TODAY))).toEqual([
      'poa.date:date-in-future',
      'poa.issuer:field-required',
      'poa.number:field-required',
      'representative.iin:representative-is-applicant',
      'representative.surname:field-required',
    ]);
    const valid = {
      iin: makeIin('800101', 3, 77),
      surname: 'Омаров',
      givenName: 'Ерлан',
      powerOfAttorney: { number: '№ 1-245', date: '2026-11-30', issuer: 'Нотариус Ахметова А.' },
    };
    expect(validateIntake(input({ representative: valid }), service, TODAY)).toEqual([]);
  });
});

describe('the package', () => {
  it('is not registered with a document missing or out of date', () => {
    const missing = input({ presentedDocuments: ALL_DOCUMENTS.slice(1) });
    expect(fields(validateIntake(missing, service, TODAY))).toEqual([
      'documents:documents-incomplete',
    ]);
    const expired = input({ expiredDocuments: [ALL_DOCUMENTS[0] ?? ''] });
    expect(fields(validateIntake(expired, service, TODAY))).toEqual([
      'documents:documents-expired',
    ]);
  });

  it('is refused at the desk only when something is missing or out of date', () => {
    expect(fields(validateRefusal(input(), service, TODAY))).toEqual([
      'documents:refusal-documents-required',
    ]);
    expect(validateRefusal(input({ presentedDocuments: [] }), service, TODAY)).toEqual([]);
    // The refusal receipt names the applicant: the particulars are checked as for a registration.
    expect(
      fields(
        validateRefusal(
          input({ presentedDocuments: [], personalDataConsent: false }),
          service,
          TODAY,
        ),
      ),
    ).toEqual(['consent:consent-required']);
  });
});

describe('an application refused at the desk', () => {
  const refused = {
    id: '0190a000-0000-7000-8000-000000000001',
    type: 'application.refused',
    caseId: '0190a000-0000-7000-8000-0000000000c1',
    officeId: 'akt-01',
    deviceId: 'device-1',
    deviceSeq: 1,
    staffId: 'akt-01-akimat_specialist',
    deviceTime: '2026-12-07T10:14:30+05:00',
    payload: {
      refusalNumber: 'R01-26-03-0001',
      serviceId: '004-01',
      catalogVersion: '2026.1',
      channel: 'akim',
      applicant: input().applicant,
      documents: [{ id: 'application', isPresented: true, form: 'original' }],
      personalDataConsent: true,
      deskOpenedAt: '2026-12-07T10:06:00+05:00',
      problems: [{ id: 'birth_certificates', problem: 'missing' }],
      refusedAt: '2026-12-07T10:14',
      refusedBy: { staffId: 'akt-01-akimat_specialist', shortName: 'Әбенова Г. С.' },
    },
  } as CaseEvent;

  it('is a case of its own, numbered in the refusal register, that nothing follows', () => {
    const result = applyEvent(undefined, refused);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      regNumber: 'R01-26-03-0001',
      status: 'refused_at_intake',
      intakeRefusal: [{ id: 'birth_certificates', problem: 'missing' }],
      deskSeconds: 510,
      registeredAt: '2026-12-07T10:14',
    });
    expect(nextActions(processOf(result.value), result.value)).toEqual([]);
  });

  it('cannot be recorded twice on one case', () => {
    const first = applyEvent(undefined, refused);
    if (!first.ok) throw new Error('refused');
    const again = applyEvent(first.value, {
      ...refused,
      id: '0190a000-0000-7000-8000-000000000002',
    });
    expect(again.ok ? 'ok' : again.problem.code).toBe('case-already-exists');
  });
});
