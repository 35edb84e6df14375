/**
 * The district's people as the server lists them for the administrator (active or not, every
 * office), read when the screen opens and again after each change. Online only, like every
 * admin call; offline the list stays empty and the screen says a connection is needed.
 */
import { useCallback, useEffect, useState } from 'react';
import { adminIdentity, useSession } from '../../state/session';
import { type AdminStaffListing, adminClient } from '../../sync/admin';
import { useRuntime } from '../app/runtime';

export function useDistrictStaff() {
  const { db } = useRuntime();
  const { credentials, staff } = useSession();
  const [people, setPeople] = useState<AdminStaffListing[]>([]);
  const refresh = useCallback(async () => {
    if (!credentials || !staff) return;
    setPeople(await adminClient(db, credentials, adminIdentity(staff)).listStaff());
  }, [db, credentials, staff]);
  useEffect(() => {
    refresh().catch(() => {});
  }, [refresh]);
  return { people, refresh };
}
