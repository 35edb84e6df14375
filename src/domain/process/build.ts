/**
 * Builds a case's process from its channel's outline. Each catalog step is recorded by one
 * event, chosen by its stage and role; where the file changes hands between the village and the
 * district and the regulation writes no step for it (003-06 has no "district receives the
 * file"), the process adds the step without a term of its own, so that every handover is
 * recorded by the side that makes it. Built once per service, channel and variant.
 */
import type { ChannelKind, Duration, StepRole } from '../catalog/schema';
import type { StaffRole } from '../roles';
import type { Paper, Place, Process, ProcessStep, StepEvent } from './model';
import { type ChannelOutline, PROCESS_OUTLINES, type StepOutline } from './outline';

const VILLAGE_STAFF: readonly StaffRole[] = ['akimat_specialist', 'akim'];
const DISTRICT_STAFF: readonly StaffRole[] = ['district_executor', 'district_head'];

/** Who records a step of this role in Qabyldau. */
function performersOf(role: StepRole, at: Place): readonly StaffRole[] {
  switch (role) {
    case 'akimat_specialist':
      return VILLAGE_STAFF;
    case 'akim':
      return ['akim'];
    // The commission has no device: its act is recorded by the office whose commission it is.
    case 'commission':
      return at === 'village' ? VILLAGE_STAFF : DISTRICT_STAFF;
    case 'district_executor':
      return DISTRICT_STAFF;
    case 'district_sector_head':
      return ['district_sector_head'];
    case 'district_head':
      return ['district_head'];
    default:
      return [];
  }
}

const HOME: Record<ChannelKind, Place> = {
  akim: 'village',
  provider: 'district',
  egov: 'district',
  pso: 'pso',
};

function placeOf(role: StepRole, channel: ChannelKind): Place {
  switch (role) {
    case 'akimat_specialist':
    case 'akim':
      return 'village';
    case 'commission':
      return channel === 'akim' ? 'village' : 'district';
    case 'pso_operator':
      return 'pso';
    case 'district_executor':
    case 'district_head':
    case 'district_sector_head':
      return 'district';
    default:
      return HOME[channel];
  }
}

/** The event that records a catalog step, before duplicates are dropped. */
function eventOf(step: StepOutline, next: StepOutline | undefined, hasDraft: boolean) {
  switch (step.stage) {
    case 'intake':
      return 'case.registered';
    case 'inspection':
      return 'commission.inspected';
    case 'forward':
      return 'batch.sent';
    case 'receive':
      return 'case.received';
    case 'review':
      if (step.role === 'district_sector_head') return 'case.endorsed';
      // The head's review before the executor's is the head's resolution: who executes it.
      if (step.role === 'district_head') return hasDraft ? 'case.endorsed' : 'case.assigned';
      return 'case.decided';
    case 'sign':
      return 'case.signed';
    case 'return':
      return 'result.sent';
    case 'handout':
      return 'result.handed_out';
    default:
      if (next?.stage === 'inspection') return 'commission.ordered';
      return step.role === 'district_head' ? 'case.assigned' : null;
  }
}

const PAPERS: Partial<Record<StepEvent, readonly Paper[]>> = {
  'case.registered': ['talon', 'receipt'],
  'commission.ordered': ['commission_order'],
  'commission.inspected': ['inspection_act'],
  'batch.sent': ['register'],
  'case.received': ['return_letter'],
  'case.signed': ['decision'],
  'result.handed_out': ['handout_receipt'],
};

interface Draft {
  id: string;
  at: Place;
  role: StepRole;
  stage: ProcessStep['stage'];
  duration: Duration | null;
  records: StepEvent | null;
  isParallelWithPrevious: boolean;
  isOptional: boolean;
  fromCatalog: boolean;
}

/** A step the catalog leaves implicit: no term of its own. */
function implicit(
  id: string,
  at: Place,
  role: StepRole,
  stage: ProcessStep['stage'],
  records: StepEvent,
  isOptional = false,
): Draft {
  return {
    id,
    at,
    role,
    stage,
    duration: null,
    records,
    isParallelWithPrevious: false,
    isOptional,
    fromCatalog: false,
  };
}

function catalogDrafts(outline: ChannelOutline, channel: ChannelKind, variant: string | null) {
  const durations = outline.variants?.find((v) => v.id === variant)?.durations ?? {};
  const used = new Set<StepEvent>();
  return outline.steps.map((step, i): Draft => {
    const at = placeOf(step.role, channel);
    const event = performersOf(step.role, at).length
      ? eventOf(step, outline.steps[i + 1], used.has('case.decided'))
      : null;
    // One step records each event; a second step of the same kind is the regulation's detail
    // of the first (the commission hands over while the specialist accepts).
    const records = event && !used.has(event) ? event : null;
    if (records) used.add(records);
    return {
      id: step.id,
      at,
      role: step.role,
      stage: step.stage,
      duration: durations[step.id] ?? step.duration,
      records,
      isParallelWithPrevious: step.isParallelWithPrevious === true,
      isOptional: false,
      fromCatalog: true,
    };
  });
}

/** Adds the handovers and the intake the catalog's steps leave implicit. */
function withHandovers(drafts: readonly Draft[], channel: ChannelKind): Draft[] {
  const out: Draft[] = [];
  const ids = new Set(drafts.map((d) => d.id));
  const push = (d: Draft) => {
    let id = d.id;
    for (let n = 2; ids.has(id) && !d.fromCatalog; n++) id = `${d.id}_${n}`;
    ids.add(id);
    out.push({ ...d, id });
  };
  const home = HOME[channel];
  if (drafts.find((d) => d.records)?.records !== 'case.registered') {
    push(
      implicit(
        'register',
        home,
        home === 'village' ? 'akimat_specialist' : 'district_executor',
        'intake',
        'case.registered',
      ),
    );
  }
  let place: Place = home;
  /** events recorded since the file last arrived where it is */
  let here = new Set<StepEvent>(['case.registered']);
  for (const draft of drafts) {
    const moves =
      draft.records !== null && draft.at !== place && draft.at !== 'pso' && place !== 'pso';
    if (moves && place === 'village' && draft.at === 'district') {
      if (!here.has('batch.sent'))
        push(implicit('forward', 'village', 'akimat_specialist', 'forward', 'batch.sent'));
      if (draft.records !== 'case.received')
        push(implicit('receive', 'district', 'district_executor', 'receive', 'case.received'));
      here = new Set(['case.received']);
    } else if (moves && place === 'district' && draft.at === 'village') {
      if (!here.has('result.sent'))
        push(implicit('send_result', 'district', 'district_executor', 'return', 'result.sent'));
      push(implicit('receive_result', 'village', 'akimat_specialist', 'return', 'result.received'));
      here = new Set(['result.received']);
    }
    if (moves) place = draft.at;
    if (draft.records === 'case.decided' && place === 'district' && !here.has('case.assigned')) {
      push(implicit('assign', 'district', 'district_head', 'other', 'case.assigned', true));
    }
    if (draft.records) here.add(draft.records);
    push(draft);
  }
  if (!out.some((d) => d.records === 'result.handed_out')) {
    push(
      implicit(
        'handout',
        place,
        place === 'village' ? 'akimat_specialist' : 'district_executor',
        'handout',
        'result.handed_out',
      ),
    );
  }
  return out;
}

function toStep(draft: Draft, outline: ChannelOutline, hasSign: boolean): ProcessStep {
  const performers = draft.records ? performersOf(draft.role, draft.at) : [];
  const papers =
    draft.records === 'case.decided' && !hasSign
      ? ['decision' as const]
      : (PAPERS[draft.records ?? 'result.sent'] ?? []);
  return {
    id: draft.id,
    at: draft.at,
    role: draft.role,
    performers,
    stage: draft.stage,
    duration: draft.duration,
    records: draft.records,
    papers,
    variants: (outline.variants ?? []).flatMap((v) => {
      const duration = v.durations[draft.id];
      return duration && draft.fromCatalog ? [{ id: v.id, duration }] : [];
    }),
    isParallelWithPrevious: draft.isParallelWithPrevious,
    isOptional: draft.isOptional,
    deadlineStepId: draft.fromCatalog ? draft.id : null,
  };
}

export interface ProcessKey {
  serviceId: string;
  channel: ChannelKind;
  edition: string;
  variant?: string | null | undefined;
}

const built = new Map<string, Process | null>();

/**
 * The process of a service and channel as the catalog gives it, or null when the catalog holds
 * no steps for it or no such variant. Cached: the server asks for every pushed event.
 */
export function buildProcess(key: ProcessKey): Process | null {
  const variant = key.variant ?? null;
  const cacheKey = `${key.serviceId}|${key.channel}|${variant ?? ''}|${key.edition}`;
  const cached = built.get(cacheKey);
  if (cached !== undefined) return cached;
  const process = makeProcess(key.serviceId, key.channel, key.edition, variant);
  built.set(cacheKey, process);
  return process;
}

function makeProcess(
  serviceId: string,
  channel: ChannelKind,
  edition: string,
  variant: string | null,
): Process | null {
  const outline = PROCESS_OUTLINES[serviceId]?.channels[channel];
  if (!outline || outline.steps.length === 0) return null;
  if (variant !== null && !outline.variants?.some((v) => v.id === variant)) return null;
  const drafts = withHandovers(catalogDrafts(outline, channel, variant), channel);
  const hasSign = drafts.some((d) => d.records === 'case.signed');
  return {
    serviceId,
    channel,
    edition,
    variant,
    model: 'catalog',
    steps: drafts.map((d) => toStep(d, outline, hasSign)),
  };
}
