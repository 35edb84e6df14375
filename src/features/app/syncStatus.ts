/**
 * The sync engine's latest status, for the header's indicator and the Sync screen. The engine
 * reports while it runs (a round under way, an initial sync's progress); what the last round
 * ended with is also stored on the device, and read from there until the engine's first report
 * after start — the engine starts only once the first screen is up, and the header must not
 * claim a device never synced meanwhile.
 */
import { create } from 'zustand';
import { getMeta, type SyncStatus } from '../../db/meta';
import { useLive } from '../../db/useLive';
import type { EngineStatus } from '../../sync/engine';
import { useRuntime } from './runtime';

interface SyncStatusState {
  status: EngineStatus;
  /** the engine has reported since start */
  hasReported: boolean;
  set(status: EngineStatus): void;
}

export const useSyncStatus = create<SyncStatusState>()((set) => ({
  status: { isRunning: false },
  hasReported: false,
  set: (status) => set({ status, hasReported: true }),
}));

/** The engine's report, or until its first one, the status the last round stored. */
export function useSyncState(): EngineStatus {
  const { db } = useRuntime();
  const { status, hasReported } = useSyncStatus();
  // Once the engine reports, the stored status is not read again (nor watched).
  const stored = useLive(
    () => (hasReported ? Promise.resolve(undefined) : getMeta(db, 'syncStatus')),
    [hasReported],
  );
  if (hasReported) return status;
  const saved: SyncStatus = stored.data ?? {};
  return { ...saved, isRunning: false };
}
