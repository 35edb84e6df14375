/**
 * The verdict of a chaos run, from what was really committed: the server's store is read
 * directly (not through the API under test) and compared with every device's database.
 *
 * - lost: an event a device holds as acknowledged (`synced`) that the server does not have,
 *   a rejection the device shows that the server never recorded, or a registration made on a
 *   device that is neither on the server nor visibly rejected;
 * - duplicated: an event id, a device's (deviceId, deviceSeq) or a case's registration stored
 *   more than once;
 * - diverged: a device whose case projection differs from the server's for a case in its scope,
 *   whose set of server events differs from what the server lets it see, or whose record of its
 *   own events disagrees with the server's (content, serverSeq, rejection code); also the server's
 *   `cases` table against a fresh fold of its own events;
 * - unsent: events still pending or still in a device's outbox after the calm phase;
 * - unproved: an event the server holds without a proof, or with one that its person's key on
 *   its device does not verify, or with another proof than its device made; an event refused as
 *   `proof-missing` or `proof-invalid` (every person signed in through the server and proves
 *   what she records, through renumbering and power cuts).
 */
import { historyEvents, mergeEvents } from '../../src/db/history';
import { type CaseEvent, canonicalJson, eventContent } from '../../src/domain/case/events';
import { type Case, foldCase } from '../../src/domain/case/reducer';
import { decodeKey, isEventProof } from '../../src/domain/identity/proof';
import type { Db } from '../../sync-server/db/types';
import type { SimDevice } from './devices';

export interface Verdict {
  serverEvents: number;
  serverRejected: number;
  deviceEvents: number;
  lost: number;
  duplicated: number;
  diverged: number;
  unsent: number;
  unproved: number;
  /** live proof keys on the server, one per person and device she signed in on */
  proofKeys: number;
  /** registrations a power cut took from a device before they were ever sent (not sync's loss) */
  forgotten: number;
  /** server rejections of events a power cut took from their device */
  forgottenRejections: number;
  /** registration numbers carried by two cases of one office */
  numberClashes: number;
  /** server cases not handed out yet, by status (none when the storm ran to its end) */
  open: Record<string, number>;
  /** the first problems found, each in one line */
  problems: string[];
  /** what is worth knowing but not wrong */
  remarks: string[];
}

interface ServerEvent {
  server_seq: number;
  id: string;
  type: string;
  case_id: string;
  office_id: string;
  device_id: string;
  device_seq: number;
  content: string;
  proof: string | null;
}

interface ServerRejection {
  id: string;
  device_id: string;
  device_seq: number | null;
  code: string;
}

const MAX_PROBLEMS = 40;

/** The case as the projection shows it, without the device's index helpers. */
function comparable(value: Case | (Case & { iin?: string; surnameLower?: string })): string {
  const {
    iin: _i,
    surnameLower: _s,
    rev: _r,
    ...rest
  } = value as Case & {
    iin?: string;
    surnameLower?: string;
    rev?: number;
  };
  return canonicalJson(rest);
}

export async function verify(db: Db, devices: readonly SimDevice[]): Promise<Verdict> {
  const problems: string[] = [];
  const note = (line: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(line);
  };
  const remarks: string[] = [];
  const lostIds = new Set<string>();
  let duplicated = 0;
  let diverged = 0;
  let unsent = 0;
  let deviceEvents = 0;
  let forgotten = 0;
  let forgottenRejections = 0;

  const events = await db.all<ServerEvent>(
    `SELECT server_seq, id, type, case_id, office_id, device_id, device_seq, content, proof
       FROM events ORDER BY server_seq`,
  );
  const rejections = await db.all<ServerRejection>(
    'SELECT id, device_id, device_seq, code FROM rejected_events',
  );
  const cases = await db.all<{ case_id: string; office_id: string; state: string }>(
    'SELECT case_id, office_id, state FROM cases',
  );
  const devicesRows = await db.all<{ id: string; last_seq: number }>(
    'SELECT id, last_seq FROM devices',
  );
  const lastSeqs = new Map(devicesRows.map((d) => [d.id, Number(d.last_seq)]));
  const keys = new Map<string, Uint8Array>();
  for (const k of await db.all<{ staff_id: string; device_id: string; secret: string }>(
    'SELECT staff_id, device_id, secret FROM staff_keys WHERE revoked_at IS NULL',
  )) {
    const key = decodeKey(k.secret);
    if (key) keys.set(`${k.staff_id}@${k.device_id}`, key);
  }
  const byId = new Map(events.map((e) => [e.id, e]));
  const rejectedById = new Map(rejections.map((r) => [r.id, r]));

  // Exactly once on the server.
  const distinct = new Set(events.map((e) => e.id)).size;
  if (distinct !== events.length) {
    duplicated += events.length - distinct;
    note(`server: ${events.length - distinct} event ids stored twice`);
  }
  const seqOwners = new Map<string, string>();
  for (const e of [...events, ...rejections]) {
    if (e.device_seq === null) continue;
    const key = `${e.device_id}#${e.device_seq}`;
    const other = seqOwners.get(key);
    if (other !== undefined && other !== e.id) {
      duplicated++;
      note(`server: device seq ${key} taken by ${other} and ${e.id}`);
    }
    seqOwners.set(key, e.id);
  }
  const registrations = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'case.registered') {
      registrations.set(e.case_id, (registrations.get(e.case_id) ?? 0) + 1);
    }
  }
  for (const [caseId, n] of registrations) {
    if (n > 1) {
      duplicated += n - 1;
      note(`server: case ${caseId} registered ${n} times`);
    }
  }
  for (const id of rejectedById.keys()) {
    if (byId.has(id)) {
      duplicated++;
      note(`server: event ${id} is both stored and rejected`);
    }
  }
  events.forEach((e, i) => {
    if (Number(e.server_seq) !== i + 1) {
      note(`server: serverSeq ${e.server_seq} at position ${i + 1} (a gap)`);
    }
  });

  // Every stored event proved by its person's key on its device; nothing refused for a proof.
  let unproved = 0;
  for (const e of events) {
    const event = JSON.parse(e.content) as CaseEvent;
    const key = keys.get(`${event.staffId}@${event.deviceId}`);
    if (!e.proof || !key || !isEventProof(key, event, e.proof)) {
      unproved++;
      note(
        `server: ${e.id} by ${event.staffId} is stored ${e.proof ? 'with a wrong' : 'without a'} proof`,
      );
    }
  }
  for (const r of rejections) {
    if (r.code === 'proof-missing' || r.code === 'proof-invalid') {
      unproved++;
      note(`server: ${r.id} from ${r.device_id} refused as ${r.code}`);
    }
  }

  // Two cases of one office under one registration number: two citizens hold the same talon
  // number. Only a device that lost writes it had already sent can do that (a power cut), when
  // it registers again before its first pull afterwards; nothing is lost or doubled, both cases
  // are whole, so it is a figure of its own and not a failure.
  const numbers = new Map<string, string>();
  let numberClashes = 0;
  for (const e of events) {
    if (e.type !== 'case.registered') continue;
    const { payload } = JSON.parse(e.content) as { payload: { regNumber: string } };
    const key = `${e.office_id} ${payload.regNumber}`;
    const other = numbers.get(key);
    if (other !== undefined && other !== e.case_id) {
      numberClashes++;
      remarks.push(`server: ${payload.regNumber} names cases ${other} and ${e.case_id}`);
    }
    numbers.set(key, e.case_id);
  }

  // The server's projection is the fold of its own log.
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.case_id) ?? [];
    list.push(JSON.parse(e.content) as CaseEvent);
    byCase.set(e.case_id, list);
  }
  const serverCases = new Map<string, { officeId: string; state: Case }>();
  const open: Record<string, number> = {};
  for (const row of cases) {
    const state = JSON.parse(row.state) as Case;
    if (state.status !== 'closed' && state.status !== 'cancelled') {
      open[state.status] = (open[state.status] ?? 0) + 1;
    }
    serverCases.set(row.case_id, { officeId: row.office_id, state });
    const folded = foldCase(byCase.get(row.case_id) ?? []);
    if (!folded.ok || !folded.value || comparable(folded.value) !== comparable(state)) {
      diverged++;
      note(`server: cases row ${row.case_id} is not the fold of its events`);
    }
  }

  for (const device of devices) {
    const deviceId = device.credentials.deviceId;
    // Every event on the device: its rows and the case histories of its initial sync.
    const rows = mergeEvents(
      (await device.db.histories.toArray()).flatMap(historyEvents),
      await device.db.events.toArray(),
    );
    const outbox = await device.db.outbox.toArray();
    const own = rows.filter((r) => r.deviceId === deviceId);
    deviceEvents += own.length;

    // Unsent: pending events and outbox entries left after the calm phase.
    const waiting = new Set([
      ...own.filter((r) => r.status === 'pending').map((r) => r.id),
      ...outbox.map((o) => o.eventId),
    ]);
    if (waiting.size > 0) {
      unsent += waiting.size;
      note(`${device.name}: ${waiting.size} events not sent (outbox ${outbox.length})`);
    }

    // The device's own events against the server's record of them.
    for (const row of own) {
      const stored = byId.get(row.id);
      const { status, serverSeq, rejection, storedAt: _t, ...event } = row;
      if (status === 'synced') {
        if (!stored) {
          lostIds.add(row.id);
          note(`${device.name}: acknowledged ${row.type} ${row.id} is not on the server`);
        } else if (
          stored.content !== eventContent(event as CaseEvent) ||
          Number(stored.server_seq) !== serverSeq
        ) {
          diverged++;
          note(`${device.name}: ${row.id} differs from the server's copy`);
        } else if (stored.proof !== row.proof) {
          // Pulls carry no proofs: an event a power cut took from its device comes back by a
          // pull without one. Any other difference is a proof the device did not make.
          if (row.proof === undefined && device.forgotten.has(row.id)) {
            remarks.push(`${device.name}: ${row.id} came back by a pull, without its proof`);
          } else {
            unproved++;
            note(
              `${device.name}: ${row.id} carries ${row.proof === undefined ? 'no proof' : 'another proof than the server’s copy'}`,
            );
          }
        }
      } else if (status === 'rejected') {
        const recorded = rejectedById.get(row.id);
        if (!recorded || stored) {
          lostIds.add(row.id);
          note(`${device.name}: rejected ${row.type} ${row.id} not recorded as rejected`);
        } else if (recorded.code !== rejection?.code) {
          diverged++;
          note(`${device.name}: ${row.id} rejected as ${rejection?.code}, server ${recorded.code}`);
        }
      }
    }
    const ownIds = new Set(own.map((r) => r.id));
    for (const r of rejections) {
      if (r.device_id !== deviceId || ownIds.has(r.id)) continue;
      // A rejection the device never heard of before a power cut took the event: nothing to
      // show, nothing lost (the server refused it anyway).
      if (device.forgotten.has(r.id)) forgottenRejections++;
      else {
        diverged++;
        note(
          `${device.name}: server rejected ${r.id} from this device, the device does not know it`,
        );
      }
    }
    for (const e of events) {
      if (e.device_id === deviceId && !ownIds.has(e.id)) {
        diverged++;
        note(`${device.name}: server holds ${e.id} from this device, the device does not`);
      }
    }
    // The server took this device's seqs 1, 2, … without a hole or a repeat, up to the count it
    // keeps for the device; a synced event carries its server seq already (its content matched
    // above). A rejected event may show another seq on the device than the server recorded: a
    // power cut can undo the renumbering (renumberOutbox) of an event the server had already
    // refused under its new seq; the device still shows the refusal, so that is only noted.
    const taken = [...events, ...rejections]
      .filter((e) => e.device_id === deviceId && e.device_seq !== null)
      .map((e) => Number(e.device_seq))
      .sort((a, b) => a - b);
    const counted = Number(lastSeqs.get(deviceId) ?? 0);
    if (taken.some((s, i) => s !== i + 1) || taken.length !== counted) {
      diverged++;
      const at = taken.findIndex((s, i) => s !== i + 1);
      note(
        `${device.name}: the server's seqs of this device are not 1…${counted}: …${taken.slice(Math.max(0, at - 2), at + 3).join(',')}…`,
      );
    }
    for (const row of own) {
      const recorded = rejectedById.get(row.id);
      if (row.status === 'rejected' && recorded && Number(recorded.device_seq) !== row.deviceSeq) {
        remarks.push(
          `${device.name}: rejected ${row.id} is seq ${row.deviceSeq} here, ${recorded.device_seq} on the server`,
        );
      }
    }

    // Every registration this device made is on the server or visibly rejected.
    for (const caseId of device.registered) {
      if (registrations.has(caseId)) continue;
      const row = own.find((r) => r.caseId === caseId && r.type === 'case.registered');
      if (row?.status === 'rejected' && rejectedById.has(row.id)) continue;
      if (row) lostIds.add(row.id);
      else if (device.forgottenCases.has(caseId)) {
        // Typed, then taken by a power cut before it was ever sent: the device's storage lost
        // it, not the sync. Counted apart.
        forgotten++;
      } else {
        lostIds.add(`registration:${caseId}`);
        note(`${device.name}: registration of ${caseId} vanished from the device`);
      }
    }

    // What the device sees against what the server lets it see.
    const inScope = (officeId: string) =>
      device.isDistrict || officeId === device.credentials.officeId;
    const synced = new Set(rows.filter((r) => r.status === 'synced').map((r) => r.id));
    let missing = 0;
    for (const e of events) {
      if (inScope(e.office_id) && !synced.has(e.id)) missing++;
    }
    const extra = [...synced].filter((id) => {
      const e = byId.get(id);
      return !e || !inScope(e.office_id);
    }).length;
    if (missing + extra > 0) {
      diverged += missing + extra;
      note(`${device.name}: ${missing} visible server events missing, ${extra} unexpected`);
    }

    const local = await device.db.cases.toArray();
    const localById = new Map(local.map((c) => [c.id, c]));
    for (const [caseId, server] of serverCases) {
      if (!inScope(server.officeId)) continue;
      const mine = localById.get(caseId);
      if (!mine || comparable(mine) !== comparable(server.state)) {
        diverged++;
        note(
          `${device.name}: case ${caseId} is ${mine?.status ?? 'absent'} here, ${server.state.status} on the server`,
        );
      }
    }
    for (const c of local) {
      if (!serverCases.has(c.id)) {
        diverged++;
        note(`${device.name}: case ${c.id} (${c.status}) exists only on the device`);
      }
    }
  }

  return {
    serverEvents: events.length,
    serverRejected: rejections.length,
    deviceEvents,
    lost: lostIds.size,
    duplicated,
    diverged,
    unsent,
    unproved,
    proofKeys: keys.size,
    forgotten,
    forgottenRejections,
    numberClashes,
    open,
    problems,
    remarks,
  };
}
