/**
 * The workload of the proof figure (`bench/proof.ts`, ADR 0015): real events of the demo
 * district — every step of applications from intake to hand-out, with the content the app makes
 * (Kazakh names, checklists, decisions) — each person with a proof key of her own on her device,
 * and the time it takes to prove them all (`eventProof`, what the device does at every append)
 * and to check them all (`isEventProof`, what the server does for every pushed event). Pure, so
 * the same code runs in Node (the server's side) and in the page (the device's).
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseEvent } from '../../src/domain/case/events';
import { eventProof, isEventProof, type Mac, newProofKey } from '../../src/domain/identity/proof';
import { DISTRICT_EXECUTOR, DISTRICT_HEAD, demoOffices } from './demo';
import { eventOf, planCases, seqCounter, timeline, workingDaysBefore } from './world';

const DAY = 86_400_000;

export interface ProofWorkload {
  events: CaseEvent[];
  /** the key of each event's person on its device, by the event's index */
  keys: Uint8Array[];
  /** each event's proof, once proved */
  proofs: string[];
}

/** `count` events of closed applications across the 17 akimats, with their people's keys. */
export function proofWorkload(count: number, nowMs: number): ProofWorkload {
  const offices = demoOffices();
  const perDay = 10;
  const cases = Math.ceil(count / 8) + offices.length;
  const plans = planCases({
    offices,
    days: workingDaysBefore(nowMs - 45 * DAY, Math.ceil(cases / (offices.length * perDay)) + 2),
    casesPerOfficePerDay: perDay,
    nowMs,
    maxCases: cases,
    seed: 9,
  });
  const villageDevices = new Map(offices.map((o) => [o.id, uuidv7()]));
  const actors = {
    village: (officeId: string) => ({
      deviceId: villageDevices.get(officeId) ?? '',
      staffId: `${officeId}-akimat_specialist`,
    }),
    district: { deviceId: uuidv7(), executorId: DISTRICT_EXECUTOR, headId: DISTRICT_HEAD },
    nextSeq: seqCounter(),
  };
  const keyring = new Map<string, Uint8Array>();
  const keyOf = (event: CaseEvent) => {
    const pair = `${event.staffId}@${event.deviceId}`;
    let key = keyring.get(pair);
    if (!key) {
      key = newProofKey();
      keyring.set(pair, key);
    }
    return key;
  };
  const events = timeline(plans)
    .slice(0, count)
    .map(({ plan, step }) => eventOf(plan, step, actors));
  if (events.length < count) throw new Error(`only ${events.length} events planned`);
  return { events, keys: events.map(keyOf), proofs: [] };
}

/** µs per event of each of `passes` passes of `work` over `n` events, after one not counted. */
function timePasses(n: number, passes: number, work: () => void): number[] {
  work();
  const out: number[] = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    work();
    out.push(((performance.now() - started) * 1000) / n);
  }
  return out;
}

/** Proves every event as the device's append does; µs per event of each pass. */
export function timeProving(w: ProofWorkload, passes: number): number[] {
  const { events, keys, proofs } = w;
  return timePasses(events.length, passes, () => {
    for (let i = 0; i < events.length; i++) {
      proofs[i] = eventProof(keys[i] as Uint8Array, events[i] as CaseEvent);
    }
  });
}

/**
 * Checks every event's proof as the server's push does, with the HMAC it gives (Node's native
 * one, `nodeMac`); µs per event of each pass.
 */
export function timeChecking(w: ProofWorkload, passes: number, mac: Mac): number[] {
  const { events, keys, proofs } = w;
  if (proofs.length !== events.length) throw new Error('prove the events first');
  let refused = 0;
  const times = timePasses(events.length, passes, () => {
    for (let i = 0; i < events.length; i++) {
      if (!isEventProof(keys[i] as Uint8Array, events[i] as CaseEvent, proofs[i] as string, mac)) {
        refused++;
      }
    }
  });
  // Every check must have done its whole work and said yes.
  if (refused > 0) throw new Error(`${refused} proofs did not check`);
  return times;
}
