/** The clock port: the server reads time only through it, so tests can step it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
