/**
 * The journal of registered applications (өтініштерді есепке алу журналы): every case on the
 * device, searchable by any part of its number, the IIN or a name, filtered by service, status,
 * registration period and overdue, sorted by any column, exported and printed as shown. The
 * search, filters and sort are in the address (params.ts), so a reload keeps them.
 *
 * The rows come from the journal's index in memory (src/db/journal.ts). Until it is loaded —
 * a few hundred milliseconds on a device with years of cases, once per page — the newest cases,
 * read by index at start-up, stand in for the unfiltered journal.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryOf, type JournalEntry } from '../../db/journal-entry';
import { DEFAULT_QUERY, isNarrowed, readJournal, type SortColumn } from '../../db/journal-query';
import { latestCases } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { useSession } from '../../state/session';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { useWithStartupRead } from '../app/startupReads';
import { useLang } from '../app/useLang';
import { JournalFilters } from './JournalFilters';
import { JournalTable } from './JournalTable';
import { JournalTools } from './JournalTools';
import { journalHref, useJournalQuery } from './params';
import { useDeadlineLens } from './useDeadlineLens';
import './journal.css';

const NO_ROWS: JournalEntry[] = [];

export function JournalScreen() {
  const { t } = useTranslation();
  const { db, startup } = useRuntime();
  const { lang } = useLang();
  const [query, setQuery] = useJournalQuery();
  // Typing stays quick: the rows follow the box a moment later when the device is busy.
  const shownQuery = useDeferredValue(query);
  const serviceName = useServiceName();
  const nameOf = useCallback((id: string) => serviceName?.(id)?.[lang] ?? id, [lang, serviceName]);

  // The overdue filter needs the deadlines; without it a new minute re-reads nothing. The
  // editions they are counted by come from the journal read without them.
  const [editions, setEditions] = useState<readonly string[]>();
  const lens = useDeadlineLens(editions);
  const overdueLens = shownQuery.isOverdueOnly ? lens : undefined;
  const isWaitingForDeadlines = shownQuery.isOverdueOnly && !lens;
  const options = useMemo(
    () => ({ serviceName: nameOf, ...(overdueLens ? { isOverdue: overdueLens.isOverdue } : {}) }),
    [nameOf, overdueLens],
  );
  // The newest cases while the index loads, for the journal as it opens.
  const isDefault =
    !isNarrowed(shownQuery) && shownQuery.sort === 'date' && shownQuery.isDescending;
  const [isIndexWanted, setIndexWanted] = useState(!isDefault);
  const liveView = useLive(
    async () => (isIndexWanted ? readJournal(db, shownQuery, options) : null),
    [isIndexWanted, shownQuery, options],
  );
  const view = liveView.data ?? undefined;
  const openEditions = view?.openEditions;
  useEffect(() => {
    if (openEditions) setEditions(openEditions);
  }, [openEditions]);
  const isViewReady = view !== undefined && !isWaitingForDeadlines;
  const latest = useWithStartupRead(
    startup.journal,
    useLive(async () => (isViewReady ? [] : latestCases(db)), [isViewReady]),
    isDefault,
  );
  const latestRows = useMemo(() => latest.data?.map(entryOf), [latest.data]);
  // Loading the index is a long task on a device with years of cases: the newest rows are
  // painted first, and the index is read once they are (at once for a narrowed journal).
  useEffect(() => {
    if (isIndexWanted || (isDefault && latestRows === undefined)) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setIndexWanted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [isIndexWanted, isDefault, latestRows]);

  const onSort = useCallback(
    (column: SortColumn) =>
      setQuery({
        ...query,
        sort: column,
        // A second press turns the order; a new column starts where people expect it: the
        // newest dates first, names and numbers from the start.
        isDescending: column === query.sort ? !query.isDescending : column === 'date',
      }),
    [query, setQuery],
  );

  const rows = isViewReady ? view.rows : isDefault ? latestRows : undefined;
  const total = isViewReady ? view.total : undefined;

  return (
    // `data-shown`: the address of the rows on screen, which lags the address while a change is
    // applied (for tests and for anyone debugging a slow device).
    <main className="journal-screen" data-shown={isViewReady ? journalHref(view.query) : undefined}>
      <h1>{t('journal.title')}</h1>
      {/* An empty journal shows only the way to its first case; nothing to filter or export. */}
      {(total !== 0 || isNarrowed(query)) && (
        <JournalFilters
          query={query}
          onChange={setQuery}
          serviceIds={view?.serviceIds ?? []}
          serviceName={serviceName}
          isPeriodReversed={view?.isPeriodReversed ?? false}
        />
      )}
      {liveView.status === 'error' && (
        <p className="error" role="alert">
          {t('journalView.readFailed')}
        </p>
      )}
      {isViewReady && total !== undefined && total > 0 && (
        <JournalTools
          rows={view.rows}
          total={total}
          query={shownQuery}
          isPeriodReversed={view.isPeriodReversed}
          serviceName={nameOf}
          colourOf={lens?.colourOf}
        />
      )}
      {!isViewReady && (
        <p className="hint" aria-busy="true">
          {rows ? t('journalView.latestOnly') : t('journalView.loading')}
        </p>
      )}
      {total === 0 && <EmptyJournal />}
      {total !== undefined && total > 0 && rows?.length === 0 && (
        <NothingFound
          onClear={
            isNarrowed(query)
              ? () =>
                  setQuery({ ...DEFAULT_QUERY, sort: query.sort, isDescending: query.isDescending })
              : undefined
          }
        />
      )}
      {rows && rows.length > 0 && (
        <>
          <p className="hint">{t('journalView.sortHint')}</p>
          <JournalTable
            rows={(serviceName && rows) || NO_ROWS}
            serviceName={serviceName}
            colourOf={lens?.colourOf}
            sort={shownQuery.sort}
            isDescending={shownQuery.isDescending}
            onSort={isViewReady ? onSort : undefined}
          />
        </>
      )}
    </main>
  );
}

/** The journal has no case at all: the way to the first one (the village registers them). */
function EmptyJournal() {
  const { t } = useTranslation();
  const officeKind = useSession((s) => s.credentials?.officeKind);
  if (officeKind === 'district')
    return <p className="journal-state">{t('journalView.emptyDistrict')}</p>;
  return (
    <div className="journal-state">
      <p>{t('journalView.empty')}</p>
      <a className="button" href={hrefOf({ name: 'intake' })}>
        {t('journalView.registerFirst')}
      </a>
    </div>
  );
}

/** Cases exist, but none matches: say so, and offer to clear what narrows them. */
function NothingFound({ onClear }: { onClear: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="journal-state">
      <p>{t('journalView.nothingFound')}</p>
      {onClear && (
        <button type="button" onClick={onClear}>
          {t('journalView.clear')}
        </button>
      )}
    </div>
  );
}
