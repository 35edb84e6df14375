/**
 * The mark on a case's row while the server does not hold all of it: "жіберілмеген" (not sent
 * yet: the device works offline, nothing is lost) or "қабылданбады" (the server refused an event:
 * the Sync screen says why). An icon and a word, never colour alone; nothing once it is sent.
 */
import { useTranslation } from 'react-i18next';
import { useSyncMark } from './SyncMarks';
import './sync-mark.css';

export function SyncMark({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const mark = useSyncMark(caseId);
  if (!mark) return null;
  const isRejected = mark === 'rejected';
  return (
    <span
      className={isRejected ? 'sync-mark sync-mark-rejected' : 'sync-mark'}
      role="img"
      aria-label={t(isRejected ? 'syncState.rejectedLabel' : 'syncState.notSentLabel')}
      title={t(isRejected ? 'syncState.rejectedLabel' : 'syncState.notSentLabel')}
      data-testid="sync-mark"
    >
      <span aria-hidden="true">{isRejected ? '!' : '↑'}</span>{' '}
      <span aria-hidden="true">{t(isRejected ? 'syncState.rejected' : 'syncState.notSent')}</span>
    </span>
  );
}
