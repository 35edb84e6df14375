/**
 * Deadlines of a case: when it counts as registered, when each step is due, and the date the
 * talon prints.
 */
export { compareMoments, dueAfter, type Moment } from './duration';
export {
  type BusinessHours,
  DEFAULT_BUSINESS_HOURS,
  type DeadlineOptions,
  effectiveRegistration,
  type RegistrationReason,
  type RegistrationRule,
} from './registration';
export {
  completionsByStage,
  type DeadlinePlan,
  deadlinePlan,
  isOverdue,
  type ResultDue,
  resultDue,
  type StageCompletions,
  type StepCompletions,
  type StepDeadline,
  stageDeadlines,
  withVariant,
} from './stages';
export { resultDueFor } from './talon';
