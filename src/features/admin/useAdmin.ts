/** The admin client for the signed-in administrator, and a runner that turns failures into text. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../domain/errors';
import { describeProblem } from '../../i18n';
import { adminIdentity, useSession } from '../../state/session';
import { adminClient } from '../../sync/admin';
import { HttpFailure } from '../../sync/http';
import { useRuntime } from '../app/runtime';

export function useAdmin() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const { credentials, staff } = useSession();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  async function run(action: (client: ReturnType<typeof adminClient>) => Promise<void>) {
    if (!credentials || !staff) return;
    try {
      await action(adminClient(db, credentials, adminIdentity(staff)));
      setMessage({ isError: false, text: t('admin.saved') });
    } catch (error) {
      const problem: Problem =
        error instanceof HttpFailure
          ? { code: error.kind === 'network' ? 'offline' : error.code }
          : { code: 'offline' };
      setMessage({ isError: true, text: describeProblem(t, problem) });
    }
  }
  return { run, message };
}
