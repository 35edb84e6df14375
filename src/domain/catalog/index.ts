/**
 * The service catalog as shipped with this version of Qabyldau: every service regulation of
 * the seed acts. A case records `CATALOG_VERSION` when it is registered, so a later edition of
 * the catalog never changes the rules an existing case was accepted under.
 */
import { act000, services000 } from './acts/act000';
import { act001, services001 } from './acts/act001';
import { act002, services002 } from './acts/act002';
import { act003, services003a } from './acts/act003';
import { services003b } from './acts/act003b';
import { act004, services004 } from './acts/act004';
import type { Act, Service } from './schema';

export const CATALOG_VERSION = '2026.1';

export interface Catalog {
  version: string;
  acts: Act[];
  services: Service[];
}

export const CATALOG: Catalog = {
  version: CATALOG_VERSION,
  acts: [act000, act001, act002, act003, act004],
  services: [
    ...services000,
    ...services001,
    ...services002,
    ...services003a,
    ...services003b,
    ...services004,
  ],
};

const byId = new Map(CATALOG.services.map((s) => [s.id, s]));

export function findService(id: string): Service | undefined {
  return byId.get(id);
}

export function findAct(id: string): Act | undefined {
  return CATALOG.acts.find((a) => a.id === id);
}

export { servicesFor } from './select';
