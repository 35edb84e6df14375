/**
 * Wrong PINs (ADR 0015): five in a row lock a person on one device, ten over all her devices
 * since her last good PIN lock her everywhere; only the district administrator lifts a lock.
 * The device counts its offline tries by the same number and reports its lock.
 */
export const FAILURES_TO_LOCK_ON_DEVICE = 5;
export const FAILURES_TO_LOCK_PERSON = 10;

/** An administrator's session lasts this long after it was issued. */
export const ADMIN_SESSION_MINUTES = 30;

export interface FailureCount {
  /** wrong PINs in a row on this device */
  onDevice: number;
  /** wrong PINs over all the person's devices since her last good one */
  ofPerson: number;
}

export function isLocked(count: FailureCount): boolean {
  return count.onDevice >= FAILURES_TO_LOCK_ON_DEVICE || count.ofPerson >= FAILURES_TO_LOCK_PERSON;
}

/** Tries left before the lock, for the message after a wrong PIN. */
export function triesLeft(count: FailureCount): number {
  return Math.max(
    0,
    Math.min(FAILURES_TO_LOCK_ON_DEVICE - count.onDevice, FAILURES_TO_LOCK_PERSON - count.ofPerson),
  );
}
