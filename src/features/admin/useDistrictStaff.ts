/**
 * The district's people as the server lists them for the administrator (active or not, every
 * office, with a person's sign-in lock), read when the screen opens and again after each change.
 * Online only, like every admin call; offline the list stays empty and the screen says a
 * connection is needed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminStaffListing } from '../../sync/admin';
import { adminCallSucceeded, adminProblem } from './adminTrouble';
import { useAdminClient } from './useAdminClient';

export function useDistrictStaff() {
  const client = useAdminClient();
  const [people, setPeople] = useState<AdminStaffListing[]>([]);
  const refresh = useCallback(async () => {
    if (!client) return;
    setPeople(await client.listStaff());
    adminCallSucceeded();
  }, [client]);
  useEffect(() => {
    // A failed read leaves the list empty; a session that failed is said at the screen's top.
    refresh().catch(adminProblem);
  }, [refresh]);
  return { people, refresh };
}
