/**
 * The device's clock port: what time it is for the office. Screens read it through the runtime
 * (`useNow`), commands through their ports, so tests step it — and a browser test that moves the
 * page's clock moves every deadline colour with it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
