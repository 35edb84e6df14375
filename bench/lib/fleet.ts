/**
 * Simulated devices that work the way the app does, for load: village devices register
 * applications and send them in transfer batches, and later take back the results and hand them
 * out; district devices receive the batches, decide, sign and send results. Each push is one
 * device's outbox of up to `batchSize` events in deviceSeq order, and a case moves on only after
 * the server accepted its previous step, so every event is a legal transition (rejections are
 * counted, and should stay zero).
 *
 * As in the app (ADR 0015), a device's people sign in through the server's sign-in first, each
 * with a fresh proof key, and every event carries its person's proof (`eventProof`), made here
 * in the load generator as a device makes it at the append.
 */
import type { CaseEvent } from '../../src/domain/case/events';
import { encodeKey, eventProof, newProofKey, pushProof } from '../../src/domain/identity/proof';
import { formatBatchNumber, formatRegNumber } from '../../src/domain/numbering';
import {
  type EnrollResponse,
  fromPushAnswer,
  PROTOCOL_VERSION,
  type PushResponse,
  type SignInRequest,
  type SignInResponse,
} from '../../src/domain/sync/protocol';
import type { WireEvent } from '../../src/domain/sync/wire';
import { nodeSha256 } from '../../sync-server/digest';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import { DISTRICT_EXECUTOR, DISTRICT_HEAD } from './demo';
import { request } from './http';
import { type CasePlan, eventOf, makePlan, type OfficeRef, type Rand, seeded } from './world';

export interface SimDevice {
  enrollment: EnrollResponse;
  kind: 'akimat' | 'district';
  office?: OfficeRef;
  seq: number;
  regSeq: number;
  batchSeq: number;
  /** proof keys of the people signed in on the device, by staffId */
  keys: Map<string, Uint8Array>;
}

export interface PushSample {
  /** when the answer arrived, ms (performance.now) */
  at: number;
  ms: number;
  accepted: number;
  rejected: number;
}

export class Fleet {
  readonly devices: SimDevice[] = [];
  /** cases sent in a batch, waiting for the district */
  private readonly forwarded: CasePlan[] = [];
  /** cases whose result was sent, by office, waiting for the village */
  private readonly returned = new Map<string, CasePlan[]>();
  private readonly rand: Rand = seeded(7);
  rejections: string[] = [];

  constructor(
    /** the server's URL; may change between pushes (the same store behind another process) */
    public base: string,
    readonly batchSize = 20,
  ) {}

  add(enrollment: EnrollResponse, office?: OfficeRef): SimDevice {
    const device: SimDevice = {
      enrollment,
      kind: enrollment.officeKind,
      seq: 0,
      regSeq: 0,
      batchSeq: 0,
      keys: new Map(),
      ...(office ? { office } : {}),
    };
    this.devices.push(device);
    return device;
  }

  /**
   * The device's people sign in through the server, each with the demo PIN of her role and a
   * fresh proof key, as at a first sign-in on a device: the village's specialist and akim, the
   * district's executor and head.
   */
  async signIn(device: SimDevice): Promise<void> {
    const people =
      device.kind === 'district'
        ? [
            { id: DISTRICT_EXECUTOR, pin: DEMO_PINS.district_executor },
            { id: DISTRICT_HEAD, pin: DEMO_PINS.district_head },
          ]
        : (device.office?.staff ?? []).map((s, i) => ({
            id: s.id,
            // demoOffices lists the specialist first, then the akim
            pin: i === 0 ? DEMO_PINS.akimat_specialist : DEMO_PINS.akim,
          }));
    for (const person of people) {
      const key = newProofKey();
      const json: SignInRequest = { staffId: person.id, pin: person.pin, key: encodeKey(key) };
      const reply = await request<SignInResponse>(this.base, 'POST', '/api/v1/staff/sign-in', {
        token: device.enrollment.token,
        json,
      });
      if (reply.status !== 200) {
        throw new Error(`sign-in of ${person.id}: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      device.keys.set(person.id, key);
    }
  }

  private event(device: SimDevice, plan: CasePlan, step: number, now: number): CaseEvent {
    plan.times[step] = now;
    const { deviceId } = device.enrollment;
    const event = eventOf(plan, step, {
      village: () => ({ deviceId, staffId: plan.acceptedBy.staffId }),
      district: { deviceId, executorId: DISTRICT_EXECUTOR, headId: DISTRICT_HEAD },
      nextSeq: () => ++device.seq,
      // The server's digest (the same ids): the load generator shares the cores it measures.
      digest: nodeSha256,
    });
    const key = device.keys.get(event.staffId);
    if (!key) throw new Error(`${event.staffId} is not signed in on ${deviceId}`);
    return { ...event, proof: eventProof(key, event) };
  }

  /** The next outbox of a device: what it has to do, up to the batch size; empty when idle. */
  build(device: SimDevice): { events: CaseEvent[]; after: () => void; plans: CasePlan[] } {
    const now = Date.now();
    const events: CaseEvent[] = [];
    const plans: CasePlan[] = [];
    if (device.kind === 'district') {
      const taken = this.forwarded.splice(0, Math.floor(this.batchSize / 4));
      for (const plan of taken)
        for (let step = 2; step <= 5; step++) events.push(this.event(device, plan, step, now));
      return {
        events,
        plans: taken,
        after: () => {
          for (const plan of taken) {
            const list = this.returned.get(plan.office.id) ?? [];
            list.push(plan);
            this.returned.set(plan.office.id, list);
          }
        },
      };
    }
    const office = device.office as OfficeRef;
    const back = (this.returned.get(office.id) ?? []).splice(0, Math.floor(this.batchSize / 4));
    for (const plan of back)
      for (const step of [6, 7]) events.push(this.event(device, plan, step, now));
    const fresh = Math.floor((this.batchSize - events.length) / 2);
    const year = new Date(now).getFullYear();
    const batchId = crypto.randomUUID();
    device.batchSeq += 1;
    const { deviceNo } = device.enrollment;
    const batchNumber = formatBatchNumber(office.code, year, deviceNo, device.batchSeq);
    const created: CasePlan[] = [];
    for (let i = 0; i < fresh; i++) {
      device.regSeq += 1;
      created.push(
        makePlan(this.rand, office, now, {
          regNumber: formatRegNumber(office.code, year, deviceNo, device.regSeq),
          batchId,
          batchNumber,
          caseCount: fresh,
        }),
      );
    }
    for (const plan of created) events.push(this.event(device, plan, 0, now));
    for (const plan of created) events.push(this.event(device, plan, 1, now));
    plans.push(...back, ...created);
    return { events, plans, after: () => this.forwarded.push(...created) };
  }

  /** One push of a device's next outbox; null when the device had nothing to send. */
  async pushNext(device: SimDevice): Promise<PushSample | null> {
    const { events, after } = this.build(device);
    if (events.length === 0) return null;
    const reply = await request<PushResponse>(this.base, 'POST', '/api/v1/sync/push', {
      token: device.enrollment.token,
      // In their wire form, as the app sends them. The world makes every id from its envelope
      // (`eventOf`), so it is left out without hashing the envelope a second time here: the
      // load generator shares the cores with the server it measures. One proof for the push,
      // as the app sends it (`provenPush`).
      json: {
        protocolVersion: PROTOCOL_VERSION,
        events: events.map(({ proof: _proof, ...event }) => withoutId(event as CaseEvent)),
        proof: pushProof(events.map((e) => e.proof ?? '')),
      },
    });
    if (reply.status !== 200)
      throw new Error(`push ${reply.status}: ${JSON.stringify(reply.body)}`);
    let accepted = 0;
    let rejected = 0;
    const results = fromPushAnswer(
      events.map((e) => e.id),
      reply.body,
    );
    if (!results) throw new Error(`push answer does not fit: ${JSON.stringify(reply.body)}`);
    for (const result of results) {
      if (result.status === 'accepted') accepted++;
      else if (result.status === 'rejected') {
        rejected++;
        if (this.rejections.length < 5)
          this.rejections.push(`${result.code} ${JSON.stringify(result.details ?? {})}`);
      }
    }
    if (rejected === 0) after();
    return { at: performance.now(), ms: reply.ms, accepted, rejected };
  }
}

function withoutId({ id: _id, ...event }: CaseEvent): WireEvent {
  return event as WireEvent;
}
