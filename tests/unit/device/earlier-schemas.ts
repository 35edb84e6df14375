/**
 * The device database as every earlier release left it, for the upgrade tests: the stores of
 * src/db/schema.ts at each released version (1–6), and one set of rows per version with what a
 * device of that version held. The rows start from release 3's own database
 * (tests/fixtures/release-3: a day of a village office's work, three events never sent, the
 * device's credentials and counters, PIN hashes of its staff) and take, version by version, what
 * each release added: a case history of the initial sync (3), cases projected in today's shape
 * (4), case revisions and the journal's saved index (5), the office's devices by name (6).
 */
import Dexie from 'dexie';
import type { IDBFactory } from 'fake-indexeddb';
import { IDBKeyRange } from 'fake-indexeddb';
import { projectCase, toCaseRow } from '../../../src/db/projection';
import type { CaseRow, EventRow, HistoryRow } from '../../../src/db/schema';
import { releaseVillageDevice } from '../../fixtures/release-3';

export const EARLIER_VERSIONS = [1, 2, 3, 4, 5, 6] as const;

/** What each version declared, as src/db/schema.ts had it (a version lists only its changes). */
const STORES: Record<number, Record<string, string>> = {
  1: {
    events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
    cases: 'id, &regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
    outbox: 'deviceSeq',
    meta: 'key',
    offices: 'id, kind',
    staff: 'id, officeId',
    districts: 'id',
    people: 'id, officeId',
  },
  2: {
    cases: 'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
  },
  3: { histories: 'caseId, lastSeq' },
  4: {},
  5: {
    cases:
      'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt, rev',
    journalCache: 'key',
  },
  6: { devices: 'id, officeId' },
};

export type Tables = Record<string, Record<string, unknown>[]>;

/** The case whose events an initial sync delivered as one history row (from version 3 on). */
export const HISTORY_CASE_STATUS = 'decided';

/** Release 3's events of each case, in the fixture's order. */
function eventsByCase(events: EventRow[]): Map<string, EventRow[]> {
  const byCase = new Map<string, EventRow[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return byCase;
}

/** The rows a device of schema version `n` held. */
export function rowsAt(n: number): Tables {
  const tables = structuredClone(releaseVillageDevice().tables);
  const events = tables.events as unknown as EventRow[];
  const oldCases = tables.cases as unknown as CaseRow[];
  delete tables.histories;

  if (n >= 3) {
    // An initial sync's case: its events in one history row, not in `events`.
    const caseId = (oldCases.find((c) => c.status === HISTORY_CASE_STATUS) as CaseRow).id;
    const moved = events.filter((e) => e.caseId === caseId);
    const history: HistoryRow = {
      caseId,
      events: moved.map(({ status: _s, storedAt: _t, rejection: _r, ...e }) => ({
        ...e,
        serverSeq: e.serverSeq as number,
      })),
      lastSeq: Math.max(...moved.map((e) => e.serverSeq ?? 0)),
      storedAt: moved[0]?.storedAt ?? '',
    };
    tables.events = events.filter((e) => e.caseId !== caseId) as never;
    tables.histories = [history as never];
  }
  if (n >= 4) {
    // Release 4 folded every case again after its upgrade: rows in today's shape.
    tables.cases = [...eventsByCase(events).values()].map(
      (list) =>
        toCaseRow(projectCase(list) as NonNullable<ReturnType<typeof projectCase>>) as never,
    );
  }
  if (n >= 5) {
    // Every write of projections raised the revision; the journal saved its index at the last.
    tables.cases = (tables.cases ?? []).map((row, i) => ({ ...row, rev: i + 1 }));
    const count = tables.cases?.length ?? 0;
    tables.meta = [...(tables.meta ?? []), { key: 'caseRev', value: count }];
    tables.journalCache = [
      {
        key: 'journal',
        format: 1,
        rev: count,
        count,
        lines: (tables.cases as unknown as CaseRow[])
          .map((c) => [c.id, c.regNumber, c.iin, c.surnameLower, c.status].join('\t'))
          .join('\n'),
        open: (tables.cases as unknown as CaseRow[]).filter((c) => c.status !== 'closed'),
      },
    ];
  }
  if (n >= 6) {
    const credentials = tables.meta?.find((m) => m.key === 'credentials')?.value as {
      deviceId: string;
      officeId: string;
      deviceNo: number;
    };
    tables.devices = [
      {
        id: credentials.deviceId,
        officeId: credentials.officeId,
        deviceNo: credentials.deviceNo,
        name: 'Қабылдау үстеліндегі ноутбук',
      },
      { id: 'device-akt-05-2', officeId: credentials.officeId, deviceNo: 2, name: null },
    ];
  }
  return tables;
}

/** Writes a database at schema version `n` with `rowsAt(n)`, as that release left it. */
export async function writeDeviceAt(n: number, indexedDB: IDBFactory, name: string) {
  const tables = rowsAt(n);
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  for (let v = 1; v <= n; v++) db.version(v).stores(STORES[v] ?? {});
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await db.table(table).bulkPut(rows);
  });
  db.close();
  return tables;
}
