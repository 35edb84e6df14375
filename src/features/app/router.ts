/**
 * A small hash router: the screen lives in the URL, so a reload (offline too) returns the
 * person to the same screen, and the print view has its own address. A screen may keep its own
 * state after `?` (`#/journal?q=…`), which a reload keeps too.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'journal' }
  | { name: 'intake' }
  | { name: 'case'; caseId: string }
  | { name: 'talon'; caseId: string }
  | { name: 'transfer' }
  | { name: 'register'; batchId: string }
  | { name: 'results' }
  | { name: 'district' }
  | { name: 'catalog' }
  | { name: 'sync' }
  | { name: 'admin' };

export function parseRoute(hash: string): Route | null {
  // What follows `?` is the screen's own (the journal's search and filters): not the route's.
  const address = hash.replace(/^#\/?/, '');
  const queryAt = address.indexOf('?');
  const [name, id] = (queryAt < 0 ? address : address.slice(0, queryAt)).split('/');
  switch (name) {
    case 'journal':
    case 'intake':
    case 'transfer':
    case 'results':
    case 'district':
    case 'catalog':
    case 'sync':
    case 'admin':
      return { name };
    case 'case':
    case 'talon':
      return id ? { name, caseId: id } : null;
    case 'register':
      return id ? { name, batchId: id } : null;
    default:
      return null;
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'case':
    case 'talon':
      return `#/${route.name}/${route.caseId}`;
    case 'register':
      return `#/register/${route.batchId}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route | null {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
