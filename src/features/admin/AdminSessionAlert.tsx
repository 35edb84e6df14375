/**
 * At the admin screen's top when the administrator's session could not be renewed (ADR 0015): the
 * key the device holds for her is no longer the server's (her PIN was reset elsewhere) or the
 * server could not be asked. Signing out and in again, online, gives her a new key and session.
 */
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../i18n';
import { useSession } from '../../state/session';
import { useAdminTrouble } from './adminTrouble';

export function AdminSessionAlert() {
  const { t } = useTranslation();
  const problem = useAdminTrouble((s) => s.problem);
  const clear = useAdminTrouble((s) => s.set);
  const signOut = useSession((s) => s.signOut);
  if (!problem) return null;
  return (
    <p role="alert" className="error">
      {describeProblem(t, problem)}{' '}
      <button
        type="button"
        onClick={() => {
          clear(null);
          signOut();
          window.location.hash = '#/';
        }}
      >
        {t('admin.signInAgain')}
      </button>
    </p>
  );
}
