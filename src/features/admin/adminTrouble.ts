/**
 * What an admin call's failure means, and whether it is the administrator's session that failed
 * (ADR 0015). The admin client renews an expired session by the proof key once; when even that
 * is refused, every panel would fail alike, so the screen says it once at its top and offers to
 * sign out and in again (UI state only: zustand).
 */
import { create } from 'zustand';
import type { Problem } from '../../domain/errors';
import { HttpFailure } from '../../sync/http';

/** Codes that mean the session, not the request, is at fault. */
const SESSION_CODES = new Set(['admin-session-required', 'session-proof-invalid']);

interface AdminTrouble {
  /** the session's problem, or null while calls succeed */
  problem: Problem | null;
  set(problem: Problem | null): void;
}

export const useAdminTrouble = create<AdminTrouble>()((set) => ({
  problem: null,
  set: (problem) => set({ problem }),
}));

/** The failure as a problem to show; a session's failure is also noted for the screen's top. */
export function adminProblem(error: unknown): Problem {
  const problem: Problem =
    error instanceof HttpFailure && error.kind !== 'network'
      ? { code: error.code }
      : { code: 'offline' };
  if (SESSION_CODES.has(problem.code)) useAdminTrouble.getState().set(problem);
  return problem;
}

/** A call went through: whatever was wrong with the session is over. */
export function adminCallSucceeded(): void {
  if (useAdminTrouble.getState().problem) useAdminTrouble.getState().set(null);
}
