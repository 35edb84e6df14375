/**
 * The deadline colours for the journal: the calendar, the catalog editions the open cases were
 * registered under, and the time from the clock port, read again each minute so a mark turns
 * red when its due passes while the journal is on screen.
 */
import { useEffect, useMemo, useState } from 'react';
import { officeHoursById } from '../../db/deadlines';
import { loadCalendar, loadCatalog } from '../../db/reference';
import { useLive } from '../../db/useLive';
import { toLocalDateTime } from '../../domain/time';
import { useRuntime } from '../app/runtime';
import { type DeadlineLens, deadlineLens } from './deadlines';

const MINUTE_MS = 60_000;

/** The local date-time now, to the minute, from the runtime's clock. */
export function useMinute(): string {
  const { now } = useRuntime();
  const [asOf, setAsOf] = useState(() => toLocalDateTime(now()));
  useEffect(() => {
    const id = setInterval(() => setAsOf(toLocalDateTime(now())), MINUTE_MS / 4);
    return () => clearInterval(id);
  }, [now]);
  return asOf;
}

/**
 * undefined until the calendar and the editions are loaded. Nothing is loaded before the
 * editions are known (the journal's index is read): the calendar's module builds every shipped
 * year as it loads, which would hold back the journal's first rows.
 */
export function useDeadlineLens(editions: readonly string[] | undefined): DeadlineLens | undefined {
  const { db } = useRuntime();
  const key = editions?.join('|');
  const calendar = useLive(
    async () => (key === undefined ? undefined : loadCalendar(db)),
    [key === undefined],
  ).data;
  const catalogs = useLive(async () => {
    if (key === undefined) return undefined;
    const versions = key === '' ? [] : key.split('|');
    return new Map(
      await Promise.all(versions.map(async (v) => [v, await loadCatalog(db, v)] as const)),
    );
  }, [key]).data;
  const hours = useLive(() => officeHoursById(db), []).data;
  const asOf = useMinute();
  return useMemo(
    () =>
      calendar && catalogs && hours ? deadlineLens(calendar, catalogs, asOf, hours) : undefined,
    [calendar, catalogs, asOf, hours],
  );
}
