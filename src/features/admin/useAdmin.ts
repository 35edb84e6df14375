/** The admin client for the signed-in administrator, and a runner that turns failures into text. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../i18n';
import { adminCallSucceeded, adminProblem } from './adminTrouble';
import { type AdminClient, useAdminClient } from './useAdminClient';

export function useAdmin() {
  const { t } = useTranslation();
  const client = useAdminClient();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  async function run(action: (client: AdminClient) => Promise<void>) {
    if (!client) return;
    try {
      await action(client);
      adminCallSucceeded();
      setMessage({ isError: false, text: t('admin.saved') });
    } catch (error) {
      setMessage({ isError: true, text: describeProblem(t, adminProblem(error)) });
    }
  }
  return { run, message, client };
}
