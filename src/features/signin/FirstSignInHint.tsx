/**
 * Under the list of people: who has never signed in on this device. Their first sign-in here is
 * checked by the server (ADR 0015), so it needs a connection; saying so before the PIN is typed
 * spares a clerk the surprise on a day the line is down.
 */
import { useTranslation } from 'react-i18next';
import { shortName } from '../../domain/names';
import type { Staff } from '../../domain/reference';

interface Props {
  id: string;
  people: readonly Staff[];
  /** people with a seal here; undefined while it is being read */
  sealed: ReadonlySet<string> | undefined;
}

export function FirstSignInHint({ id, people, sealed }: Props) {
  const { t } = useTranslation();
  if (!sealed || people.length === 0) return null;
  const newcomers = people.filter((p) => !sealed.has(p.id));
  if (newcomers.length === 0) return null;
  return (
    <p id={id} className="hint">
      {t('signIn.firstHere', { names: newcomers.map((p) => shortName(p)).join(', ') })}
    </p>
  );
}
