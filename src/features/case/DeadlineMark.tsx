/**
 * A case's deadline as a small mark: the colour of `caseDeadline` (done, on time, due soon,
 * overdue) with a symbol and a word beside it — colour is never the only signal, and the words
 * read the same to a screen reader — and, where the engine names the running step, its due.
 * Every list row and the case screen show deadlines with this one mark; other screens (the
 * journal) should use it too.
 */
import { useTranslation } from 'react-i18next';
import type { CaseDeadline, DeadlineColour } from '../../domain/case/deadline';
import { formatDue } from '../../domain/time';

/** Symbols the fonts the app asks for all carry (DejaVu Sans, Noto Sans). */
const SYMBOL: Record<DeadlineColour, string> = {
  overdue: '✖',
  due_soon: '▲',
  on_time: '●',
  done: '✓',
};

interface Props {
  deadline: Pick<CaseDeadline, 'colour' | 'step'>;
  /** show the running step's due beside the word ("due soon · until 23.04.2026") */
  isDueShown?: boolean;
}

export function DeadlineMark({ deadline, isDueShown = false }: Props) {
  const { t } = useTranslation();
  const { colour, step } = deadline;
  const due = isDueShown && step && colour !== 'done' ? step.due : undefined;
  return (
    <span className={`deadline-mark deadline-${colour}`} data-deadline={colour}>
      <span aria-hidden="true">{SYMBOL[colour]} </span>
      {t(`deadline.${colour}`)}
      {due && ` · ${t('deadline.until', { date: formatDue(due) })}`}
    </span>
  );
}
