/**
 * Fills a server's SQLite store directly, in bulk, with what a district's devices would have
 * pushed: applications of the 17 akimat offices with their histories in time order, as the
 * server stores them (canonical content, gap-free serverSeq, the case projections the server's
 * reducer makes), and the devices that made them with their tokens, so the bench can go on
 * pushing as those devices. Much faster than pushing, and the rows are the same: each event
 * with the proof of its person's key on its device (ADR 0015), the keys registered as a
 * sign-in registers them.
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { type CaseEvent, eventContent } from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { encodeKey, eventProof, newProofKey } from '../../src/domain/identity/proof';
import { newDeviceToken, sha256Hex } from '../../sync-server/secrets';
import { DISTRICT_EXECUTOR, DISTRICT_HEAD, DISTRICT_OFFICE_ID, demoOffices } from './demo';
import {
  eventOf,
  type OfficeRef,
  planCases,
  seqCounter,
  timeline,
  workingDaysBefore,
} from './world';

export interface SeededDevice {
  id: string;
  token: string;
  officeId: string;
  deviceNo: number;
  lastSeq: number;
}

export interface SeededStore {
  cases: number;
  events: number;
  lastServerSeq: number;
  village: SeededDevice[];
  district: SeededDevice;
  offices: OfficeRef[];
}

export interface SeedOptions {
  /** stop after this many events (the last cases may be cut short of closed) */
  maxEvents?: number;
  /** this many cases */
  cases: number;
  /** every case closed (its whole history happened weeks ago) */
  closed: boolean;
  casesPerOfficePerDay?: number;
}

export function seedStore(file: string, options: SeedOptions): SeededStore {
  const offices = demoOffices();
  const perDay = options.casesPerOfficePerDay ?? 20;
  const days = Math.ceil(options.cases / (offices.length * perDay)) + 2;
  const DAY = 86_400_000;
  // Closed cases end at most about five weeks after registration.
  const end = options.closed ? Date.now() - 45 * DAY : Date.now();
  const plans = planCases({
    offices,
    days: workingDaysBefore(end, days),
    casesPerOfficePerDay: perDay,
    nowMs: Date.now(),
    maxCases: options.cases,
    seed: 5,
  });
  const enrolledAt = new Date(Date.now() - 5 * 365 * DAY).toISOString();
  const device = (officeId: string): SeededDevice => ({
    id: uuidv7({ msecs: Date.parse(enrolledAt) }),
    token: newDeviceToken(),
    officeId,
    deviceNo: 1,
    lastSeq: 0,
  });
  const village = offices.map((o) => device(o.id));
  const villageByOffice = new Map(village.map((d) => [d.officeId, d]));
  const district = device(DISTRICT_OFFICE_ID);
  const nextSeq = seqCounter();
  const actors = {
    village: (officeId: string) => ({
      deviceId: villageByOffice.get(officeId)?.id ?? '',
      staffId: `${officeId}-akimat_specialist`,
    }),
    district: { deviceId: district.id, executorId: DISTRICT_EXECUTOR, headId: DISTRICT_HEAD },
    nextSeq,
  };

  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = OFF');
  const base = Number(
    (conn.prepare('SELECT MAX(server_seq) AS n FROM events').get() as { n: number | null }).n ?? 0,
  );
  const insertEvent = conn.prepare(
    `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time, proof)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = conn.prepare(
    `INSERT INTO staff_keys (staff_id, device_id, secret, registered_at, revoked_at)
     VALUES (?, ?, ?, ?, NULL)`,
  );
  /** each person's key on each device, made at her first event there */
  const keys = new Map<string, Uint8Array>();
  const keyOf = (staffId: string, deviceId: string): Uint8Array => {
    const pair = `${staffId}@${deviceId}`;
    let key = keys.get(pair);
    if (!key) {
      key = newProofKey();
      keys.set(pair, key);
      insertKey.run(staffId, deviceId, encodeKey(key), enrolledAt);
    }
    return key;
  };
  const insertCase = conn.prepare(
    'INSERT INTO cases (case_id, office_id, status, state, last_server_seq) VALUES (?, ?, ?, ?, ?)',
  );
  // Enrolled since proofs: every event from them must carry one.
  const insertDevice = conn.prepare(
    `INSERT INTO devices (id, office_id, device_no, token_hash, enrolled_at, last_seq, last_seen_at, reported_seq, needs_proof_from_start)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const states = new Map<string, { state: Case; seq: number }>();
  let serverSeq = base;
  let events = 0;
  const steps = timeline(plans);
  const limit = Math.min(steps.length, options.maxEvents ?? Number.POSITIVE_INFINITY);
  const chunk = 50_000;
  for (let from = 0; from < limit; from += chunk) {
    conn.transaction(() => {
      for (let i = from; i < Math.min(limit, from + chunk); i++) {
        const { plan, step } = steps[i] as (typeof steps)[number];
        const event: CaseEvent = eventOf(plan, step, actors);
        const applied = applyEvent(states.get(event.caseId)?.state, event);
        if (!applied.ok) throw new Error(`generated an illegal event: ${applied.problem.code}`);
        serverSeq += 1;
        states.set(event.caseId, { state: applied.value, seq: serverSeq });
        // Devices sync within minutes of the event, most of the time.
        const at = (plan.times[step] as number) + 30_000 + ((serverSeq * 7919) % 600_000);
        insertEvent.run(
          serverSeq,
          event.id,
          event.type,
          event.caseId,
          event.officeId,
          event.deviceId,
          event.deviceSeq,
          eventContent(event),
          new Date(at).toISOString(),
          eventProof(keyOf(event.staffId, event.deviceId), event),
        );
        events++;
      }
    })();
  }
  const rows = [...states.values()];
  for (let from = 0; from < rows.length; from += chunk) {
    conn.transaction(() => {
      for (const { state, seq } of rows.slice(from, from + chunk)) {
        insertCase.run(state.id, state.officeId, state.status, JSON.stringify(state), seq);
      }
    })();
  }
  conn.transaction(() => {
    for (const d of [...village, district]) {
      d.lastSeq = nextSeq(d.id) - 1;
      insertDevice.run(
        d.id,
        d.officeId,
        d.deviceNo,
        sha256Hex(d.token),
        enrolledAt,
        d.lastSeq,
        null,
        d.lastSeq,
      );
    }
  })();
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.close();
  return {
    cases: rows.length,
    events,
    lastServerSeq: serverSeq,
    village,
    district,
    offices,
  };
}
