/**
 * The sync mark of case rows, read once for a whole list: a case with an event in the outbox is
 * "pending", one with a refusal nobody has dealt with is "rejected" (over pending), and a case
 * whose events the server holds, or whose refusal was acknowledged, has no mark.
 */
import { describe, expect, it } from 'vitest';
import { caseSyncMarks } from '../../../src/db/queries';
import { controlDigit } from '../../../src/domain/iin';
import { makeDevice, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

describe('caseSyncMarks', () => {
  it('marks the cases whose events the server does not hold, and no others', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const ids: string[] = [];
    for (const serial of ['85041241234', '85041241235', '85041241236', '85041241237']) {
      const result = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: iin(serial), surname: 'Сейітова', givenName: 'Мәдина' },
        personalDataConsent: true,
        presentedDocuments: [],
      });
      if (!result.ok) throw new Error(JSON.stringify(result));
      ids.push(result.value.caseId);
    }
    expect(await caseSyncMarks(db)).toEqual(new Map(ids.map((id) => [id, 'pending'])));

    const [sent, refused, dealtWith, waiting] = ids as [string, string, string, string];
    const eventOf = async (caseId: string) =>
      (await db.events.where('caseId').equals(caseId).first())?.id ?? '';
    // The server took the first; refused the second and the third, and a person read the
    // third's reason. Answered events leave the outbox, as the push applies an answer.
    const answered = await Promise.all([sent, refused, dealtWith].map(eventOf));
    await db.outbox.filter((e) => answered.includes(e.eventId)).delete();
    // An entry written before entries kept their case: found through its event.
    const older = await db.outbox.filter((e) => e.caseId === waiting).first();
    if (!older) throw new Error('no outbox entry');
    await db.outbox.put({ deviceSeq: older.deviceSeq, eventId: older.eventId });
    await db.events.update(await eventOf(sent), { status: 'synced', serverSeq: 1 });
    await db.events.update(await eventOf(refused), {
      status: 'rejected',
      rejection: { code: 'case-not-in-scope' },
    });
    await db.events.update(await eventOf(dealtWith), {
      status: 'rejected',
      rejection: { code: 'case-not-in-scope', acknowledgedAt: '2026-03-18T11:00' },
    });
    expect(await caseSyncMarks(db)).toEqual(
      new Map([
        [refused, 'rejected'],
        [waiting, 'pending'],
      ]),
    );
  });
});
