/**
 * The office's time for screens that colour deadlines, from the runtime's clock port (never the
 * browser's `Date` read inside a component): the local date-time to the minute, read again every
 * minute and whenever the person comes back to the tab, so a list left open overnight turns
 * yesterday's "due soon" into today's "overdue" without a reload.
 */
import { useEffect, useState } from 'react';
import type { LocalDateTime } from '../../domain/calendar/dates';
import { toLocalDateTime } from '../../domain/time';
import { useRuntime } from './runtime';

const MINUTE = 60_000;

export function useNow(): LocalDateTime {
  const { ports } = useRuntime();
  const [now, setNow] = useState(() => toLocalDateTime(ports.now()));
  useEffect(() => {
    const read = () => setNow(toLocalDateTime(ports.now()));
    const id = setInterval(read, MINUTE);
    const onVisible = () => {
      if (document.visibilityState === 'visible') read();
    };
    document.addEventListener('visibilitychange', onVisible);
    read();
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ports]);
  return now;
}
