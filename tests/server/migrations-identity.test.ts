/**
 * Migration 0011 (staff identity, ADR 0015) on a store that 0010 left, on every store: its
 * events keep their content and have no proof, which the audit — the administrator's and the
 * command line's — shows as predating proofs; its devices were enrolled before proofs and have
 * declared nothing yet; its PBKDF2 hashes stay as they were, readable verifiers that still check
 * the old PIN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/domain/admin/audit';
import { deriveEventId } from '../../src/domain/case/event-id';
import { type CaseEvent, eventContent } from '../../src/domain/case/events';
import { checkPin, LOW_PIN_COST } from '../../src/domain/identity/pin';
import { auditCommand } from '../../sync-server/cli/audit';
import { MIGRATIONS, migrate } from '../../sync-server/db/migrations';
import type { Db } from '../../sync-server/db/types';
import { getPinVerifier } from '../../sync-server/queries/staff';
import { sha256Hex } from '../../sync-server/secrets';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { auditOf } from '../../sync-server/sync/audit';
import { registration, STORES, staffOf } from './helpers';
import { legacyPinHash } from './legacy-pins';

const BEFORE = MIGRATIONS.findIndex((m) => m.id === '0011-staff-identity');
const DEVICE = '01a00000-0000-7000-8000-000000000001';
const SPECIALIST = staffOf('akt-01', 'akimat_specialist');

/** A registration as a device of release 0010 made it: no proof. */
function oldEvent(seq: number): CaseEvent {
  const caseId = `01a00000-0000-7000-8000-0000000001${String(seq).padStart(2, '0')}`;
  const deviceTime = '2026-03-18T10:30:00+05:00';
  const envelope = {
    deviceId: DEVICE,
    deviceSeq: seq,
    deviceTime,
    caseId,
    type: 'case.registered',
  };
  return {
    id: deriveEventId(envelope) ?? '',
    ...envelope,
    type: 'case.registered',
    officeId: 'akt-01',
    staffId: SPECIALIST,
    payload: registration(seq),
  } as CaseEvent;
}

/** The rows release 0010 wrote: a device of akt-01, its events, a PBKDF2 hash of a 4-digit PIN. */
async function storeOf0010(db: Db): Promise<CaseEvent[]> {
  await ensureDemoDistrict(db, new Date('2026-03-18T05:30:00Z'), {}, LOW_PIN_COST);
  await db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [
    JSON.stringify(await legacyPinHash('1111')),
    SPECIALIST,
  ]);
  await db.run(
    `INSERT INTO devices (id, office_id, device_no, token_hash, enrolled_at, last_seq, name)
     VALUES (?, 'akt-01', 1, ?, '2026-03-01T04:00:00.000Z', 2, NULL)`,
    [DEVICE, sha256Hex('an-old-device-token-of-release-10')],
  );
  const events = [oldEvent(1), oldEvent(2)];
  for (const [i, event] of events.entries()) {
    await db.run(
      `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        i + 1,
        event.id,
        event.type,
        event.caseId,
        event.officeId,
        event.deviceId,
        event.deviceSeq,
        eventContent(event),
        '2026-03-18T05:31:00.000Z',
      ],
    );
  }
  return events;
}

describe.each(STORES)('migration 0011 on a store 0010 left, on $name', (store) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let events: CaseEvent[];
  let contentBefore: unknown[];

  beforeAll(async () => {
    ({ db, cleanup } = await store.open(MIGRATIONS.slice(0, BEFORE)));
    events = await storeOf0010(db);
    contentBefore = await db.all('SELECT server_seq, id, content FROM events ORDER BY server_seq');
    expect(await migrate(db)).toEqual(['0011-staff-identity']);
  });
  afterAll(async () => cleanup?.());

  it('keeps every event as it was, with no proof', async () => {
    expect(await db.all('SELECT server_seq, id, content FROM events ORDER BY server_seq')).toEqual(
      contentBefore,
    );
    const proofs = await db.all<{ proof: string | null }>('SELECT proof FROM events');
    expect(proofs).toEqual(events.map(() => ({ proof: null })));
  });

  it('shows them in the audit as predating proofs, to the administrator and the command line', async () => {
    const query = {
      personId: SPECIALIST,
      from: '2026-03-18',
      to: '2026-03-18',
      offset: 0,
      limit: 50,
    };
    const page = await auditOf(db, { kind: 'cli' }, query);
    expect(page.entries.map((e) => [e.eventId, e.proof])).toEqual(
      [...events].reverse().map((e) => [e.id, 'predates-proof']),
    );
    const cli = await auditCommand.run({
      db,
      options: { staff: SPECIALIST, from: '2026-03-18', to: '2026-03-18' },
      positionals: [],
      now: new Date('2026-03-18T06:00:00Z'),
    });
    expect((cli.json as AuditPage).entries.map((e) => e.proof)).toEqual([
      'predates-proof',
      'predates-proof',
    ]);
    expect(cli.text).toContain('predates-proof');
  });

  it('leaves its devices enrolled before proofs, with nothing declared yet', async () => {
    const device = await db.first<{
      needs_proof_from_start: number;
      legacy_seq_limit: number | null;
    }>('SELECT needs_proof_from_start, legacy_seq_limit FROM devices WHERE id = ?', [DEVICE]);
    expect(device).toEqual({ needs_proof_from_start: 0, legacy_seq_limit: null });
    for (const table of ['staff_keys', 'pin_failures', 'staff_sessions']) {
      const row = await db.first<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
      expect(Number(row?.n), table).toBe(0);
    }
  });

  it('keeps a PBKDF2 hash as a verifier that checks the old PIN', async () => {
    const stored = await getPinVerifier(db, SPECIALIST);
    expect(stored?.verifier.algorithm).toBe('PBKDF2-SHA256');
    expect(stored && (await checkPin('1111', stored.verifier))).toBe(true);
    expect(stored && (await checkPin('1112', stored.verifier))).toBe(false);
  });
});
