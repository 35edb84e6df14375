/**
 * Session and UI state (zustand): who is signed in on this device and the interface language.
 * Not a second copy of the database — cases and events are read live from IndexedDB.
 * The session survives a reload of the tab (sessionStorage) so an offline reload does not
 * throw a person out mid-work; the language is remembered per device (localStorage).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Credentials } from '../db/meta';
import type { Staff } from '../domain/reference';

export type Lang = 'kk' | 'ru';

interface SessionState {
  credentials: Credentials | null;
  staff: Staff | null;
  setCredentials(credentials: Credentials | null): void;
  signIn(staff: Staff): void;
  signOut(): void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      credentials: null,
      staff: null,
      setCredentials: (credentials) => set({ credentials }),
      signIn: (staff) => set({ staff }),
      signOut: () => set({ staff: null }),
    }),
    {
      name: 'qabyldau-session',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ staff: state.staff }),
    },
  ),
);

interface PrefsState {
  lang: Lang;
  paper: 'a4' | 'roll80';
  setLang(lang: Lang): void;
  setPaper(paper: 'a4' | 'roll80'): void;
}

export const usePrefs = create<PrefsState>()(
  persist(
    (set) => ({
      lang: 'kk',
      paper: 'a4',
      setLang: (lang) => set({ lang }),
      setPaper: (paper) => set({ paper }),
    }),
    { name: 'qabyldau-prefs' },
  ),
);
