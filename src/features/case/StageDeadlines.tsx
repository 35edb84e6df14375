/**
 * The regulation's steps for this case's channel (with the variant chosen at intake) and each
 * one's due date, counted by the deadline engine from what has actually been completed, with
 * the hours of the case's own office. The steps whose terms run now are marked with their
 * colour (overdue, due soon, on time); a finished step is history — done in time, or "completed
 * late" with its completion — and never shown as overdue now. Minute- and hour-long steps (the
 * akim's signature of 003-16) show the time of day.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import { isFinished, runningTerms, stepColour } from '../../domain/case/deadline';
import { processOf } from '../../domain/case/reducer';
import { isOverdue, type StepDeadline, stageDeadlines, withVariant } from '../../domain/deadline';
import { formatDue } from '../../domain/time';
import { useLang } from '../app/useLang';
import { DeadlineMark } from './DeadlineMark';
import type { CaseDeadlineView } from './useCaseDeadline';

interface Props {
  caseRow: CaseRow;
  view: CaseDeadlineView;
}

export function StageDeadlines({ caseRow, view }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { calendar, options, now } = view;
  const channel = withVariant(view.channel, caseRow.variant);
  const stages = stageDeadlines(
    calendar,
    channel,
    caseRow.registeredAt,
    caseRow.completions,
    options,
  );
  const isOpen = !isFinished(caseRow);
  const running = isOpen ? runningTerms(processOf(caseRow), caseRow) : new Set<string>();

  /** What the last column says: the completion (and whether late), ✓, or the running colour. */
  function state(s: StepDeadline, isCurrent: boolean) {
    if (s.completedAt) {
      return (
        <>
          {formatDue(s.completedAt)}
          {isOverdue(s, now) && (
            <span className="hint" data-testid="completed-late">
              {' '}
              — {t('stages.completedLate')}
            </span>
          )}
        </>
      );
    }
    if (s.isDone) return '✓';
    if (!isCurrent) return '';
    return <DeadlineMark deadline={{ colour: stepColour(calendar, s, now) }} />;
  }

  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('case.stages')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('stages.step')}</th>
            <th>{t('stages.who')}</th>
            <th>{t('stages.duration')}</th>
            <th>{t('stages.due')}</th>
            <th>{t('stages.done')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => {
            const isCurrent = running.has(s.stepId) && !s.isDone;
            const isLate = isCurrent && isOverdue(s, now);
            return (
              <tr
                key={s.stepId}
                data-step={s.stepId}
                className={isLate ? 'overdue' : isCurrent ? 'current' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <td>
                  {isCurrent && <strong>{t('stages.now')}: </strong>}
                  {loc(s.action)}
                </td>
                <td>{t(`stepRoles.${s.role}`)}</td>
                <td>{t(`units.${s.duration.unit}`, { count: s.duration.value })}</td>
                <td data-testid="step-due">{formatDue(s.due)}</td>
                <td data-testid="step-state">{state(s, isCurrent)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
