/**
 * The fixed chain every case walked before the process model, whatever its regulation said:
 * registered → forwarded → received → decided → signed → result sent → result received → handed
 * out. Cases registered then (their registration names no `process`) keep walking it, on devices
 * and on the server, so that nothing already stored stops working. Each step ends the term of
 * the catalog step of the stage it completed then (the last step of that stage), as the
 * deadline engine counted it.
 */
import type { ChannelKind, StepRole, StepStage } from '../catalog/schema';
import type { StaffRole } from '../roles';
import type { Place, Process, ProcessStep, StepEvent } from './model';
import { PROCESS_OUTLINES } from './outline';

const VILLAGE: readonly StaffRole[] = ['akimat_specialist', 'akim'];
const DISTRICT: readonly StaffRole[] = ['district_executor', 'district_head'];

const CHAIN: readonly [
  string,
  Place,
  StepRole,
  StepEvent,
  readonly StaffRole[],
  StepStage | null,
][] = [
  ['register', 'village', 'akimat_specialist', 'case.registered', VILLAGE, 'intake'],
  ['forward', 'village', 'akimat_specialist', 'batch.sent', VILLAGE, 'forward'],
  ['receive', 'district', 'district_executor', 'case.received', DISTRICT, 'receive'],
  ['decide', 'district', 'district_executor', 'case.decided', DISTRICT, 'review'],
  ['sign', 'district', 'district_head', 'case.signed', ['district_head'], 'sign'],
  ['send_result', 'district', 'district_executor', 'result.sent', DISTRICT, null],
  ['receive_result', 'village', 'akimat_specialist', 'result.received', VILLAGE, 'return'],
  ['handout', 'village', 'akimat_specialist', 'result.handed_out', VILLAGE, 'handout'],
];

/** The legacy statuses in order, for state stored before the process model. */
export const LEGACY_STATUSES = [
  'registered',
  'forwarded',
  'received',
  'decided',
  'signed',
  'result_sent',
  'result_received',
  'closed',
] as const;

const built = new Map<string, Process>();

export function legacyProcess(serviceId: string, channel: ChannelKind, edition: string): Process {
  const key = `${serviceId}|${channel}|${edition}`;
  const cached = built.get(key);
  if (cached) return cached;
  const catalogSteps = PROCESS_OUTLINES[serviceId]?.channels[channel]?.steps ?? [];
  const steps = CHAIN.map(([id, at, role, records, performers, stage]): ProcessStep => {
    const closing = stage ? catalogSteps.findLast((s) => s.stage === stage) : undefined;
    return {
      id,
      at,
      role,
      performers,
      stage: stage ?? 'return',
      duration: null,
      records,
      papers: [],
      variants: [],
      isParallelWithPrevious: false,
      isOptional: false,
      deadlineStepId: closing?.id ?? null,
    };
  });
  const process: Process = {
    serviceId,
    channel,
    edition,
    variant: null,
    model: 'legacy',
    steps,
  };
  built.set(key, process);
  return process;
}
