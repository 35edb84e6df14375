/**
 * How the desk's work lists are grouped (by stage, by executor, by akimat) and whether only the
 * overdue and the due soon are shown live in the desk's address (`#/district?by=executor&urgent=1`),
 * so a reload — offline too — and Back from a case bring the person to the same lists, as the
 * journal keeps its filters. A choice replaces the address rather than adding to the history.
 */
import { useCallback, useEffect, useState } from 'react';

export type DeskGrouping = 'stage' | 'executor' | 'office';
export const DESK_GROUPINGS: readonly DeskGrouping[] = ['stage', 'executor', 'office'];

export interface DeskView {
  by: DeskGrouping;
  /** only the cases overdue or due soon */
  isUrgentOnly: boolean;
}

export const DEFAULT_VIEW: DeskView = { by: 'stage', isUrgentOnly: false };

/** The view in an address; anything unknown there counts as not set. */
export function parseDeskView(hash: string): DeskView {
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const by = params.get('by');
  return {
    by: DESK_GROUPINGS.includes(by as DeskGrouping) ? (by as DeskGrouping) : DEFAULT_VIEW.by,
    isUrgentOnly: params.get('urgent') === '1',
  };
}

export function deskHref(view: DeskView): string {
  const params = new URLSearchParams();
  if (view.by !== DEFAULT_VIEW.by) params.set('by', view.by);
  if (view.isUrgentOnly) params.set('urgent', '1');
  const text = params.toString();
  return text ? `#/district?${text}` : '#/district';
}

export function useDeskView(): [DeskView, (next: DeskView) => void] {
  const [view, setState] = useState(() => parseDeskView(window.location.hash));
  useEffect(() => {
    const onChange = () => setState(parseDeskView(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const setView = useCallback((next: DeskView) => {
    setState(next);
    window.history.replaceState(window.history.state, '', deskHref(next));
  }, []);
  return [view, setView];
}
