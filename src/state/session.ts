/**
 * Session and UI state (zustand): who is signed in on this device and the interface language.
 * Not a second copy of the database — cases and events are read live from IndexedDB.
 *
 * Being signed in (ADR 0015) is holding the person's opened proof key, with which every event she
 * records is proved, and, for the district administrator, the server's session for admin calls.
 * Both live in the tab's session storage, so an offline reload does not throw a person out
 * mid-work, and go when she signs out or the tab closes. The language is remembered per device
 * (localStorage).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Credentials } from '../db/meta';
import type { Staff } from '../domain/reference';
import type { AdminSession } from '../domain/sync/protocol';

export type Lang = 'kk' | 'ru';

interface SessionState {
  credentials: Credentials | null;
  staff: Staff | null;
  /** the signed-in person's proof key, base64url (`encodeKey`) */
  proofKey: string | null;
  /** a district administrator's session for admin calls, while it lasts */
  adminSession: AdminSession | null;
  setCredentials(credentials: Credentials | null): void;
  signIn(staff: Staff, proofKey: string, adminSession?: AdminSession): void;
  setAdminSession(session: AdminSession | null): void;
  signOut(): void;
}

type Persisted = Pick<SessionState, 'staff' | 'proofKey' | 'adminSession'>;

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      credentials: null,
      staff: null,
      proofKey: null,
      adminSession: null,
      setCredentials: (credentials) => set({ credentials }),
      signIn: (staff, proofKey, adminSession) =>
        set({ staff, proofKey, adminSession: adminSession ?? null }),
      setAdminSession: (adminSession) => set({ adminSession }),
      signOut: () => set({ staff: null, proofKey: null, adminSession: null }),
    }),
    {
      name: 'qabyldau-session',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state): Persisted => ({
        staff: state.staff,
        proofKey: state.proofKey,
        adminSession: state.adminSession,
      }),
      // A tab signed in by the previous release holds a person (with her PIN hash) and no key:
      // she signs in again, and what it held is not taken back.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Persisted>;
        if (!saved.staff || !saved.proofKey) return current;
        return {
          ...current,
          staff: saved.staff,
          proofKey: saved.proofKey,
          adminSession: saved.adminSession ?? null,
        };
      },
    },
  ),
);

/**
 * What the admin client needs of the session (`adminClient` in src/sync/admin.ts) for the
 * signed-in `staff`: her key and her session; a session renewed by the client is kept here for
 * the next calls. Without a key (nobody signed in with one) the client's renewal is refused as
 * `session-proof-invalid`.
 */
export function adminIdentity(staff: Pick<Staff, 'id'>): {
  staffId: string;
  proofKey: string;
  adminSession?: AdminSession;
  onSession(session: AdminSession): void;
} {
  const { proofKey, adminSession, setAdminSession } = useSession.getState();
  return {
    staffId: staff.id,
    proofKey: proofKey ?? '',
    ...(adminSession ? { adminSession } : {}),
    onSession: (session) => setAdminSession(session),
  };
}

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
