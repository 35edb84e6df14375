/** The clock port: the server reads time only through it, so tests can step it. */
export interface Clock {
  now(): Date;
  /**
   * Milliseconds on a clock that only moves forward, for spans (the request limits' refills):
   * the wall clock may be set back. The process's own (`performance.now`) when absent.
   */
  elapsedMs?(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  elapsedMs: () => performance.now(),
};

/** The clock's forward-only milliseconds, or the process's when it has none. */
export function elapsedOf(clock: Clock): () => number {
  return () => clock.elapsedMs?.() ?? performance.now();
}
