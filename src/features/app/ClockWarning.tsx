/**
 * The warning that the device clock is off, which talon dates come from: ahead or behind, by
 * days and hours ("13 күн 16 сағат"), as the last answer of the server showed.
 */
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../state/session';
import { useSyncWords } from './useSyncWords';
import './sync-state.css';

/** Talon dates come from the device clock; beyond this the person is warned. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function ClockWarning({ skewMs }: { skewMs: number | undefined }) {
  const { t } = useTranslation();
  const lang = usePrefs((s) => s.lang);
  const words = useSyncWords();
  if (!words || skewMs === undefined || Math.abs(skewMs) <= MAX_CLOCK_SKEW_MS) return null;
  const { direction, amount } = words.clockSkew(skewMs, lang);
  return (
    <p role="alert" className="error clock-warning" data-testid="clock-warning">
      {t(direction === 'ahead' ? 'syncState.clockAhead' : 'syncState.clockBehind', { amount })}
    </p>
  );
}
