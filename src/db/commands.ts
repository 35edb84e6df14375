/**
 * Commands: one per user action, registered here and nowhere else. Each checks its input and
 * the case's current state with the same domain code the server runs, then appends events
 * through `appendEvents`. The UI calls these and never writes tables.
 */

import type { CaseEvent, EventType } from '../domain/case/events';
import { type FieldProblem, type IntakeInput, validateIntake } from '../domain/case/intake';
import { applyEvent } from '../domain/case/reducer';
import type { ChannelKind } from '../domain/catalog/schema';
import { resultDueFor } from '../domain/deadline/talon';
import type { Problem } from '../domain/errors';
import { formatBatchNumber, formatRegNumber } from '../domain/numbering';
import { type Staff, shortName } from '../domain/reference';
import { toLocalDateTime, toOffsetDateTime } from '../domain/time';
import { appendEvents, type EventDraft } from './append';
import { type Credentials, nextYearCounter } from './meta';
import type { Ports } from './ports';
import { loadCalendar, loadCatalog } from './reference';
import type { QabyldauDb } from './schema';

export interface Actor {
  staff: Staff;
  credentials: Credentials;
}

export type CommandResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: Problem; fields?: FieldProblem[] };

export interface Commands {
  registerCase(input: IntakeInput): Promise<CommandResult<{ caseId: string; regNumber: string }>>;
  sendBatch(caseIds: string[]): Promise<CommandResult<{ batchId: string; batchNumber: string }>>;
  receiveCase(caseId: string): Promise<CommandResult<void>>;
  decideCase(
    caseId: string,
    decision: { outcome: 'approved' } | { outcome: 'refused'; reason: string },
  ): Promise<CommandResult<void>>;
  signCase(caseId: string): Promise<CommandResult<void>>;
  sendResult(caseId: string): Promise<CommandResult<void>>;
  receiveResult(caseId: string): Promise<CommandResult<void>>;
  handOutResult(caseId: string, recipient?: string): Promise<CommandResult<void>>;
}

/**
 * `afterWrite` runs after every successful append: the app uses it to push at once when a
 * connection exists.
 */
export function createCommands(
  db: QabyldauDb,
  ports: Ports,
  getActor: () => Actor | null,
  afterWrite: () => void = () => {},
): Commands {
  function envelope(actor: Actor, caseId: string, officeId: string, now: Date) {
    return {
      caseId,
      officeId,
      deviceId: actor.credentials.deviceId,
      staffId: actor.staff.id,
      deviceTime: toOffsetDateTime(now),
    };
  }

  /** A transition on one existing case: checked against the projection, then appended. */
  async function transition(
    caseId: string,
    type: Exclude<EventType, 'case.registered' | 'batch.sent'>,
    payload: EventDraft['payload'],
  ): Promise<CommandResult<void>> {
    const actor = getActor();
    if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
    const now = ports.now();
    try {
      await appendEvents(db, now, async () => {
        const current = await db.cases.get(caseId);
        const draft = {
          ...envelope(actor, caseId, current?.officeId ?? '', now),
          type,
          payload,
        } as EventDraft;
        const check = applyEvent(current, { ...draft, id: '', deviceSeq: 1 } as CaseEvent);
        if (!check.ok) throw new CommandProblem(check.problem);
        return [draft];
      });
      afterWrite();
      return { ok: true, value: undefined };
    } catch (error) {
      return asFailure(error);
    }
  }

  return {
    async registerCase(input) {
      const actor = getActor();
      if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
      // The current edition of the catalog: its checklist is checked, its version recorded.
      const catalog = await loadCatalog(db);
      const service = catalog.services.find((s) => s.id === input.serviceId);
      const fields = validateIntake(input, service);
      if (fields.length > 0 || !service) {
        return { ok: false, problem: { code: fields[0]?.code ?? 'service-unknown' }, fields };
      }
      const now = ports.now();
      const registeredAt = toLocalDateTime(now);
      const calendar = await loadCalendar(db);
      const channel = service.channels[input.channel as ChannelKind];
      if (!channel) return { ok: false, problem: { code: 'channel-unknown' } };
      const caseId = ports.newId();
      let regNumber = '';
      const office = await db.offices.get(actor.credentials.officeId);
      try {
        await appendEvents(db, now, async () => {
          const year = now.getFullYear();
          const seq = await nextYearCounter(db, 'regCounter', year);
          regNumber = formatRegNumber(office?.code ?? '00', year, actor.credentials.deviceNo, seq);
          const documents =
            service.checklist.kind === 'listed' || service.checklist.documents
              ? (service.checklist.documents ?? []).map((d) => ({
                  id: d.id,
                  isPresented: input.presentedDocuments.includes(d.id),
                }))
              : [];
          const applicant = {
            iin: input.applicant.iin.trim(),
            surname: input.applicant.surname.trim(),
            givenName: input.applicant.givenName.trim(),
            ...(input.applicant.patronymic?.trim()
              ? { patronymic: input.applicant.patronymic.trim() }
              : {}),
            ...(input.applicant.phone?.trim() ? { phone: input.applicant.phone.trim() } : {}),
          };
          return [
            {
              ...envelope(actor, caseId, actor.credentials.officeId, now),
              type: 'case.registered',
              payload: {
                regNumber,
                serviceId: service.id,
                catalogVersion: catalog.version,
                channel: input.channel,
                applicant,
                documents,
                registeredAt,
                resultDue: resultDueFor(calendar, channel, registeredAt),
                acceptedBy: { staffId: actor.staff.id, shortName: shortName(actor.staff) },
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

    async sendBatch(caseIds) {
      const actor = getActor();
      if (!actor) return { ok: false, problem: { code: 'unauthorized' } };
      if (caseIds.length === 0) return { ok: false, problem: { code: 'batch-empty' } };
      const now = ports.now();
      const batchId = ports.newId();
      let batchNumber = '';
      const office = await db.offices.get(actor.credentials.officeId);
      try {
        await appendEvents(db, now, async () => {
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
            const check = applyEvent(current, { ...draft, id: '', deviceSeq: 1 });
            if (!check.ok) throw new CommandProblem(check.problem);
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

    receiveCase: async (caseId) => {
      const row = await db.cases.get(caseId);
      return transition(caseId, 'case.received', row?.batchId ? { batchId: row.batchId } : {});
    },
    decideCase: (caseId, decision) => {
      if (decision.outcome === 'refused' && !decision.reason.trim()) {
        return Promise.resolve({
          ok: false,
          problem: { code: 'refusal-reason-required' },
          fields: [{ field: 'reason', code: 'refusal-reason-required' }],
        });
      }
      return transition(caseId, 'case.decided', decision);
    },
    signCase: (caseId) => transition(caseId, 'case.signed', {}),
    sendResult: (caseId) => transition(caseId, 'result.sent', {}),
    receiveResult: (caseId) => transition(caseId, 'result.received', {}),
    handOutResult: (caseId, recipient) =>
      transition(
        caseId,
        'result.handed_out',
        recipient?.trim() ? { recipient: recipient.trim() } : {},
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
  return {
    ok: false,
    problem: { code: 'event-schema-invalid', details: { message: String(error) } },
  };
}
