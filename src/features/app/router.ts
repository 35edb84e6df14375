/**
 * A small hash router: the screen lives in the URL, so a reload (offline too) returns the
 * person to the same screen, and each paper has its own address. Papers are one route,
 * `#/print/<paper>/<id>?<params>`, whose address the print view reads (`print/route.ts`): a new
 * paper needs nothing here, and this file is part of the start-up script. Another screen may keep
 * its own state after `?` (`#/journal?q=…`), which a reload keeps too.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'today' }
  | { name: 'journal' }
  | { name: 'intake' }
  | { name: 'case'; caseId: string }
  | { name: 'transfer' }
  | { name: 'results' }
  | { name: 'district' }
  | { name: 'reports' }
  | { name: 'catalog' }
  | { name: 'sync' }
  | { name: 'admin' }
  /** the citizen's status question, answered from the device */
  | { name: 'status' }
  /** `address`: what follows `#/print/`, e.g. `talon/01-26-01-0001?lang=ru` */
  | { name: 'print'; address: string };

export function parseRoute(hash: string): Route | null {
  // What follows `?` is the screen's own (the journal's search and filters): not the route's.
  const address = hash.replace(/^#\/?/, '');
  const queryAt = address.indexOf('?');
  const [name, id] = (queryAt < 0 ? address : address.slice(0, queryAt)).split('/');
  switch (name) {
    case 'today':
    case 'journal':
    case 'intake':
    case 'transfer':
    case 'results':
    case 'district':
    case 'reports':
    case 'catalog':
    case 'sync':
    case 'admin':
    case 'status':
      return { name };
    case 'case':
      return id ? { name, caseId: id } : null;
    case 'print':
      return { name, address: hash.replace(/^#\/?print\/?/, '') };
    default:
      return null;
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/case/${route.caseId}`;
    case 'print':
      return `#/print/${route.address}`;
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
