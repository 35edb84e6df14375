/**
 * The returning applicant: the latest case on the device of an IIN — registered or refused at
 * the desk, as corrected since — is what the intake offers to fill in; an IIN the device has
 * never seen offers nothing.
 */
import { describe, expect, it } from 'vitest';
import { latestCaseOfIin } from '../../../src/db/queries';
import { controlDigit } from '../../../src/domain/iin';
import { makeDevice, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const IIN = iin('85041241234');
const OTHER = iin('90010130020');

function application(
  serviceId: string,
  applicant: { surname: string; givenName: string; phone?: string; address?: string },
) {
  return {
    serviceId,
    channel: 'akim' as const,
    applicant: { iin: IIN, ...applicant },
    personalDataConsent: true,
    presentedDocuments: [],
  };
}

describe('latestCaseOfIin', () => {
  it('is undefined for an IIN the device has no case of', async () => {
    const { db, commands } = await makeDevice(new TestClock(new Date(2026, 2, 18, 10, 30)));
    const other = await commands.registerCase({
      ...application('003-06', { surname: 'Жақыпов', givenName: 'Ерлан' }),
      applicant: { iin: OTHER, surname: 'Жақыпов', givenName: 'Ерлан' },
    });
    expect(other.ok).toBe(true);
    expect(await latestCaseOfIin(db, IIN)).toBeUndefined();
  });

  it('is the latest case of the IIN, with the applicant as corrected since', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const first = await commands.registerCase(
      application('003-06', { surname: 'Сейітқалиева', givenName: 'Гүлназ', phone: '87011112233' }),
    );
    expect(first.ok).toBe(true);
    clock.advanceMinutes(60 * 24 * 7);
    const second = await commands.registerCase(
      application('003-07', {
        surname: 'Сейітқалиева',
        givenName: 'Гүлназ',
        phone: '87012223344',
        address: 'Ақтоғай ауылы, Абай көшесі, 12',
      }),
    );
    if (!second.ok || !first.ok) throw new Error(JSON.stringify(second));

    const latest = await latestCaseOfIin(db, IIN);
    expect(latest?.id).toBe(second.value.caseId);
    expect(latest?.applicant).toMatchObject({
      surname: 'Сейітқалиева',
      givenName: 'Гүлназ',
      phone: '87012223344',
      address: 'Ақтоғай ауылы, Абай көшесі, 12',
    });

    // A correction of the latest case is what is offered next.
    clock.advanceMinutes(5);
    const corrected = await commands.correctCase(
      second.value.caseId,
      [
        {
          field: 'address',
          from: 'Ақтоғай ауылы, Абай көшесі, 12',
          to: 'Ақтоғай ауылы, Абай көшесі, 14',
        },
      ],
      'Үйдің нөмірі қате жазылған',
    );
    expect(corrected.ok, JSON.stringify(corrected)).toBe(true);
    expect((await latestCaseOfIin(db, IIN))?.applicant.address).toBe(
      'Ақтоғай ауылы, Абай көшесі, 14',
    );
  });

  it('counts an application refused at the desk', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const registered = await commands.registerCase(
      application('003-06', { surname: 'Әбенова', givenName: 'Айгүл' }),
    );
    expect(registered.ok).toBe(true);
    clock.advanceMinutes(30);
    const refused = await commands.refuseApplication(
      application('004-01', { surname: 'Әбенова', givenName: 'Айгүл', phone: '+7 701 234 56 78' }),
    );
    if (!refused.ok) throw new Error(JSON.stringify(refused));
    const latest = await latestCaseOfIin(db, IIN);
    expect(latest?.regNumber).toBe(refused.value.refusalNumber);
    expect(latest?.status).toBe('refused_at_intake');
    expect(latest?.applicant.phone).toBe('+7 701 234 56 78');
  });
});
