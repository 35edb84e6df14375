/**
 * The device's small ports: clock and ids. Commands and the sync client receive them, so tests
 * step the clock and make predictable ids.
 */
import { v7 as uuidv7 } from 'uuid';
import { type Clock, systemClock } from './clock';

export interface Ports extends Clock {
  newId(): string;
}

export const browserPorts: Ports = {
  now: systemClock.now,
  newId: () => uuidv7(),
};
