/**
 * The journal's search, filters and sort live in its address (`#/journal?q=…&status=…`), so a
 * reload — offline too — and the browser's Back button from a case bring the person back to
 * the same rows. Typing replaces the address rather than adding to the history, so Back leaves
 * the journal instead of undoing a letter; the Journal link in the menu opens it unfiltered.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_QUERY,
  type JournalQuery,
  SORT_COLUMNS,
  type SortColumn,
} from '../../db/journal-query';
import { STATUS_GROUPS, type StatusGroup } from '../../domain/case/status-group';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query in an address; anything unknown or malformed there counts as not set. */
export function parseJournalQuery(hash: string): JournalQuery {
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const date = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : null;
  };
  const group = params.get('status');
  const sort = params.get('sort');
  return {
    search: params.get('q') ?? '',
    serviceId: params.get('service') || null,
    group: STATUS_GROUPS.includes(group as StatusGroup) ? (group as StatusGroup) : null,
    from: date('from'),
    to: date('to'),
    isOverdueOnly: params.get('overdue') === '1',
    sort: SORT_COLUMNS.includes(sort as SortColumn) ? (sort as SortColumn) : DEFAULT_QUERY.sort,
    isDescending:
      params.get('order') === 'asc'
        ? false
        : params.get('order') === 'desc'
          ? true
          : DEFAULT_QUERY.isDescending,
  };
}

/** The journal's address for a query; what is at its default is left out. */
export function journalHref(query: JournalQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.serviceId) params.set('service', query.serviceId);
  if (query.group) params.set('status', query.group);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.isOverdueOnly) params.set('overdue', '1');
  if (query.sort !== DEFAULT_QUERY.sort || query.isDescending !== DEFAULT_QUERY.isDescending) {
    params.set('sort', query.sort);
    params.set('order', query.isDescending ? 'desc' : 'asc');
  }
  const text = params.toString();
  return text ? `#/journal?${text}` : '#/journal';
}

/** The query of the current address, and a setter that writes it there. */
export function useJournalQuery(): [JournalQuery, (next: JournalQuery) => void] {
  const [query, setState] = useState(() => parseJournalQuery(window.location.hash));
  useEffect(() => {
    const onChange = () => setState(parseJournalQuery(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const setQuery = useCallback((next: JournalQuery) => {
    setState(next);
    window.history.replaceState(window.history.state, '', journalHref(next));
  }, []);
  return [query, setQuery];
}
