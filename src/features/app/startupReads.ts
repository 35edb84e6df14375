/**
 * Reads started as the app starts — before React's first render, while the database opens —
 * rather than once the screens that need them have mounted: the device's credentials, and
 * either the journal's first page with the service names it shows, or, on any other screen, the
 * current catalog (the journal does not wait for every regulation's text). A screen shows such
 * a read's answer until its own live query answers; from then on, in that screen and in any
 * later one, only the live query counts, so nothing shown can go stale.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Credentials } from '../../db/meta';
import { getMeta } from '../../db/meta';
import { latestCases } from '../../db/queries';
import { loadCatalog } from '../../db/reference';
import type { CaseRow, QabyldauDb } from '../../db/schema';
import type { Live } from '../../db/useLive';
import type { Catalog } from '../../domain/catalog';
import { loadServiceNames } from './serviceNames';

export class StartupRead<T> {
  private answer: { data: T } | undefined;
  private isSpent = false;
  private readonly listeners = new Set<() => void>();

  constructor(read: Promise<T>) {
    // A failure shows where the screen reads the same data live.
    read.then(
      (data) => {
        this.answer = { data };
        for (const listener of this.listeners) listener();
      },
      () => {},
    );
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = () => (this.isSpent ? undefined : this.answer);

  spend(): void {
    this.isSpent = true;
    this.answer = undefined;
  }
}

export interface StartupReads {
  credentials: StartupRead<Credentials | undefined>;
  /** only when the app opens on another screen than the journal */
  catalog: StartupRead<Catalog> | null;
  /** only when the app opens on the journal: its newest cases */
  journal: StartupRead<CaseRow[]> | null;
}

export function startReads(db: QabyldauDb, opensOnJournal: boolean): StartupReads {
  if (opensOnJournal) loadServiceNames();
  return {
    credentials: new StartupRead(getMeta(db, 'credentials')),
    catalog: opensOnJournal ? null : new StartupRead(loadCatalog(db)),
    journal: opensOnJournal ? new StartupRead(latestCases(db)) : null,
  };
}

const noRead = new StartupRead<never>(new Promise(() => {}));

/**
 * `live`, or while it is still loading the start-up read's answer. `applies` says the read
 * answers the same question as the live query (the journal without a search); once it does not,
 * or the live query has answered, or the screen goes away, the read is spent.
 */
export function useWithStartupRead<T>(
  read: StartupRead<T> | null,
  live: Live<T>,
  applies = true,
): Live<T> {
  const source = read ?? (noRead as StartupRead<T>);
  const answer = useSyncExternalStore(source.subscribe, source.current);
  const isOver = live.status !== 'loading' || !applies;
  useEffect(() => {
    if (isOver) source.spend();
  }, [isOver, source]);
  useEffect(() => () => source.spend(), [source]);
  if (isOver || !answer) return live;
  return { status: 'ready', data: answer.data, error: undefined };
}
