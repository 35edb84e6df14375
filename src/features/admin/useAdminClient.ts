/**
 * The admin client for the signed-in administrator: it sends her session with each call and,
 * when the server says the session ended, asks a new one by her proof key and tries once more
 * (`src/sync/admin.ts`). Who is acting is the session's to say, not the request's. Null when no
 * one with a proof key is signed in.
 */
import { useMemo } from 'react';
import { useSession } from '../../state/session';
import { adminClient } from '../../sync/admin';
import { useRuntime } from '../app/runtime';

export type AdminClient = ReturnType<typeof adminClient>;

export function useAdminClient(): AdminClient | null {
  const { db } = useRuntime();
  const credentials = useSession((s) => s.credentials);
  const staffId = useSession((s) => s.staff?.id);
  const proofKey = useSession((s) => s.proofKey);
  return useMemo(() => {
    if (!credentials || !staffId || !proofKey) return null;
    return adminClient(db, credentials, {
      staffId,
      proofKey,
      // Read at each call: a session renewed by another panel's call is used by this one too.
      get adminSession() {
        return useSession.getState().adminSession ?? undefined;
      },
      onSession: (session) => useSession.getState().setAdminSession(session),
    });
  }, [db, credentials, staffId, proofKey]);
}
