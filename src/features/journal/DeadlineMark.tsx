/**
 * A case's deadline colour as a small mark with its word beside it (colour alone is not enough
 * for everyone). The journal's own until the shared mark of the work lists is merged; it takes
 * the deadline engine's colour and nothing else, so either can replace the other.
 */
import { useTranslation } from 'react-i18next';
import type { DeadlineColour } from '../../domain/case/deadline';

export function DeadlineMark({ colour }: { colour: DeadlineColour | undefined }) {
  const { t } = useTranslation();
  if (!colour) return null;
  return (
    <span className={`deadline-mark deadline-${colour}`} data-deadline={colour}>
      <span className="deadline-dot" aria-hidden="true" />
      {t(`journalView.marks.${colour}`)}
    </span>
  );
}
