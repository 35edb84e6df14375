/** The sync engine's latest status, for the header's indicator. */
import { create } from 'zustand';
import type { SyncStatus } from '../../db/meta';

interface SyncStatusState {
  status: SyncStatus & { isRunning: boolean };
  set(status: SyncStatus & { isRunning: boolean }): void;
}

export const useSyncStatus = create<SyncStatusState>()((set) => ({
  status: { isRunning: false },
  set: (status) => set({ status }),
}));
