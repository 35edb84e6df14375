/**
 * The report's period and filters live in its address (`#/reports?from=…&to=…&office=…&service=…`),
 * so a reload (offline too) shows the same report and a report can be handed on as a link.
 * Without dates it covers this month up to today.
 */
import { useCallback, useEffect, useState } from 'react';
import { monthToDate } from '../../domain/report/period';

export interface ReportParams {
  /** as typed: checked by the domain before anything is counted */
  from: string;
  to: string;
  office: string | null;
  service: string | null;
}

export function parseReportParams(hash: string, today: string): ReportParams {
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const month = monthToDate(today);
  return {
    from: params.get('from') || month.from,
    to: params.get('to') || month.to,
    office: params.get('office') || null,
    service: params.get('service') || null,
  };
}

export function reportHref(params: ReportParams): string {
  const search = new URLSearchParams({ from: params.from, to: params.to });
  if (params.office) search.set('office', params.office);
  if (params.service) search.set('service', params.service);
  return `#/reports?${search.toString()}`;
}

/** The params in the address, and a setter that replaces the address (no history entry per change). */
export function useReportParams(today: string): [ReportParams, (next: ReportParams) => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const set = useCallback((next: ReportParams) => {
    const href = reportHref(next);
    window.history.replaceState(null, '', href);
    setHash(href);
  }, []);
  return [parseReportParams(hash, today), set];
}
