/**
 * The process model: what a case walks from intake to hand-out, built from its catalog edition
 * (see model.ts, build.ts, next.ts). Cases registered before it walk the legacy chain.
 */
import type { ChannelKind } from '../catalog/schema';
import { buildProcess } from './build';
import { legacyProcess } from './legacy';
import type { Process } from './model';

export { buildProcess, type ProcessKey } from './build';
export { LEGACY_STATUSES, legacyProcess } from './legacy';
export type { Paper, Place, Process, ProcessStep, StepEvent } from './model';
export { STEP_EVENTS } from './model';
export {
  actionsFor,
  type CaseStatus,
  isInProcess,
  mayRecord,
  type NextAction,
  nextActions,
  openSteps,
  type Progress,
} from './next';
export { PROCESS_OUTLINES } from './outline';

/** What a registration says about the case's process. */
export interface ProcessRef {
  serviceId: string;
  channel: ChannelKind;
  catalogVersion: string;
  variant?: string | undefined;
  /** absent on cases registered before the process model */
  process?: 'catalog' | undefined;
}

/** The process a registration puts the case on, or null when the catalog has none such. */
export function processFor(ref: ProcessRef): Process | null {
  if (ref.process !== 'catalog')
    return legacyProcess(ref.serviceId, ref.channel, ref.catalogVersion);
  return buildProcess({
    serviceId: ref.serviceId,
    channel: ref.channel,
    edition: ref.catalogVersion,
    variant: ref.variant,
  });
}
