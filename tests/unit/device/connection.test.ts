/**
 * A lost database connection recovered without losing anything (src/db/connection.ts): another
 * tab opening the database at a newer schema closes this tab's connection, and the next command
 * is stored all the same, on the reopened database; a connection closed under the app is opened
 * again and the failed operation run once more; an operation that fails for another reason is
 * not run twice.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { appendEvents } from '../../../src/db/append';
import { reopen, watchConnection, withReopen } from '../../../src/db/connection';
import { controlDigit } from '../../../src/domain/iin';
import { makeDevice, TestClock } from './fixtures';

const IIN = `85041241234${controlDigit('85041241234')}`;
const intake = {
  serviceId: '003-06',
  channel: 'akim' as const,
  applicant: { iin: IIN, surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  personalDataConsent: true,
  presentedDocuments: [],
  confirmDuplicate: true,
};

/** Another tab's newer release: the database opened at a higher version, then closed. */
function upgradeElsewhere(factory: IDBFactory, name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('lost database connection', () => {
  it('another tab upgrades the schema: this tab hears of it, and its next save is stored', async () => {
    const factory = new IDBFactory();
    const device = await makeDevice(new TestClock(new Date(2026, 2, 18, 10, 30)), 'tab', factory);
    const { db, commands } = device;
    let newer = 0;
    watchConnection(db, () => newer++);
    const first = await commands.registerCase(intake);
    expect(first.ok).toBe(true);

    await upgradeElsewhere(factory, 'tab', 71);
    expect(newer).toBe(1);
    expect(db.isOpen()).toBe(false);

    const second = await commands.registerCase(intake);
    expect(second.ok, JSON.stringify(second)).toBe(true);
    expect(db.isOpen()).toBe(true);
    expect(db.backendDB().version).toBe(71);
    expect((await db.events.toArray()).map((e) => e.deviceSeq).sort()).toEqual([1, 2]);
    expect((await db.outbox.toArray()).map((o) => o.deviceSeq)).toEqual([1, 2]);
    expect(await db.cases.count()).toBe(2);
    db.close();
  });

  it('a connection closed under the app: opened again, the operation run once more', async () => {
    const { db, commands } = await makeDevice(new TestClock(new Date(2026, 2, 18, 10, 30)));
    // Closed as a failed reopen leaves it: every call refused until it is opened explicitly.
    db.close();
    await expect(db.events.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    let runs = 0;
    const count = await withReopen(db, () => {
      runs++;
      return db.events.count();
    });
    expect({ count, runs }).toEqual({ count: 0, runs: 2 });

    // The write chokepoint runs its transaction again on its own.
    db.close();
    let builds = 0;
    await appendEvents(
      db,
      new Date(),
      () => '',
      async () => {
        builds++;
        return [];
      },
    );
    expect(builds).toBe(1);
    expect(db.isOpen()).toBe(true);

    // A command, run as the app runs every command (src/features/app/runtime.ts): its reads
    // met the closed connection before anything was written, so it runs again and saves once.
    db.close();
    const saved = await withReopen(db, () => commands.registerCase(intake));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);
    db.close();
  });

  it('an operation that fails for its own reason is not run again', async () => {
    const { db } = await makeDevice(new TestClock(new Date(2026, 2, 18, 10, 30)));
    let runs = 0;
    await expect(
      withReopen(db, async () => {
        runs++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(runs).toBe(1);
    await reopen(db);
    expect(db.isOpen()).toBe(true);
    db.close();
  });
});
