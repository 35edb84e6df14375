/**
 * The sign-in's steps as state: the PIN is checked (by the device's seal, or by the server for a
 * first sign-in here), which takes about a second of Argon2, so the screen says it is checking;
 * a problem comes back as a code to put in words; a person whose old PIN is too short is taken to
 * a second step where she chooses a new one, and the sign-in is tried again with both.
 *
 * The identity code (Argon2 in WebAssembly, the seal, the proof key) is a chunk of its own,
 * loaded when this screen opens rather than with the start-up script.
 */
import { useState } from 'react';
import { isQuotaError } from '../../db/quota';
import type { Problem } from '../../domain/errors';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';

/** Loads the device's identity services once; a failed load is tried again by the next call. */
let identity: Promise<typeof import('../../sync/identity')> | undefined;
export function loadIdentity(): Promise<typeof import('../../sync/identity')> {
  identity ??= import('../../sync/identity').catch((error: unknown) => {
    identity = undefined;
    throw error;
  });
  return identity;
}

/** `newPin`: the person's right, too short PIN is kept until she has chosen a new one. */
export type SignInStep = { name: 'pin' } | { name: 'newPin'; staffId: string; pin: string };

export function useSignIn() {
  const { db } = useRuntime();
  const credentials = useSession((s) => s.credentials);
  const signIn = useSession((s) => s.signIn);
  const [step, setStep] = useState<SignInStep>({ name: 'pin' });
  const [isChecking, setIsChecking] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  /** Tries the sign-in; resolves once the outcome is on the screen (or the person signed in). */
  async function attempt(staffId: string, pin: string, newPin?: string): Promise<void> {
    if (!credentials || isChecking) return;
    setIsChecking(true);
    setProblem(null);
    try {
      const { signInOnDevice } = await loadIdentity();
      const outcome = await signInOnDevice({ db, credentials }, staffId, pin, newPin);
      if (outcome.ok) {
        setStep({ name: 'pin' });
        signIn(outcome.staff, outcome.proofKey, outcome.adminSession);
      } else if (outcome.problem.code === 'pin-change-required') {
        // Right PIN, but shorter than today's rule: not a failure, a new PIN is chosen here.
        setStep({ name: 'newPin', staffId, pin });
      } else if (outcome.problem.code === 'pin-wrong' && outcome.problem.details?.triesLeft === 0) {
        // The wrong PIN that used the last try locked the sign-in: say that, not "0 tries left".
        setProblem({ code: 'pin-locked' });
      } else {
        setProblem(outcome.problem);
      }
    } catch (error) {
      // The identity code could not load or the device's database failed: nothing was changed.
      setProblem({ code: isQuotaError(error) ? 'storage-full' : 'storage-failed' });
    } finally {
      setIsChecking(false);
    }
  }

  function restart() {
    setStep({ name: 'pin' });
    setProblem(null);
  }

  return { step, isChecking, problem, setProblem, attempt, restart };
}
