/**
 * The app's single instances: the device database, the commands bound to the signed-in person,
 * and the sync engine. Created once at start-up and reached through `useRuntime()`.
 */
import { createContext, useContext } from 'react';
import { type Commands, createCommands } from '../../db/commands';
import { browserPorts } from '../../db/ports';
import { QabyldauDb } from '../../db/schema';
import { useSession } from '../../state/session';
import { SyncEngine } from '../../sync/engine';
import { useSyncStatus } from './syncStatus';

export interface Runtime {
  db: QabyldauDb;
  commands: Commands;
  engine: SyncEngine;
}

export function createRuntime(): Runtime {
  const db = new QabyldauDb();
  const engine = new SyncEngine({
    db,
    onChange: (status) => useSyncStatus.getState().set(status),
  });
  // Every local write is pushed at once when a connection exists; offline, the round fails
  // quietly and the outbox waits for the next one.
  const commands = createCommands(
    db,
    browserPorts,
    () => {
      const { staff, credentials } = useSession.getState();
      return staff && credentials ? { staff, credentials } : null;
    },
    () => void engine.syncNow(),
  );
  return { db, commands, engine };
}

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('RuntimeContext missing');
  return runtime;
}
