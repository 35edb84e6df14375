/**
 * Commands: one per user action, registered here and nowhere else. Each checks its input and
 * the case's current state with the same domain code the server runs, then appends events
 * through `appendEvents`. The UI calls these and never writes tables.
 */

import type { Change } from '../domain/case/correction';
import type { CaseEvent, Decision, EventType, PayloadOf } from '../domain/case/events';
import {
  type FieldProblem,
  type IntakeInput,
  missingDocuments,
  type PersonInput,
  validateIntake,
  validateRefusal,
} from '../domain/case/intake';
import { applyEvent, processOf, upgradeCase } from '../domain/case/reducer';
import type { Catalog } from '../domain/catalog';
import type { Channel, ChannelKind, Service } from '../domain/catalog/schema';
import { withVariant } from '../domain/deadline/stages';
import { resultDueFor } from '../domain/deadline/talon';
import type { Problem } from '../domain/errors';
import { hoursOf } from '../domain/hours';
import { decodeKey } from '../domain/identity/proof';
import {
  formatBatchNumber,
  formatRefusalNumber,
  formatRegNumber,
  formatResultBatchNumber,
} from '../domain/numbering';
import { isInProcess, nextActions } from '../domain/process/next';
import { type Staff, shortName } from '../domain/reference';
import { toLocalDateTime, toOffsetDateTime } from '../domain/time';
import { appendEvents, type EventDraft, proverOf } from './append';
import { type Credentials, nextYearCounter } from './meta';
import type { Ports } from './ports';
import { openCaseOf } from './queries';
import { isQuotaError, StorageFullError } from './quota';
import { loadCalendar, loadCatalog } from './reference';
import type { CaseRow, QabyldauDb } from './schema';

/** Who records: the person signed in, on this device, with her opened proof key (ADR 0015). */
export interface Actor {
  staff: Staff;
  credentials: Credentials;
  /** base64url, as the session keeps it (`encodeKey`) */
  proofKey: string;
}

/** The actor with her key as bytes, to prove events with. */
type ProvingActor = Actor & { key: Uint8Array };

export type CommandResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: Problem; fields?: FieldProblem[] };

type Refusal = { grounds?: string[]; reason?: string };
export type DecisionInput = { outcome: 'approved' } | ({ outcome: 'refused' } & Refusal);

export interface Commands {
  /** `confirmDuplicate`: the person saw that the IIN has an open case of the service */
  registerCase(
    input: IntakeInput & { confirmDuplicate?: boolean },
  ): Promise<CommandResult<{ caseId: string; regNumber: string }>>;
  /** An incomplete package (or one with a document out of date), refused with a receipt. */
  refuseApplication(
    input: IntakeInput,
  ): Promise<CommandResult<{ caseId: string; refusalNumber: string }>>;
  sendBatch(caseIds: string[]): Promise<CommandResult<{ batchId: string; batchNumber: string }>>;
  orderCommission(caseId: string, note?: string): Promise<CommandResult<void>>;
  recordInspection(
    caseId: string,
    act: PayloadOf<'commission.inspected'>,
  ): Promise<CommandResult<void>>;
  receiveCase(caseId: string): Promise<CommandResult<void>>;
  /** The district confirms several files of arrived batches at once (all or none). */
  receiveCases(caseIds: string[]): Promise<CommandResult<void>>;
  returnCase(caseId: string, ret: PayloadOf<'case.returned'>): Promise<CommandResult<void>>;
  assignCase(caseId: string, executorId: string): Promise<CommandResult<void>>;
  /** The head names one executor for several cases at once (all or none). */
  assignCases(caseIds: string[], executorId: string): Promise<CommandResult<void>>;
  decideCase(caseId: string, decision: DecisionInput): Promise<CommandResult<void>>;
  endorseCase(caseId: string, comment?: string): Promise<CommandResult<void>>;
  sendBack(caseId: string, comment: string): Promise<CommandResult<void>>;
  signCase(caseId: string, decision?: DecisionInput): Promise<CommandResult<void>>;
  /** One result sent back alone: a results batch of one, with its register. */
  sendResult(caseId: string): Promise<CommandResult<{ batchId: string; batchNumber: string }>>;
  /**
   * The signed results of one akimat sent back in one action: one `result.sent` per case, all
   * in one numbered results batch with its register (all or none).
   */
  sendResults(caseIds: string[]): Promise<CommandResult<{ batchId: string; batchNumber: string }>>;
  receiveResult(caseId: string): Promise<CommandResult<void>>;
  /**
   * The akimat confirms several results of a results batch arrived at once: one
   * `result.received` per case (all or none).
   */
  receiveResults(caseIds: string[]): Promise<CommandResult<void>>;
  handOutResult(
    caseId: string,
    to?: { to: 'applicant' } | { to: 'representative'; name: string; powerOfAttorney: string },
  ): Promise<CommandResult<void>>;
  refuseReturned(caseId: string, refusal: Refusal): Promise<CommandResult<void>>;
  correctCase(caseId: string, changes: Change[], reason: string): Promise<CommandResult<void>>;
  cancelCase(
    caseId: string,
    reason: 'withdrawn' | 'registered_in_error',
    note?: string,
  ): Promise<CommandResult<void>>;
}

const trimmed = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** A decision as an event carries it: empty grounds and blank text left out. */
function decisionPayload(decision: DecisionInput): Decision {
  if (decision.outcome === 'approved') return { outcome: 'approved' };
  const reason = trimmed(decision.reason);
  return {
    outcome: 'refused',
    ...(decision.grounds?.length ? { grounds: decision.grounds } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** What the desk recorded about the applicant and the package, as an event carries it. */
function particularsOf(input: IntakeInput, service: Service, catalogVersion: string) {
  const copies = new Set(input.copies ?? []);
  const documents =
    service.checklist.kind === 'listed' || service.checklist.documents
      ? (service.checklist.documents ?? []).map((d) => {
          const isPresented = input.presentedDocuments.includes(d.id);
          return isPresented
            ? {
                id: d.id,
                isPresented,
                form: copies.has(d.id) ? ('copy' as const) : ('original' as const),
              }
            : { id: d.id, isPresented };
        })
      : [];
  const a = input.applicant;
  const r = input.representative;
  return {
    serviceId: service.id,
    catalogVersion,
    channel: input.channel,
    ...(input.variant ? { variant: input.variant } : {}),
    applicant: {
      ...person(a),
      ...(trimmed(a.phone) ? { phone: trimmed(a.phone) } : {}),
      ...(trimmed(a.address) ? { address: trimmed(a.address) } : {}),
    },
    ...(r
      ? {
          representative: {
            ...person(r),
            powerOfAttorney: {
              number: r.powerOfAttorney.number.trim(),
              date: r.powerOfAttorney.date,
              issuer: r.powerOfAttorney.issuer.trim(),
            },
          },
        }
      : {}),
    documents,
    ...(input.personalDataConsent ? { personalDataConsent: true as const } : {}),
    ...(input.deskOpenedAt ? { deskOpenedAt: input.deskOpenedAt } : {}),
  };
}

function person(p: PersonInput) {
  return {
    iin: p.iin.trim(),
    surname: p.surname.trim(),
    givenName: p.givenName.trim(),
    ...(trimmed(p.patronymic) ? { patronymic: trimmed(p.patronymic) } : {}),
  };
}

/**
 * `afterWrite` runs after every successful append: the app uses it to push at once when a
 * connection exists.
 */
export function createCommands(
  db: QabyldauDb,
  ports: Ports,
  actorOf: () => Actor | null,
  afterWrite: () => void = () => {},
): Commands {
  /** Nobody signed in, or a key that does not decode: nothing can be recorded (unauthorized). */
  function getActor(): ProvingActor | null {
    const actor = actorOf();
    const key = actor ? decodeKey(actor.proofKey) : null;
    return actor && key ? { ...actor, key } : null;
  }

  function envelope(actor: Actor, caseId: string, officeId: string, now: Date) {
    return {
      caseId,
      officeId,
      deviceId: actor.credentials.deviceId,
      staffId: actor.staff.id,
      deviceTime: toOffsetDateTime(now),
    };
  }

  /**
   * Whether this person may record the event on the case now: the process's word, the same the
   * server checks, and the reducer's on what the event carries.
   */
  function check(current: CaseRow | undefined, draft: EventDraft, actor: Actor): Problem | null {
    const event = { ...draft, id: '', deviceSeq: 1 } as CaseEvent;
    if (current) {
      // A row projected before the process model has no steps done yet: upgrade it first.
      const state = upgradeCase(current);
      const process = processOf(state);
      if (!isInProcess(process, draft.type)) {
        return { code: 'step-not-in-process', details: { type: draft.type } };
      }
      const actions = nextActions(process, state).filter((a) => a.type === draft.type);
      if (actions.length > 0 && !actions.some((a) => a.roles.includes(actor.staff.role))) {
        return { code: 'role-not-allowed', details: { type: draft.type, role: actor.staff.role } };
      }
    }
    const result = applyEvent(current, event);
    return result.ok ? null : result.problem;
  }

  /** A step or action on one existing case: checked against the projection, then appended. */
  async function transition<T extends Exclude<EventType, 'case.registered' | 'batch.sent'>>(
    caseId: string,
    type: T,
    payload: PayloadOf<T>,
  ): Promise<CommandResult<void>> {
    const actor = getActor();
    if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
    const now = ports.now();
    try {
      await appendEvents(db, now, proverOf(actor.key), async () => {
        const current = await db.cases.get(caseId);
        const draft = {
          ...envelope(actor, caseId, current?.officeId ?? '', now),
          type,
          payload,
        } as EventDraft;
        const problem = check(current, draft, actor);
        if (problem) throw new CommandProblem(problem);
        return [draft];
      });
      afterWrite();
      return { ok: true, value: undefined };
    } catch (error) {
      return asFailure(error);
    }
  }

  /**
   * One step on each of several cases in one transaction: every case is checked as `transition`
   * checks one, and a case that may not take it leaves all of them as they were.
   */
  async function transitions<T extends Exclude<EventType, 'case.registered' | 'batch.sent'>>(
    caseIds: readonly string[],
    type: T,
    payloadOf: (row: CaseRow) => PayloadOf<T>,
    before?: () => Promise<void>,
  ): Promise<CommandResult<void>> {
    const actor = getActor();
    if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
    if (caseIds.length === 0) return { ok: false, problem: { code: 'selection-empty' } };
    const now = ports.now();
    try {
      await appendEvents(db, now, proverOf(actor.key), async () => {
        await before?.();
        const drafts: EventDraft[] = [];
        for (const caseId of new Set(caseIds)) {
          const current = await db.cases.get(caseId);
          if (!current) throw new CommandProblem({ code: 'case-not-found', details: { caseId } });
          const draft = {
            ...envelope(actor, caseId, current.officeId, now),
            type,
            payload: payloadOf(current),
          } as EventDraft;
          const problem = check(current, draft, actor);
          if (problem) {
            throw new CommandProblem({
              ...problem,
              details: { ...problem.details, regNumber: current.regNumber },
            });
          }
          drafts.push(draft);
        }
        return drafts;
      });
      afterWrite();
      return { ok: true, value: undefined };
    } catch (error) {
      return asFailure(error);
    }
  }

  /** Results sent back in one numbered batch. */
  async function sendResults(caseIds: readonly string[]) {
    const actor = getActor();
    if (!actor) return { ok: false as const, problem: { code: 'unauthorized' as const } };
    const ids = [...new Set(caseIds)];
    const batchId = ports.newId();
    let batchNumber = '';
    const now = ports.now();
    const office = await db.offices.get(actor.credentials.officeId);
    const result = await transitions(
      ids,
      'result.sent',
      () => ({ batchId, batchNumber, caseCount: ids.length }),
      async () => {
        const seq = await nextYearCounter(db, 'resultBatchCounter', now.getFullYear());
        batchNumber = formatResultBatchNumber(
          office?.code ?? '00',
          now.getFullYear(),
          actor.credentials.deviceNo,
          seq,
        );
      },
    );
    return result.ok ? { ok: true as const, value: { batchId, batchNumber } } : result;
  }

  /**
   * What registering and refusing at the desk both check: the current catalog edition's service
   * (its checklist is checked, its version recorded), the channel and its variant, the form.
   */
  async function deskContext(
    input: IntakeInput,
    now: Date,
    validate: typeof validateIntake,
  ): Promise<
    | { ok: true; service: Service; channel: Channel; catalog: Catalog }
    | { ok: false; problem: Problem; fields?: FieldProblem[] }
  > {
    const catalog = await loadCatalog(db);
    const service = catalog.services.find((s) => s.id === input.serviceId);
    const fields = validate(input, service, toLocalDateTime(now).slice(0, 10));
    if (fields.length > 0 || !service) {
      return { ok: false, problem: { code: fields[0]?.code ?? 'service-unknown' }, fields };
    }
    const offered = service.channels[input.channel as ChannelKind];
    if (!offered) return { ok: false, problem: { code: 'channel-unknown' } };
    if (input.variant && !offered.variants?.some((v) => v.id === input.variant)) {
      return { ok: false, problem: { code: 'variant-unknown' } };
    }
    return { ok: true, service, channel: withVariant(offered, input.variant), catalog };
  }

  return {
    async registerCase(input) {
      const actor = getActor();
      if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
      const now = ports.now();
      const desk = await deskContext(input, now, validateIntake);
      if (!desk.ok) return desk;
      const { service, channel, catalog } = desk;
      if (!input.confirmDuplicate) {
        const open = await openCaseOf(db, input.applicant.iin.trim(), service.id);
        if (open) {
          return {
            ok: false,
            problem: { code: 'duplicate-open-case', details: { regNumber: open.regNumber } },
          };
        }
      }
      const registeredAt = toLocalDateTime(now);
      const calendar = await loadCalendar(db);
      const caseId = ports.newId();
      let regNumber = '';
      const office = await db.offices.get(actor.credentials.officeId);
      try {
        await appendEvents(db, now, proverOf(actor.key), async () => {
          const year = now.getFullYear();
          const seq = await nextYearCounter(db, 'regCounter', year);
          regNumber = formatRegNumber(office?.code ?? '00', year, actor.credentials.deviceNo, seq);
          return [
            {
              ...envelope(actor, caseId, actor.credentials.officeId, now),
              type: 'case.registered',
              payload: {
                regNumber,
                ...particularsOf(input, service, catalog.version),
                registeredAt,
                resultDue: resultDueFor(calendar, channel, registeredAt, {
                  businessHours: hoursOf(office),
                }),
                acceptedBy: { staffId: actor.staff.id, shortName: shortName(actor.staff) },
                process: 'catalog',
              },
            },
          ];
        });
        afterWrite();
        return { ok: true, value: { caseId, regNumber } };
      } catch (error) {
        return asFailure(error);
      }
    },

    async refuseApplication(input) {
      const actor = getActor();
      if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
      const now = ports.now();
      const desk = await deskContext(input, now, validateRefusal);
      if (!desk.ok) return desk;
      const { service, catalog } = desk;
      const expired = new Set(input.expiredDocuments ?? []);
      const problems = [
        ...missingDocuments(service, input.presentedDocuments).map((id) => ({
          id,
          problem: 'missing' as const,
        })),
        ...(service.checklist.documents ?? [])
          .filter((d) => expired.has(d.id) && input.presentedDocuments.includes(d.id))
          .map((d) => ({ id: d.id, problem: 'expired' as const })),
      ];
      const caseId = ports.newId();
      let refusalNumber = '';
      const office = await db.offices.get(actor.credentials.officeId);
      try {
        await appendEvents(db, now, proverOf(actor.key), async () => {
          const year = now.getFullYear();
          const seq = await nextYearCounter(db, 'refusalCounter', year);
          refusalNumber = formatRefusalNumber(
            office?.code ?? '00',
            year,
            actor.credentials.deviceNo,
            seq,
          );
          return [
            {
              ...envelope(actor, caseId, actor.credentials.officeId, now),
              type: 'application.refused',
              payload: {
                refusalNumber,
                ...particularsOf(input, service, catalog.version),
                problems,
                refusedAt: toLocalDateTime(now),
                refusedBy: { staffId: actor.staff.id, shortName: shortName(actor.staff) },
              },
            },
          ];
        });
        afterWrite();
        return { ok: true, value: { caseId, refusalNumber } };
      } catch (error) {
        return asFailure(error);
      }
    },

    async sendBatch(caseIds) {
      const actor = getActor();
      if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
      if (caseIds.length === 0) return { ok: false, problem: { code: 'batch-empty' } };
      const now = ports.now();
      const batchId = ports.newId();
      let batchNumber = '';
      const office = await db.offices.get(actor.credentials.officeId);
      try {
        await appendEvents(db, now, proverOf(actor.key), async () => {
          const seq = await nextYearCounter(db, 'batchCounter', now.getFullYear());
          batchNumber = formatBatchNumber(
            office?.code ?? '00',
            now.getFullYear(),
            actor.credentials.deviceNo,
            seq,
          );
          const drafts: EventDraft[] = [];
          for (const caseId of caseIds) {
            const current = await db.cases.get(caseId);
            const draft = {
              ...envelope(actor, caseId, current?.officeId ?? '', now),
              type: 'batch.sent' as const,
              payload: { batchId, batchNumber, caseCount: caseIds.length },
            };
            const problem = check(current, draft, actor);
            if (problem) throw new CommandProblem(problem);
            drafts.push(draft);
          }
          return drafts;
        });
        afterWrite();
        return { ok: true, value: { batchId, batchNumber } };
      } catch (error) {
        return asFailure(error);
      }
    },

    orderCommission: (caseId, note) =>
      transition(caseId, 'commission.ordered', trimmed(note) ? { note: trimmed(note) } : {}),
    recordInspection: (caseId, act) => {
      const members = act.members.map((m) => m.trim()).filter(Boolean);
      if (members.length === 0) {
        return Promise.resolve({
          ok: false,
          problem: { code: 'commission-members-required' },
          fields: [{ field: 'members', code: 'commission-members-required' }],
        });
      }
      return transition(caseId, 'commission.inspected', { ...act, members });
    },
    receiveCase: async (caseId) => {
      const row = await db.cases.get(caseId);
      return transition(caseId, 'case.received', row?.batchId ? { batchId: row.batchId } : {});
    },
    receiveCases: async (caseIds) =>
      transitions(caseIds, 'case.received', (row) => (row.batchId ? { batchId: row.batchId } : {})),
    returnCase: (caseId, ret) => {
      const reason = trimmed(ret.reason);
      return transition(caseId, 'case.returned', {
        documents: ret.documents,
        ...(reason ? { reason } : {}),
      });
    },
    assignCase: (caseId, executorId) => transition(caseId, 'case.assigned', { executorId }),
    assignCases: async (caseIds, executorId) => {
      const executor = await db.staff.get(executorId);
      const actor = getActor();
      const isExecutor =
        executor?.isActive === true &&
        executor.role === 'district_executor' &&
        executor.officeId === actor?.credentials.officeId;
      if (!isExecutor) {
        return { ok: false, problem: { code: 'executor-unknown' } };
      }
      return transitions(caseIds, 'case.assigned', () => ({ executorId }));
    },
    decideCase: (caseId, decision) => transition(caseId, 'case.decided', decisionPayload(decision)),
    endorseCase: (caseId, comment) =>
      transition(caseId, 'case.endorsed', trimmed(comment) ? { comment: trimmed(comment) } : {}),
    sendBack: (caseId, comment) =>
      transition(caseId, 'case.sent_back', { comment: comment.trim() }),
    signCase: (caseId, decision) =>
      transition(caseId, 'case.signed', decision ? { decision: decisionPayload(decision) } : {}),
    sendResult: (caseId) => sendResults([caseId]),
    sendResults,
    receiveResult: (caseId) => transition(caseId, 'result.received', {}),
    receiveResults: (caseIds) => transitions(caseIds, 'result.received', () => ({})),
    handOutResult: (caseId, to = { to: 'applicant' }) =>
      to.to === 'representative' && (!to.name.trim() || !to.powerOfAttorney.trim())
        ? Promise.resolve({
            ok: false,
            problem: { code: 'representative-required' },
            fields: [
              ...(to.name.trim()
                ? []
                : [{ field: 'name', code: 'representative-required' as const }]),
              ...(to.powerOfAttorney.trim()
                ? []
                : [{ field: 'powerOfAttorney', code: 'representative-required' as const }]),
            ],
          })
        : transition(
            caseId,
            'result.handed_out',
            to.to === 'representative'
              ? {
                  to: 'representative',
                  representative: {
                    name: to.name.trim(),
                    powerOfAttorney: to.powerOfAttorney.trim(),
                  },
                }
              : { to: 'applicant' },
          ),
    refuseReturned: (caseId, refusal) => {
      const { outcome: _, ...payload } = decisionPayload({ outcome: 'refused', ...refusal }) as {
        outcome: 'refused';
      } & Refusal;
      return transition(caseId, 'case.refused', { outcome: 'refused', ...payload });
    },
    correctCase: (caseId, changes, reason) =>
      changes.length === 0
        ? Promise.resolve({ ok: false, problem: { code: 'correction-invalid' } })
        : transition(caseId, 'case.corrected', { changes, reason: reason.trim() }),
    cancelCase: (caseId, reason, note) =>
      transition(
        caseId,
        'case.cancelled',
        trimmed(note) ? { reason, note: trimmed(note) } : { reason },
      ),
  };
}

class CommandProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

function asFailure(error: unknown): { ok: false; problem: Problem } {
  if (error instanceof CommandProblem) return { ok: false, problem: error.problem };
  // Dexie wraps errors thrown inside a transaction; look one level down.
  const inner = (error as { inner?: unknown })?.inner;
  if (inner instanceof CommandProblem) return { ok: false, problem: inner.problem };
  // A full disk is nothing the person typed wrong: the transaction rolled back, and what she
  // typed waits in the form until space is freed.
  if (error instanceof StorageFullError || isQuotaError(error)) {
    return { ok: false, problem: { code: 'storage-full' } };
  }
  return {
    ok: false,
    problem: { code: 'event-schema-invalid', details: { message: String(error) } },
  };
}
