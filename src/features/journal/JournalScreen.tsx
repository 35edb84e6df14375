/**
 * The journal of registered applications (өтініштерді есепке алу журналы): newest first,
 * searchable by IIN prefix, surname or registration number.
 *
 * Only the rows in and near the window are rendered (the page keeps its own scroll; spacer rows
 * stand for the others), so opening the journal costs the same on a device with years of cases
 * as on a new one, and a save elsewhere does not re-render hundreds of rows.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journal } from '../../db/queries';
import type { CaseRow } from '../../db/schema';
import { useLive } from '../../db/useLive';
import type { Localized } from '../../domain/catalog/schema';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { hrefOf } from '../app/router';
import { useRuntime } from '../app/runtime';
import { useServiceName } from '../app/serviceNames';
import { useWithStartupRead } from '../app/startupReads';
import { useLang } from '../app/useLang';

/** A row of one line; taller rows (a long service name) are measured as they render. */
const ROW_ESTIMATE_PX = 34;
/** Rows wait for the service names, so that no row shows without its service. */
const NO_ROWS: CaseRow[] = [];

export function JournalScreen() {
  const { t } = useTranslation();
  const { db, startup } = useRuntime();
  const [search, setSearch] = useState('');
  // The first page read at start-up is the journal without a search.
  const rows = useWithStartupRead(
    startup.journal,
    useLive(() => journal(db, search), [search]),
    search === '',
  );
  const serviceName = useServiceName();
  const shown = useShownRows(rows.data);

  return (
    <main>
      <h1>{t('journal.title')}</h1>
      <label className="search">
        {t('journal.search')}
        <input
          type="search"
          name="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {rows.status === 'ready' && rows.data.length === 0 && <p>{t('journal.empty')}</p>}
      {/* The table's head is laid out while the first page loads: the rows then come in one
          render, placed from the head's position, not in a second one once it is known. */}
      {(rows.status === 'loading' || (rows.status === 'ready' && rows.data.length > 0)) && (
        <JournalTable rows={(serviceName && shown) || NO_ROWS} serviceName={serviceName} />
      )}
    </main>
  );
}

/**
 * The rows as last shown while no row has changed. The journal's live query answers soon after
 * the page read at start-up, with the same rows; the table is not rendered again for them. A
 * case's row changes only with an event, which the row counts.
 */
function useShownRows(rows: CaseRow[] | undefined): CaseRow[] | undefined {
  const [shown, setShown] = useState(rows);
  if (rows === shown || (rows && shown && isSameRows(rows, shown))) return shown;
  setShown(rows);
  return rows;
}

function isSameRows(a: CaseRow[], b: CaseRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        row.id === other.id &&
        row.eventCount === other.eventCount &&
        row.updatedAt === other.updatedAt &&
        row.status === other.status
      );
    })
  );
}

const JournalTable = memo(function JournalTable({
  rows,
  serviceName,
}: {
  rows: CaseRow[];
  serviceName: ((id: string) => Localized | undefined) | undefined;
}) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const body = useRef<HTMLTableSectionElement>(null);
  const [offsetTop, setOffsetTop] = useState(0);
  useLayoutEffect(() => {
    if (body.current) setOffsetTop(body.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    scrollMargin: offsetTop,
    // Render the first screenful at once, before the window has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - offsetTop : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - offsetTop) : 0;

  return (
    <table aria-rowcount={rows.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          <th>{t('case.regNumber')}</th>
          <th>{t('case.registeredAt')}</th>
          <th>{t('case.applicant')}</th>
          <th>{t('case.service')}</th>
          <th>{t('case.resultDue')}</th>
          <th>{t('case.status')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {before > 0 && <Spacer height={before} />}
        {items.map((item) => {
          const c = rows[item.index];
          if (!c) return null;
          return (
            <tr
              key={c.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-rowindex={item.index + 2}
            >
              <td>
                <a href={hrefOf({ name: 'case', caseId: c.id })}>{c.regNumber}</a>
              </td>
              <td>{formatDateTimeKz(c.registeredAt)}</td>
              <td>
                {c.applicant.surname} {c.applicant.givenName}{' '}
                <span className="hint">{c.applicant.iin}</span>
              </td>
              <td>{loc(serviceName?.(c.serviceId))}</td>
              <td>{formatDateKz(c.resultDue)}</td>
              <td>{t(`status.${c.status}`)}</td>
            </tr>
          );
        })}
        {after > 0 && <Spacer height={after} />}
      </tbody>
    </table>
  );
});

/** Stands for rows not rendered, so the page scrolls as if they were there. */
function Spacer({ height }: { height: number }) {
  return (
    <tr>
      <td colSpan={6} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
