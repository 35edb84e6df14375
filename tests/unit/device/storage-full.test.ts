/**
 * A full disk during a command: the browser refuses the write with a QuotaExceededError (here
 * injected into fake-indexeddb's object stores, as Chromium throws it from a request), the
 * command reports `storage-full` — not a schema problem — and the transaction leaves nothing
 * behind: no event, no outbox entry, no case, no counter moved. Once space is free, the same
 * input saves, numbered as if the failure had never happened.
 */
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/db/meta';
import { controlDigit } from '../../../src/domain/iin';
import { SyncEngine } from '../../../src/sync/engine';
import type { HttpPort } from '../../../src/sync/http';
import { makeDevice, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const INPUT = {
  serviceId: '003-06',
  channel: 'akim' as const,
  applicant: { iin: iin('85041241234'), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  personalDataConsent: true,
  presentedDocuments: [],
};

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

type Write = (this: IDBObjectStore, ...args: unknown[]) => unknown;
const original = {
  add: IDBObjectStore.prototype.add as Write,
  put: IDBObjectStore.prototype.put as Write,
};

/** The next `count` writes to any store throw, as a full disk makes a request throw. */
function fillDisk(count = 1): void {
  let left = count;
  for (const name of ['add', 'put'] as const) {
    (IDBObjectStore.prototype as unknown as Record<string, Write>)[name] = function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (left > 0) {
        left--;
        throw quotaError();
      }
      return original[name].apply(this, args);
    };
  }
}

function freeDisk(): void {
  IDBObjectStore.prototype.add = original.add as IDBObjectStore['add'];
  IDBObjectStore.prototype.put = original.put as IDBObjectStore['put'];
}

afterEach(freeDisk);

async function snapshot(db: Awaited<ReturnType<typeof makeDevice>>['db']) {
  return {
    events: await db.events.toArray(),
    outbox: await db.outbox.toArray(),
    cases: await db.cases.toArray(),
    lastDeviceSeq: await getMeta(db, 'lastDeviceSeq'),
    regCounter: await getMeta(db, 'regCounter'),
  };
}

describe('a full disk during a command', () => {
  it('is reported as storage-full and writes nothing; the next try saves', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const first = await commands.registerCase(INPUT);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const before = await snapshot(db);

    fillDisk();
    const refused = await commands.registerCase({ ...INPUT, confirmDuplicate: true });
    expect(refused).toEqual({ ok: false, problem: { code: 'storage-full' } });
    expect(await snapshot(db)).toEqual(before);

    freeDisk();
    const saved = await commands.registerCase({ ...INPUT, confirmDuplicate: true });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    // The number the refused save would have taken: nothing of it was kept.
    expect(saved.value.regNumber).toBe('01-26-03-0002');
    const after = await snapshot(db);
    expect(after.events).toHaveLength(2);
    expect(after.outbox.map((o) => o.deviceSeq)).toEqual([1, 2]);
    expect(after.events.find((e) => e.deviceSeq === 1)).toEqual(before.events[0]);
  });

  it('is caught whichever write of the transaction fails', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    // The counter, the event, the outbox entry, the case: each failing write leaves nothing.
    let failed = 0;
    for (let skip = 0; ; skip++) {
      let writes = 0;
      for (const name of ['add', 'put'] as const) {
        (IDBObjectStore.prototype as unknown as Record<string, Write>)[name] = function (
          this: IDBObjectStore,
          ...args: unknown[]
        ) {
          if (writes++ === skip) throw quotaError();
          return original[name].apply(this, args);
        };
      }
      const before = await snapshot(db);
      const result = await commands.registerCase(INPUT);
      freeDisk();
      // Past the last write of the command: it saved.
      if (writes <= skip) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        break;
      }
      expect(result, `write ${skip}`).toEqual({ ok: false, problem: { code: 'storage-full' } });
      expect(await snapshot(db)).toEqual(before);
      failed++;
    }
    expect(failed).toBeGreaterThanOrEqual(4);
  });
});

describe('a full disk during a sync round', () => {
  it('is told as storage-full, not as a lost connection', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db } = await makeDevice(clock);
    const statuses: (string | undefined)[] = [];
    // The server cannot be reached, and the round cannot even record that: the disk is full.
    const http: HttpPort = {
      request: () => Promise.reject(new TypeError('Failed to fetch')),
    } as unknown as HttpPort;
    const engine = new SyncEngine({
      db,
      now: clock.now,
      http: () => http,
      onChange: (status) => statuses.push(status.lastError),
    });
    fillDisk(100);
    await engine.syncNow();
    engine.stop();
    expect(statuses.at(-1)).toBe('storage-full');
  });
});
