/**
 * Who collects a result at a desk of the demo (an akimat's, or the district department's own):
 * the applicant, or — as the case's choice says, or when a representative applied — someone
 * with the applicant's power of attorney.
 */
import type { IsoDate } from '../../src/domain/calendar';
import type { DemoCase } from './ledger';
import type { DemoWorld } from './world';

export type Collector =
  | { to: 'applicant' }
  | { to: 'representative'; name: string; powerOfAttorney: string };

export function collectorOf(world: DemoWorld, c: DemoCase, day: IsoDate): Collector {
  const isRepresented = c.representative !== undefined || world.fates.choose(c, 'toRepresentative');
  if (!isRepresented) return { to: 'applicant' };
  const r = c.representative ?? world.citizens.representative(c.applicant, day);
  return {
    to: 'representative',
    name: `${r.surname} ${r.givenName}${r.patronymic ? ` ${r.patronymic}` : ''}`,
    powerOfAttorney: `№ ${r.powerOfAttorney.number}, ${r.powerOfAttorney.date}, ${r.powerOfAttorney.issuer}`,
  };
}
