/**
 * Bench-only code loaded into the app's page (never into the shipped bundle): it opens the app's
 * own IndexedDB database with the app's schema and runs the app's own commands and queries on
 * it, to seed a long-used device and to time what a person's actions cost there. Built by the
 * bench with Vite into one script and added to the page with a script tag.
 *
 * Commands run as a person signed in here (ADR 0015), each event proved with her key: the
 * person of the tab's session (the sign-in screen's), or another person of the office signed in
 * through `signIn` (the app's `signInOnDevice`, with a connection the first time).
 */

import { v7 as uuidv7 } from 'uuid';
import { type Actor, createCommands } from '../../src/db/commands';
import { JournalIndex, journalIndex } from '../../src/db/journal';
import { DEFAULT_QUERY, type JournalQuery, readJournal } from '../../src/db/journal-query';
import { getMeta, setMeta } from '../../src/db/meta';
import { toCaseRow } from '../../src/db/projection';
import { loadCalendar, loadCatalog } from '../../src/db/reference';
import { type CaseRow, type EventRow, QabyldauDb } from '../../src/db/schema';
import type { CaseEvent } from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import { shortName } from '../../src/domain/reference';
import { toLocalDateTime } from '../../src/domain/time';
import { deadlineLens } from '../../src/features/journal/deadlines';
import { signInOnDevice } from '../../src/sync/identity';
import { proofWorkload, timeProving } from '../lib/proof-work';
import {
  eventOf,
  FORWARDED_AT_ONCE,
  intakeInput,
  type OfficeRef,
  planCases,
  seeded,
  seqCounter,
  timeline,
  workingDaysBefore,
} from '../lib/world';

const db = new QabyldauDb();

async function officeRef(officeId: string): Promise<OfficeRef> {
  const office = await db.offices.get(officeId);
  const staff = await db.staff.where('officeId').equals(officeId).toArray();
  const order = ['akimat_specialist', 'akim'];
  const people = staff
    .filter((s) => order.includes(s.role))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  if (!office || people.length === 0) throw new Error(`office ${officeId} not in reference data`);
  return {
    id: office.id,
    code: office.code,
    staff: people.map((s) => ({ id: s.id, shortName: shortName(s) })),
  };
}

/** Proof keys of the people `signIn` signed in, by staffId. */
const proofKeys = new Map<string, string>();

/** The person of the tab's session, as the app keeps it (src/state/session.ts). */
function sessionPerson(): { staffId: string; proofKey: string } | null {
  const saved = JSON.parse(sessionStorage.getItem('qabyldau-session') ?? 'null') as {
    state?: { staff?: { id?: string } | null; proofKey?: string | null };
  } | null;
  const staffId = saved?.state?.staff?.id;
  const proofKey = saved?.state?.proofKey;
  return staffId && proofKey ? { staffId, proofKey } : null;
}

/** Signs another person of the office in on this device, as the sign-in screen does. */
async function signIn(staffId: string, pin: string): Promise<void> {
  const credentials = await getMeta(db, 'credentials');
  if (!credentials) throw new Error('device not enrolled');
  const outcome = await signInOnDevice({ db, credentials }, staffId, pin);
  if (!outcome.ok) throw new Error(`sign-in of ${staffId}: ${outcome.problem.code}`);
  proofKeys.set(staffId, outcome.proofKey);
}

/** The person `staffId` (by default the session's) with her proof key. */
async function actorFor(staffId?: string): Promise<Actor> {
  const credentials = await getMeta(db, 'credentials');
  if (!credentials) throw new Error('device not enrolled');
  const session = sessionPerson();
  const id = staffId ?? session?.staffId;
  if (!id) throw new Error('nobody is signed in');
  const staff = await db.staff.get(id);
  const proofKey = proofKeys.get(id) ?? (session?.staffId === id ? session.proofKey : undefined);
  if (!staff || !proofKey) throw new Error(`${id} is not signed in on this device`);
  return { staff, credentials, proofKey };
}

function commandsFor(actor: Actor) {
  return createCommands(db, { now: () => new Date(), newId: () => uuidv7() }, () => actor);
}

export interface SeedReport {
  cases: number;
  events: number;
  ms: number;
  iins: string[];
  surnames: string[];
  regNumbers: string[];
}

/**
 * A village device that has worked for years: `cases` applications of its office, most closed,
 * the last weeks' still in progress, with every event (its own and the district's) synced, and
 * the projections the app's reducer makes of them. Counters and the cursor are where the device
 * would have them.
 */
async function seedVillage(cases: number, perDay = 50, seed = 11): Promise<SeedReport> {
  const started = performance.now();
  const credentials = await getMeta(db, 'credentials');
  if (!credentials) throw new Error('device not enrolled');
  const office = await officeRef(credentials.officeId);
  const now = Date.now();
  const days = workingDaysBefore(now, Math.ceil(cases / perDay) + 2);
  const plans = planCases({
    offices: [office],
    days,
    casesPerOfficePerDay: perDay,
    nowMs: now,
    deviceNo: credentials.deviceNo,
    maxCases: cases,
    seed,
  });
  const districtDevice = uuidv7();
  const nextSeq = seqCounter();
  const actors = {
    village: () => ({ deviceId: credentials.deviceId, staffId: office.staff[0]?.id ?? '' }),
    district: {
      deviceId: districtDevice,
      executorId: 'akt-district-district_executor',
      headId: 'akt-district-district_head',
    },
    nextSeq,
  };
  const states = new Map<string, Case>();
  let serverSeq = 0;
  let batch: EventRow[] = [];
  let events = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    await db.transaction('rw', db.events, async () => {
      await db.events.bulkAdd(rows);
    });
  };
  for (const { plan, step } of timeline(plans)) {
    const event: CaseEvent = eventOf(plan, step, actors);
    const applied = applyEvent(states.get(event.caseId), event);
    if (!applied.ok) throw new Error(`generated an illegal event: ${applied.problem.code}`);
    states.set(event.caseId, applied.value);
    serverSeq += 1;
    batch.push({
      ...event,
      status: 'synced',
      serverSeq,
      storedAt: toLocalDateTime(new Date((plan.times[step] ?? now) + 60_000)),
    });
    events++;
    if (batch.length >= 20_000) await flush();
  }
  await flush();
  const rows: CaseRow[] = [...states.values()].map(toCaseRow);
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await db.transaction('rw', db.cases, async () => {
      await db.cases.bulkPut(chunk);
    });
  }
  const year = new Date(now).getFullYear();
  const thisYear = plans.filter((p) => p.regNumber.split('-')[1] === String(year % 100));
  const batchesThisYear = new Set(thisYear.map((p) => p.batchId)).size;
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'lastDeviceSeq', nextSeq(credentials.deviceId) - 1);
    await setMeta(db, 'cursor', serverSeq);
    await setMeta(db, 'regCounter', { year, seq: thisYear.length });
    await setMeta(db, 'batchCounter', { year, seq: batchesThisYear });
  });
  const rand = seeded(seed + 1);
  const sample = Array.from({ length: 400 }, () => plans[Math.floor(rand() * plans.length)]);
  return {
    cases: rows.length,
    events,
    ms: performance.now() - started,
    iins: sample.map((p) => p?.applicant.iin ?? ''),
    surnames: sample.map((p) => p?.applicant.surname ?? ''),
    regNumbers: sample.map((p) => p?.regNumber ?? ''),
  };
}

/** The real `registerCase` for `count` applications; the time of each, ms. */
async function timeRegister(count: number, seed = 21): Promise<number[]> {
  const commands = commandsFor(await actorFor());
  const rand = seeded(seed);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const input = intakeInput(rand);
    const started = performance.now();
    // The duplicate check is part of every save; a clerk who is warned confirms.
    let result = await commands.registerCase(input);
    if (!result.ok && result.problem.code === 'duplicate-open-case') {
      result = await commands.registerCase({ ...input, confirmDuplicate: true });
    }
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`registerCase: ${JSON.stringify(result.problem)}`);
  }
  return times;
}

const journalOptions = { serviceName: (id: string) => SERVICE_NAMES[id]?.kk ?? id };

/**
 * The journal's index loaded by a new page: `fromRows`, with its saved copy deleted first, from
 * every case row (as on the first opening after the upgrade), then waiting until the copy that
 * load writes is saved; else from the copy and the rows written since. ms, and where from.
 */
async function timeJournalLoad(
  fromRows: boolean,
): Promise<{ ms: number; source: string; entries: number }> {
  if (fromRows) await db.journalCache.clear();
  const started = performance.now();
  const snapshot = await new JournalIndex(db).read();
  const ms = performance.now() - started;
  if (fromRows) await waitJournalSaved();
  return { ms, source: snapshot.source, entries: snapshot.entries.length };
}

/** Until the journal's saved copy holds every case on the device. */
async function waitJournalSaved(): Promise<void> {
  for (let i = 0; i < 6_000; i++) {
    const [saved, count] = await Promise.all([db.journalCache.get('journal'), db.cases.count()]);
    if (saved?.count === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the journal was not saved in 10 minutes');
}

/** The journal query the screen runs for each search, its index loaded; ms and rows found. */
async function timeSearch(terms: string[]): Promise<{ ms: number; rows: number }[]> {
  await journalIndex(db).read();
  const out: { ms: number; rows: number }[] = [];
  for (const term of terms) {
    const started = performance.now();
    const view = await readJournal(db, { ...DEFAULT_QUERY, search: term }, journalOptions);
    out.push({ ms: performance.now() - started, rows: view.rows.length });
  }
  return out;
}

/**
 * Filters and sorts as the screen runs them, each `times` times; ms of each and rows found.
 * Overdue counts the deadline of every open case, as of now, with the device's calendar and
 * catalog editions (their loading is not counted).
 */
async function timeFilters(times = 20): Promise<Record<string, { ms: number[]; rows: number }>> {
  const { openEditions } = await readJournal(db, DEFAULT_QUERY, journalOptions);
  const { entries } = await journalIndex(db).read();
  const catalogs = new Map(
    await Promise.all(openEditions.map(async (v) => [v, await loadCatalog(db, v)] as const)),
  );
  const calendar = await loadCalendar(db);
  const sample = entries[Math.floor(entries.length / 3)];
  const month = sample?.registeredAt.slice(0, 7) ?? '2026-01';
  const cases: Record<string, Partial<JournalQuery>> = {
    service: { serviceId: sample?.serviceId ?? '003-06' },
    status: { group: 'at_district' },
    period: { from: `${month}-01`, to: `${month}-28` },
    'service+status+search': {
      serviceId: sample?.serviceId ?? '003-06',
      group: 'issued',
      search: sample?.surname.slice(1, 4) ?? 'ов',
    },
    'sort by applicant': { sort: 'applicant', isDescending: false },
    'sort by service': { sort: 'service', isDescending: false },
  };
  const out: Record<string, { ms: number[]; rows: number }> = {};
  for (const [name, patch] of Object.entries(cases)) {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < times; i++) {
      // A new index version each round would be a new sort; the same one shows the cached
      // order, as typing does. The first round of a sort is its full cost.
      const started = performance.now();
      const view = await readJournal(db, { ...DEFAULT_QUERY, ...patch }, journalOptions);
      ms.push(performance.now() - started);
      rows = view.rows.length;
    }
    out[name] = { ms, rows };
  }
  // Overdue: a new lens each round (a new minute), so every open case's deadline is counted.
  const overdue: number[] = [];
  let overdueRows = 0;
  for (let i = 0; i < Math.max(3, times / 4); i++) {
    const lens = deadlineLens(calendar, catalogs, toLocalDateTime(new Date()));
    const started = performance.now();
    const view = await readJournal(
      db,
      { ...DEFAULT_QUERY, isOverdueOnly: true },
      { ...journalOptions, isOverdue: lens.isOverdue },
    );
    overdue.push(performance.now() - started);
    overdueRows = view.rows.length;
  }
  out.overdue = { ms: overdue, rows: overdueRows };
  return out;
}

type CommandName =
  | 'registerCase'
  | 'sendBatch'
  | 'receiveCase'
  | 'decideCase'
  | 'signCase'
  | 'sendResult'
  | 'sendResults'
  | 'receiveResult'
  | 'receiveResults'
  | 'handOutResult';

/** Run one of the app's commands as a person of this device's office. */
async function run(name: CommandName, args: unknown[], staffId?: string): Promise<unknown> {
  const commands = commandsFor(await actorFor(staffId));
  const command = commands[name] as (...a: unknown[]) => Promise<{ ok: boolean }>;
  const result = await command(...args);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result;
}

/** Several commands in order, each as `[name, args, staffId?]`. */
async function runMany(steps: [CommandName, unknown[], string?][]): Promise<number> {
  for (const [name, args, staffId] of steps) await run(name, args, staffId);
  return steps.length;
}

/** Register `count` applications with realistic content; their case ids. */
async function registerMany(count: number, seed = 31): Promise<string[]> {
  const commands = commandsFor(await actorFor());
  const rand = seeded(seed);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Cases of the day's batch; an applicant who happens to come twice is registered again.
    const input = { ...intakeInput(rand, FORWARDED_AT_ONCE), confirmDuplicate: true };
    const result = await commands.registerCase(input);
    if (!result.ok) throw new Error(`registerCase: ${JSON.stringify(result.problem)}`);
    ids.push(result.value.caseId);
  }
  return ids;
}

async function caseIds(status: string): Promise<string[]> {
  return (await db.cases.where('status').equals(status).primaryKeys()) as string[];
}

/** The events waiting in the outbox, as the device would send them. */
async function outboxEvents(): Promise<CaseEvent[]> {
  const entries = await db.outbox.orderBy('deviceSeq').toArray();
  const rows = await db.events.bulkGet(entries.map((e) => e.eventId));
  return rows.flatMap((row) => {
    if (!row) return [];
    const { status: _s, serverSeq: _q, rejection: _r, storedAt: _t, ...event } = row;
    return [event as CaseEvent];
  });
}

/** Every event on the device, as bare events. */
async function allEvents(): Promise<CaseEvent[]> {
  const rows = await db.events.toArray();
  return rows.map(
    ({ status: _s, serverSeq: _q, rejection: _r, storedAt: _t, ...event }) => event as CaseEvent,
  );
}

/**
 * How fast this browser's IndexedDB stores event rows of the app's schema, rows a second: the
 * device's rows (copied, with new ids) written in 500-row transactions into a scratch database,
 * which is then deleted.
 */
async function idbWriteRate(count: number): Promise<number> {
  const source = await db.events.limit(count).toArray();
  const scratch = new QabyldauDb('qabyldau-bench-scratch');
  try {
    const rows = source.map((row) => ({ ...row, id: uuidv7() }));
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      await scratch.transaction('rw', scratch.events, async () => {
        await scratch.events.bulkPut(part);
      });
    }
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    await scratch.delete();
  }
}

async function counts() {
  return {
    cases: await db.cases.count(),
    events: await db.events.count(),
    outbox: await db.outbox.count(),
    rejected: await db.events.where('status').equals('rejected').count(),
    cursor: (await getMeta(db, 'cursor')) ?? 0,
  };
}

/**
 * Wait for the app's next sync round to end, and time it: the header's "sync now" button is
 * disabled while a round runs. `arm` starts watching; the round is then started by the caller
 * (bringing the device online fires the browser's `online` event, on which the engine syncs) or,
 * when none has started within `clickAfterMs`, by pressing the button. The round is over when
 * the button has stayed enabled for `settleMs`. `finish` resolves with ms from arming, and from
 * the round's start, to the last time the button became enabled.
 */
let armed: Promise<{ sinceArm: number; round: number }> | undefined;

function arm(label: string, clickAfterMs = 1_000, settleMs = 300, timeoutMs = 300_000): void {
  const button = [...document.querySelectorAll('header button')].find(
    (b) => b.textContent?.trim() === label,
  ) as HTMLButtonElement | undefined;
  if (!button) throw new Error(`no "${label}" button`);
  armed = new Promise((resolve, reject) => {
    let sawRunning = false;
    let startedAt = 0;
    let endedAt = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error('sync round did not end'));
    }, timeoutMs);
    const check = () => {
      if (button.disabled) {
        if (!sawRunning) startedAt = performance.now();
        sawRunning = true;
        if (settle) clearTimeout(settle);
        settle = undefined;
      } else if (sawRunning && !settle) {
        endedAt = performance.now();
        settle = setTimeout(() => {
          observer.disconnect();
          clearTimeout(timeout);
          resolve({ sinceArm: endedAt - started, round: endedAt - startedAt });
        }, settleMs);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
    setTimeout(() => {
      if (!sawRunning) button.click();
    }, clickAfterMs);
  });
}

function finish(): Promise<{ sinceArm: number; round: number }> {
  if (!armed) return Promise.reject(new Error('not armed'));
  return armed;
}

/** Wait until the device's cursor reaches `cursor` and it holds `cases` cases; ms from `since`. */
async function waitPulled(cursor: number, cases: number, since: number): Promise<number> {
  for (;;) {
    const [current, count] = await Promise.all([getMeta(db, 'cursor'), db.cases.count()]);
    if ((current ?? 0) >= cursor && count >= cases) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `eventProof` over `count` real events in this page: µs per event of each pass. */
function timeProofs(count: number, passes: number): number[] {
  return timeProving(proofWorkload(count, Date.now()), passes);
}

const api = {
  signIn,
  timeProofs,
  seedVillage,
  timeRegister,
  timeJournalLoad,
  waitJournalSaved,
  timeSearch,
  timeFilters,
  run,
  runMany,
  registerMany,
  caseIds,
  outboxEvents,
  allEvents,
  idbWriteRate,
  counts,
  arm,
  finish,
  waitPulled,
};
export type BenchApi = typeof api;
(globalThis as unknown as { qabyldauBench: BenchApi }).qabyldauBench = api;
