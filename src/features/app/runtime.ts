/**
 * The app's single instances: the device database, the commands bound to the signed-in person,
 * and the sync engine. Created once at start-up and reached through `useRuntime()`.
 *
 * The commands and the sync engine are modules of their own, loaded the first time one is used
 * (and in the background once the first screen is shown): with them come the event schemas that
 * validate every write, which starting the app and reading the journal do not need. So are the
 * catalog and the calendar, loaded in the background too.
 */
import { createContext, useContext } from 'react';
import type { Commands } from '../../db/commands';
import { withReopen } from '../../db/connection';
import { browserPorts, type Ports } from '../../db/ports';
import { preloadReference } from '../../db/reference';
import { QabyldauDb } from '../../db/schema';
import { useSession } from '../../state/session';
import type { SyncEngine } from '../../sync/engine';
import { type StartupReads, startReads } from './startupReads';
import { useSyncStatus } from './syncStatus';

/** What screens do with the sync engine. */
export type Sync = Pick<SyncEngine, 'start' | 'syncNow'>;

export interface Runtime {
  db: QabyldauDb;
  commands: Commands;
  engine: Sync;
  /**
   * The clock and ids the commands use: a screen that records a time (the intake form opened)
   * or counts deadlines (`useNow`) reads the same clock, so tests that move it move both.
   */
  ports: Ports;
  /** Loads the commands, the sync code and the catalog and calendar ahead of their first use. */
  preload(): void;
  /** The clock port: screens ask it for the time (what is overdue now), never `new Date()`. */
  now(): Date;
  startup: StartupReads;
}

/** A module loaded once; a failed load (a chunk missing after an update) is tried again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** `opensOnJournal`: the app starts on the journal, whose first page is then read at once. */
export function createRuntime(opensOnJournal: boolean, ports: Ports = browserPorts): Runtime {
  const db = new QabyldauDb();
  const startup = startReads(db, opensOnJournal);

  const loadEngine = once(async () => {
    const { SyncEngine } = await import('../../sync/engine');
    return new SyncEngine({
      db,
      onChange: (status) => useSyncStatus.getState().set(status),
    });
  });
  // Every caller fires and forgets, as with the engine itself: a round that cannot even load
  // leaves the outbox waiting for the next one. The first round waits until the first screen
  // is up: it is the person's work that must not wait.
  const engine: Sync = {
    start: () => void whenIdle(() => void loadEngine().then((e) => e.start(), ignore)),
    syncNow: () => loadEngine().then((e) => e.syncNow(), ignore),
  };
  const loadCommands = once(async () => {
    const { createCommands } = await import('../../db/commands');
    // Every local write is pushed at once when a connection exists; offline, the round fails
    // quietly and the outbox waits for the next one.
    return createCommands(
      db,
      ports,
      () => {
        // The person is the one whose key is open: no key, no events (they would be refused).
        const { staff, credentials, proofKey } = useSession.getState();
        return staff && credentials && proofKey ? { staff, credentials, proofKey } : null;
      },
      () => void engine.syncNow(),
    );
  });
  const deferred = <K extends keyof Commands>(name: K): Commands[K] =>
    (async (...args: unknown[]) => {
      const commands = await loadCommands();
      // A command reads before it writes; a read that met a lost connection threw before
      // anything was written, so the command runs once more on a reopened database.
      return withReopen(db, async () => (commands[name] as (...a: unknown[]) => unknown)(...args));
    }) as Commands[K];
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, deferred(name)]),
  ) as unknown as Commands;
  const preload = () => {
    void loadCommands().catch(ignore);
    void loadEngine().catch(ignore);
    void preloadReference().catch(ignore);
    // Rows a previous release projected take today's shape once the first screen is up.
    void import('../../db/projection')
      .then(({ reprojectIfMarked }) => reprojectIfMarked(db))
      .catch(ignore);
  };
  return { db, commands, engine, ports, preload, startup, now: () => ports.now() };
}

/** Every command, so the deferred set cannot miss one (the type below checks the list). */
const COMMAND_NAMES = [
  'registerCase',
  'refuseApplication',
  'sendBatch',
  'orderCommission',
  'recordInspection',
  'receiveCase',
  'receiveCases',
  'returnCase',
  'assignCase',
  'assignCases',
  'decideCase',
  'endorseCase',
  'sendBack',
  'signCase',
  'sendResult',
  'sendResults',
  'receiveResult',
  'receiveResults',
  'handOutResult',
  'refuseReturned',
  'correctCase',
  'cancelCase',
] as const satisfies readonly (keyof Commands)[];
type Missing = Exclude<keyof Commands, (typeof COMMAND_NAMES)[number]>;
const everyCommandListed: [Missing] extends [never] ? true : Missing = true;
void everyCommandListed;

function ignore() {}

/** Runs `fn` when the browser has nothing more urgent to do; returns a cancel. */
export function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 500);
  return () => clearTimeout(id);
}

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('RuntimeContext missing');
  return runtime;
}
