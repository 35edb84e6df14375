/**
 * Whether the person on this device asked not to be shown the install hint on the home screen
 * again: remembered per device (localStorage), like the language. The Sync screen still says
 * how to install.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface InstallHintState {
  isDismissed: boolean;
  dismiss(): void;
}

export const useInstallHint = create<InstallHintState>()(
  persist(
    (set) => ({
      isDismissed: false,
      dismiss: () => set({ isDismissed: true }),
    }),
    { name: 'qabyldau-install-hint' },
  ),
);
