/**
 * The process a case walks: its catalog edition's steps for its service and channel, each tied
 * to the one event that records it in Qabyldau. Plain data, built once per service, channel and
 * variant (`build.ts`); `next.ts` says what may happen next. The device's commands, the server's
 * push validation and the authorization matrix all read the same process.
 */

import type { EventType } from '../case/events';
import type { ChannelKind, Duration, StepRole, StepStage } from '../catalog/schema';
import type { StaffRole } from '../roles';

/** Where a step happens: the village office, the district department, a ХҚО. */
export type Place = 'village' | 'district' | 'pso';

/** The events that record a step of a process; the rest act on the case beside its steps. */
export const STEP_EVENTS = [
  'case.registered',
  'commission.ordered',
  'commission.inspected',
  'batch.sent',
  'case.received',
  'case.assigned',
  'case.decided',
  'case.endorsed',
  'case.signed',
  'result.sent',
  'result.received',
  'result.handed_out',
] as const satisfies readonly EventType[];
export type StepEvent = (typeof STEP_EVENTS)[number];

/** Papers a step produces (printed by the features that own them). */
export type Paper =
  | 'talon'
  | 'receipt'
  | 'commission_order'
  | 'inspection_act'
  | 'register'
  | 'return_letter'
  | 'decision'
  | 'handout_receipt';

export interface ProcessStep {
  /** the catalog step's id; steps the catalog leaves implicit have ids of their own */
  id: string;
  at: Place;
  /** who performs it, in the regulation's words */
  role: StepRole;
  /** who may record it in Qabyldau; empty where no user of Qabyldau does (the applicant, an information system) */
  performers: readonly StaffRole[];
  stage: StepStage;
  /** its own term, with the variant applied; null for a step the catalog leaves implicit */
  duration: Duration | null;
  /** the event that records it; null where nobody records it (it is implied by the next) */
  records: StepEvent | null;
  papers: readonly Paper[];
  /** the variants that give this step another term */
  variants: readonly { id: string; duration: Duration }[];
  isParallelWithPrevious: boolean;
  /** may be passed over: recording a later step leaves it undone (the head's assignment) */
  isOptional: boolean;
  /** the catalog step whose term this step's completion ends, for the deadline engine */
  deadlineStepId: string | null;
}

export interface Process {
  serviceId: string;
  channel: ChannelKind;
  /** the catalog edition the case was registered under */
  edition: string;
  variant: string | null;
  /** `catalog`: built from the catalog; `legacy`: the fixed chain of cases registered before */
  model: 'catalog' | 'legacy';
  steps: readonly ProcessStep[];
}
