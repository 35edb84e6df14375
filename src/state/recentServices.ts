/**
 * The services this device's desk used last, most recent first, so the picker offers them
 * before the others: a village office takes a handful of services day after day. Kept on the
 * device (localStorage), not in the database: it is a convenience of the screen, not a record.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Enough for an office's usual services; the rest are a few letters of search away. */
const KEPT = 5;

interface RecentServicesState {
  ids: string[];
  use(serviceId: string): void;
}

export const useRecentServices = create<RecentServicesState>()(
  persist(
    (set) => ({
      ids: [],
      use: (serviceId) =>
        set((s) => ({
          ids: [serviceId, ...s.ids.filter((id) => id !== serviceId)].slice(0, KEPT),
        })),
    }),
    { name: 'qabyldau-recent-services' },
  ),
);
