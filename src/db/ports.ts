/**
 * The device's small ports: clock and ids. Commands and the sync client receive them, so tests
 * step the clock and make predictable ids.
 */
import { v7 as uuidv7 } from 'uuid';

export interface Ports {
  now(): Date;
  newId(): string;
}

export const browserPorts: Ports = {
  now: () => new Date(),
  newId: () => uuidv7(),
};
