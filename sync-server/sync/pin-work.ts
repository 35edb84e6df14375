/**
 * Every Argon2id the server computes — checking a PIN at sign-in, making the verifier of a new
 * one — takes about half a second and 128 MiB at the standard cost (ADR 0015). At most two run
 * at once in the process, whatever asks for them; the rest wait their turn. Two keep both cores
 * of a district server busy while a morning's sign-ins queue, and a burst of sign-ins (or of
 * guesses) cannot take the memory the server needs for everything else.
 */
import {
  checkPin,
  LOW_PIN_COST,
  makePinVerifier,
  type PinCost,
  type PinVerifier,
  STANDARD_PIN_COST,
} from '../../src/domain/identity/pin';

/** Argon2id computations at once, in this process. */
export const PIN_WORK_SLOTS = 2;

/** A counting semaphore: `run` waits for a free slot, and frees it however the work ends. */
export class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.free = slots;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }

  /** Work waiting for a slot, for tests and diagnostics. */
  get queued(): number {
    return this.waiting.length;
  }
}

const slots = new Semaphore(PIN_WORK_SLOTS);

/** Whether `pin` matches the verifier, in turn with the server's other PIN work. */
export function checkPinInTurn(pin: string, verifier: PinVerifier): Promise<boolean> {
  return slots.run(() => checkPin(pin, verifier));
}

/** A new verifier of `pin` at `cost`, in turn with the server's other PIN work. */
export function makeVerifierInTurn(pin: string, cost: PinCost): Promise<PinVerifier> {
  return slots.run(() => makePinVerifier(pin, cost));
}

/**
 * The cost the server makes verifiers at and names to devices for their seals: the standard
 * one, or with `PIN_COST=low` the test cost — taken only where a test or the benchmark's load
 * generator runs the server (`NODE_ENV=test`, or `BENCHMARK=1`), since they sign in hundreds of
 * times. Anything else in `PIN_COST` stops the start: a typo must not leave PINs cheap to guess.
 */
export function pinCostFromEnv(env: Record<string, string | undefined>): {
  cost: PinCost;
  isLowered: boolean;
} {
  const value = env.PIN_COST?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'standard') {
    return { cost: STANDARD_PIN_COST, isLowered: false };
  }
  if (value !== 'low') throw new Error('PIN_COST must be "standard" or "low"');
  if (env.NODE_ENV !== 'test' && env.BENCHMARK !== '1') {
    throw new Error('PIN_COST=low is for tests and benchmarks only (NODE_ENV=test or BENCHMARK=1)');
  }
  return { cost: LOW_PIN_COST, isLowered: true };
}
