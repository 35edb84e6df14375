/**
 * Cases of the process model for the server suites: the services whose processes differ the
 * most (003-16 rendered at the village in minutes; 004-01 with the akim's order, the
 * commission, the sector head's visa; 003-06 with the handovers its regulation leaves implicit;
 * a 003-06 case registered the old way, on the legacy chain), a walk through each from intake to
 * hand-out and the branches off it (a return, a send-back, a cancellation, a refusal at the
 * village), payloads a device would send for every event type, and a helper that brings any
 * number of cases along any walks with a few pushes per step depth.
 */

import { v7 as uuidv7 } from 'uuid';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { type Process, processFor } from '../../src/domain/process';
import { PROCESS_OUTLINES } from '../../src/domain/process/outline';
import type { StaffRole } from '../../src/domain/roles';
import type { PushResult } from '../../src/domain/sync/protocol';
import { type Device, registration } from './helpers';

export const VILLAGE_ROLES = ['akimat_specialist', 'akim'] as const satisfies readonly StaffRole[];
export const DISTRICT_ROLES = [
  'district_executor',
  'district_sector_head',
  'district_head',
  'district_admin',
] as const satisfies readonly StaffRole[];
/** Every role, village first: the columns of the role tables. */
export const ROLES: readonly StaffRole[] = [...VILLAGE_ROLES, ...DISTRICT_ROLES];

export const isVillageRole = (role: StaffRole): boolean =>
  (VILLAGE_ROLES as readonly StaffRole[]).includes(role);

export const SERVICE_NAMES = ['003-16', '004-01', '003-06', 'legacy 003-06'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

interface ServiceRef {
  serviceId: string;
  channel: 'akim';
  /** absent: registered the way the previous release did, on the legacy chain */
  process?: 'catalog';
}

export const SERVICES: Record<ServiceName, ServiceRef> = {
  '003-16': { serviceId: '003-16', channel: 'akim', process: 'catalog' },
  '004-01': { serviceId: '004-01', channel: 'akim', process: 'catalog' },
  '003-06': { serviceId: '003-06', channel: 'akim', process: 'catalog' },
  'legacy 003-06': { serviceId: '003-06', channel: 'akim' },
};

export const CATALOG_VERSION = '2026-1';

export function processOfService(name: ServiceName): Process {
  const process = processFor({ ...SERVICES[name], catalogVersion: CATALOG_VERSION });
  if (!process) throw new Error(`no process for ${name}`);
  return process;
}

/** A registration of the service for an akimat office. */
export function registrationFor(
  name: ServiceName,
  officeId: string,
  n = 1,
): PayloadOf<'case.registered'> {
  const { process, ...ref } = SERVICES[name];
  return {
    ...registration(n),
    ...ref,
    catalogVersion: CATALOG_VERSION,
    acceptedBy: { staffId: `${officeId}-akimat_specialist`, shortName: 'Әбенова Г. С.' },
    ...(process ? { process } : {}),
  };
}

/**
 * A valid payload of the event on a case of the process, as the app would send it. `n` varies
 * the choices (a refusal or an approval, the applicant or a representative) where it matters.
 */
export function payloadFor(
  type: EventType,
  process: Process,
  context: { officeId: string; districtOffice: string; n?: number; state?: Case },
): unknown {
  const n = context.n ?? 0;
  const hasDraft = process.steps.some((s) => s.records === 'case.decided');
  switch (type) {
    case 'case.registered': {
      const name = (Object.keys(SERVICES) as ServiceName[]).find(
        (s) =>
          SERVICES[s].serviceId === process.serviceId &&
          (SERVICES[s].process === 'catalog') === (process.model === 'catalog'),
      );
      return registrationFor(name ?? '003-06', context.officeId, n % 10_000);
    }
    case 'application.refused': {
      const {
        regNumber,
        registeredAt,
        resultDue,
        acceptedBy,
        process: _,
        ...particulars
      } = payloadFor('case.registered', process, context) as PayloadOf<'case.registered'>;
      return {
        ...particulars,
        refusalNumber: `R${regNumber}`,
        problems: [{ id: particulars.documents[0]?.id ?? 'application', problem: 'missing' }],
        refusedAt: registeredAt,
        refusedBy: acceptedBy,
      } satisfies PayloadOf<'application.refused'>;
    }
    case 'commission.ordered':
      return n % 2 ? { note: 'Учаскелік комиссия тексерсін' } : {};
    case 'commission.inspected':
      return {
        actDate: '2026-03-20',
        members: ['Сейітов Б. Қ.', 'Омарова С. Н.'],
        findings: 'Отбасының табысы ең төменгі күнкөріс деңгейінен төмен.',
        conclusion: n % 3 === 2 ? 'not_needy' : 'needy',
        conclusionText: 'Отбасы көмекке мұқтаж.',
      };
    case 'batch.sent':
      return { batchId: uuidv7(), batchNumber: `01-26-03-${n % 1000}`, caseCount: 1 };
    case 'case.received':
      return {};
    case 'case.returned':
      return n % 2
        ? { documents: [{ id: 'application', problem: 'missing' }] }
        : { documents: [{ id: 'application', problem: 'wrong' }], reason: 'Қолы қойылмаған.' };
    case 'case.assigned':
      return { executorId: `${context.districtOffice}-district_executor` };
    case 'case.decided':
      return refusalOr(process, n);
    case 'case.endorsed':
      return n % 2 ? { comment: 'Келісілді' } : {};
    case 'case.sent_back':
      return { comment: 'Есептеуді қайта тексеріңіз.' };
    case 'case.signed':
      return hasDraft ? {} : { decision: refusalOr(process, n) };
    case 'result.sent':
      // Sent back in a results batch, or alone as before batches.
      return n % 2
        ? {
            batchId: uuidv7(),
            batchNumber: `N01-26-01-${String(n % 1000).padStart(3, '0')}`,
            caseCount: 2,
          }
        : {};
    case 'result.received':
      return {};
    case 'result.handed_out':
      return n % 3 === 1
        ? {
            to: 'representative',
            representative: { name: 'Оспанов Ержан', powerOfAttorney: 'Сенімхат № 15, 2026-03-01' },
          }
        : { to: 'applicant' };
    case 'case.refused':
      return {
        outcome: 'refused',
        grounds: ['other'],
        reason: 'Өтініш беруші құжаттарды толықтырмады.',
      };
    case 'case.corrected': {
      // From what the case holds now, as the correction form would.
      const phone = context.state?.applicant.phone ?? '';
      return {
        changes: [
          {
            field: 'phone',
            from: phone,
            to: phone === '87011234567' ? '87017654321' : '87011234567',
          },
        ],
        reason: 'Телефон нөмірі қате жазылған',
      };
    }
    case 'case.cancelled':
      return { reason: n % 2 ? 'withdrawn' : 'registered_in_error' };
  }
}

/** An approval, or (every fourth) a refusal on a ground of the regulation where it lists any. */
function refusalOr(process: Process, n: number): PayloadOf<'case.decided'> {
  if (n % 4 !== 3) return { outcome: 'approved' };
  return (PROCESS_OUTLINES[process.serviceId]?.grounds ?? 0) > 0
    ? { outcome: 'refused', grounds: ['1'] }
    : { outcome: 'refused', reason: 'Табыс шегінен асады.' };
}

export interface Step {
  type: EventType;
  role: StaffRole;
}

const step = (type: EventType, role: StaffRole): Step => ({ type, role });
const registered = step('case.registered', 'akimat_specialist');

/** Each service's road from intake to hand-out, with the person who takes each step. */
export const WALKS: Record<ServiceName, readonly Step[]> = {
  '003-16': [
    registered,
    step('case.signed', 'akim'),
    step('result.handed_out', 'akimat_specialist'),
  ],
  '004-01': [
    registered,
    step('commission.ordered', 'akim'),
    step('commission.inspected', 'akimat_specialist'),
    step('batch.sent', 'akimat_specialist'),
    step('case.received', 'district_executor'),
    step('case.assigned', 'district_head'),
    step('case.decided', 'district_executor'),
    step('case.endorsed', 'district_sector_head'),
    step('case.signed', 'district_head'),
    step('result.sent', 'district_executor'),
    step('result.received', 'akimat_specialist'),
    step('result.handed_out', 'akimat_specialist'),
  ],
  '003-06': [
    registered,
    step('batch.sent', 'akim'),
    step('case.received', 'district_head'),
    step('case.assigned', 'district_head'),
    step('case.decided', 'district_executor'),
    step('case.signed', 'district_head'),
    step('result.sent', 'district_head'),
    step('result.received', 'akim'),
    step('result.handed_out', 'akimat_specialist'),
  ],
  'legacy 003-06': [
    registered,
    step('batch.sent', 'akimat_specialist'),
    step('case.received', 'district_executor'),
    step('case.decided', 'district_executor'),
    step('case.signed', 'district_head'),
    step('result.sent', 'district_executor'),
    step('result.received', 'akimat_specialist'),
    step('result.handed_out', 'akimat_specialist'),
  ],
};

/** Roads off the walk: after its first `after` steps, these. */
const BRANCHES: Record<ServiceName, readonly { after: number; steps: readonly Step[] }[]> = {
  '003-16': [
    { after: 1, steps: [step('case.corrected', 'akim')] },
    { after: 1, steps: [step('case.cancelled', 'akimat_specialist')] },
  ],
  '004-01': [
    { after: 1, steps: [step('case.cancelled', 'akim')] },
    { after: 3, steps: [step('case.cancelled', 'akimat_specialist')] },
    { after: 4, steps: [step('case.returned', 'district_executor')] },
    {
      after: 4,
      steps: [step('case.returned', 'district_head'), step('case.refused', 'akimat_specialist')],
    },
    {
      after: 4,
      steps: [step('case.returned', 'district_executor'), step('batch.sent', 'akimat_specialist')],
    },
    // The head's assignment is optional: the executor may draft without it.
    { after: 5, steps: [step('case.decided', 'district_head')] },
    { after: 7, steps: [step('case.sent_back', 'district_sector_head')] },
    {
      after: 8,
      steps: [step('case.sent_back', 'district_head'), step('case.decided', 'district_executor')],
    },
  ],
  '003-06': [
    { after: 1, steps: [step('case.cancelled', 'akimat_specialist')] },
    { after: 2, steps: [step('case.returned', 'district_executor')] },
    { after: 5, steps: [step('case.sent_back', 'district_head')] },
  ],
  'legacy 003-06': [
    { after: 1, steps: [step('case.corrected', 'akimat_specialist')] },
    { after: 2, steps: [step('case.returned', 'district_executor')] },
  ],
};

export interface Position {
  service: ServiceName;
  name: string;
  steps: readonly Step[];
}

const nameOf = (steps: readonly Step[]) =>
  steps
    .slice(1)
    .map((s) => s.type.split('.')[1])
    .join('→') || 'registered';

/** Every position the walk and its branches reach, the walk's end included. */
export function positionsOf(service: ServiceName): Position[] {
  const walk = WALKS[service];
  const out: Position[] = [];
  for (let i = 1; i <= walk.length; i++) {
    const steps = walk.slice(0, i);
    out.push({ service, name: nameOf(steps), steps });
  }
  for (const branch of BRANCHES[service]) {
    const steps = [...walk.slice(0, branch.after), ...branch.steps];
    out.push({ service, name: nameOf(steps), steps });
  }
  return out;
}

/** The devices that take an akimat's steps: its own, and its district's. */
export interface OfficeDevices {
  village: Device;
  district: Device;
  districtOffice: string;
}

export interface WalkPlan {
  service: ServiceName;
  /** the akimat the cases belong to */
  office: string;
  steps: readonly Step[];
  ids: readonly string[];
}

const statusOf = (result: PushResult | undefined): string =>
  result === undefined ? 'missing' : result.status === 'rejected' ? result.code : result.status;

/**
 * Brings every plan's cases along its steps: at each depth one push per device with every
 * case's next event. Throws when the server refuses any of them.
 */
export async function walkCases(
  plans: readonly WalkPlan[],
  devicesOf: (office: string) => OfficeDevices,
): Promise<void> {
  const depth = Math.max(0, ...plans.map((p) => p.steps.length));
  let n = 0;
  for (let d = 0; d < depth; d++) {
    const byDevice = new Map<Device, CaseEvent[]>();
    for (const plan of plans) {
      const next = plan.steps[d];
      if (!next) continue;
      const devices = devicesOf(plan.office);
      const village = isVillageRole(next.role);
      const device = village ? devices.village : devices.district;
      const staffId = `${village ? plan.office : devices.districtOffice}-${next.role}`;
      const process = processOfService(plan.service);
      for (const id of plan.ids) {
        const payload = payloadFor(next.type, process, {
          officeId: plan.office,
          districtOffice: devices.districtOffice,
          // approvals only on the way: a walk must reach its end
          n: 4 * n++,
        });
        const event = device.event(next.type, id, staffId, payload as never, plan.office);
        byDevice.set(device, [...(byDevice.get(device) ?? []), event]);
      }
    }
    for (const [device, events] of byDevice) {
      for (let i = 0; i < events.length; i += 500) {
        const chunk = events.slice(i, i + 500);
        const reply = await device.push(chunk);
        const refused = reply.body.results
          .map((r, j) => ({ r, e: chunk[j] as CaseEvent }))
          .filter(({ r }) => r.status !== 'accepted');
        if (reply.status !== 200 || refused.length > 0) {
          throw new Error(
            `walk refused at depth ${d}: ${reply.status} ${refused
              .slice(0, 3)
              .map(({ r, e }) => `${e.type} ${statusOf(r)} ${JSON.stringify(r)}`)
              .join('; ')}`,
          );
        }
      }
    }
  }
}

/** `count` fresh case ids. */
export const newIds = (count: number): string[] => Array.from({ length: count }, () => uuidv7());

/**
 * The state a case reaches along the position's steps, folded here by the domain's reducer (no
 * server): what the oracle asks `nextActions` about.
 */
export function stateAt(position: Position, officeId = 'akt-01'): Case {
  const process = processOfService(position.service);
  let state: Case | undefined;
  position.steps.forEach((s, i) => {
    const event = {
      id: uuidv7(),
      type: s.type,
      caseId: '0190a000-0000-7000-8000-000000000000',
      officeId,
      deviceId: 'oracle',
      deviceSeq: i + 1,
      staffId: `oracle-${s.role}`,
      deviceTime: '2026-03-18T10:30:00+05:00',
      payload: payloadFor(s.type, process, {
        officeId,
        districtOffice: 'akt-district',
        n: 4 * i,
        ...(state ? { state } : {}),
      }),
    } as CaseEvent;
    const result = applyEvent(state, event);
    if (!result.ok) {
      throw new Error(`${position.service} ${position.name}: ${s.type} ${result.problem.code}`);
    }
    state = result.value;
  });
  if (!state) throw new Error(`${position.service} ${position.name}: no steps`);
  return state;
}
