/**
 * The hours of an office as the device holds them — a case's own office, whichever device shows
 * it — live, so a change the administrator makes shows after the next sync. Apart from
 * `useReference.ts`, which the intake screen (part of the start-up script) imports.
 */
import { officeHours } from '../../db/deadlines';
import { useLive } from '../../db/useLive';
import type { OfficeHours } from '../../domain/hours';
import { useRuntime } from './runtime';

export function useOfficeHours(officeId: string): OfficeHours | undefined {
  const { db } = useRuntime();
  return useLive(() => officeHours(db, officeId), [officeId]).data;
}
