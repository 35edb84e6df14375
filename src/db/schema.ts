/**
 * The device's IndexedDB database (Dexie). Events are the truth; `cases` is a projection kept
 * in step with them by `appendEvents` and by the sync client, always inside the same
 * transaction. `outbox` holds the deviceSeq of every event not yet acknowledged by the server.
 *
 * Schema changes go through `version(n).upgrade()`, forward-only, each with its own test.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEvent } from '../domain/case/events';
import type { Case } from '../domain/case/reducer';
import type { ErrorCode } from '../domain/errors';
import type { District, Office, Person, Staff } from '../domain/reference';

export type EventStatus = 'pending' | 'synced' | 'rejected';

/** A stored event: the domain event plus its sync state on this device. */
export type EventRow = CaseEvent & {
  status: EventStatus;
  serverSeq?: number;
  rejection?: {
    code: ErrorCode;
    details?: Record<string, string | number>;
    /** a person has read the reason and dealt with it; it stays in the log */
    acknowledgedAt?: string;
    acknowledgedBy?: string;
  };
  /** local date-time the device stored it */
  storedAt: string;
};

export interface OutboxRow {
  deviceSeq: number;
  eventId: string;
}

/** The case projection, with fields flattened for indexes. */
export type CaseRow = Case & { iin: string; surnameLower: string };

export interface MetaRow {
  key: string;
  value: unknown;
}

export class QabyldauDb extends Dexie {
  events!: EntityTable<EventRow, 'id'>;
  cases!: EntityTable<CaseRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'deviceSeq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  offices!: EntityTable<Office, 'id'>;
  staff!: EntityTable<Staff, 'id'>;
  districts!: EntityTable<District, 'id'>;
  people!: EntityTable<Person, 'id'>;

  constructor(name = 'qabyldau', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
      cases:
        'id, &regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
      outbox: 'deviceSeq',
      meta: 'key',
      offices: 'id, kind',
      staff: 'id, officeId',
      districts: 'id',
      people: 'id, officeId',
    });
  }
}
