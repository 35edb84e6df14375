/**
 * The journal's rows: every row reachable however many there are, with only those in and near
 * the window rendered (the page keeps its own scroll; spacer rows stand for the others), so
 * 50,000 rows cost what a screenful does. Each column head sorts by it, again in reverse; each
 * row carries its case's deadline mark.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../db/journal-entry';
import type { SortColumn } from '../../db/journal-query';
import type { DeadlineColour } from '../../domain/case/deadline';
import type { Localized } from '../../domain/catalog/schema';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';
import { hrefOf } from '../app/router';
import { useLang } from '../app/useLang';
import { DeadlineMark } from '../case/DeadlineMark';
import { SyncMark } from '../sync/SyncMark';

/** A row of one line; taller rows (a long service name) are measured as they render. */
const ROW_ESTIMATE_PX = 34;
const COLUMNS = 7;

interface Props {
  rows: readonly JournalEntry[];
  serviceName: ((id: string) => Localized | undefined) | undefined;
  colourOf: ((entry: JournalEntry) => DeadlineColour | undefined) | undefined;
  sort: SortColumn;
  isDescending: boolean;
  /** undefined while only the newest rows are shown: sorting waits for the whole journal */
  onSort: ((column: SortColumn) => void) | undefined;
}

export const JournalTable = memo(function JournalTable({
  rows,
  serviceName,
  colourOf,
  sort,
  isDescending,
  onSort,
}: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const body = useRef<HTMLTableSectionElement>(null);
  const [offsetTop, setOffsetTop] = useState(0);
  // Measured after every render: a message above the table (a wrong period) moves it down.
  useLayoutEffect(() => {
    if (!body.current) return;
    const top = body.current.getBoundingClientRect().top + window.scrollY;
    setOffsetTop((current) => (Math.abs(current - top) < 1 ? current : top));
  });
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

  const head = (column: SortColumn, label: string) => {
    const isSorted = column === sort;
    return (
      <th
        aria-sort={isSorted ? (isDescending ? 'descending' : 'ascending') : 'none'}
        data-column={column}
      >
        {onSort ? (
          <button type="button" className="sort" onClick={() => onSort(column)}>
            {label}
            <span aria-hidden="true" className="sort-arrow">
              {isSorted ? (isDescending ? ' ▼' : ' ▲') : ''}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <table className="journal" aria-rowcount={rows.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          <th>{t('journalView.deadline')}</th>
          {head('number', t('case.regNumber'))}
          {head('date', t('case.registeredAt'))}
          {head('applicant', t('case.applicant'))}
          {head('service', t('case.service'))}
          {head('due', t('case.resultDue'))}
          {head('status', t('case.status'))}
        </tr>
      </thead>
      <tbody ref={body}>
        {before > 0 && <Spacer height={before} />}
        {items.map((item) => {
          const e = rows[item.index];
          if (!e) return null;
          return (
            <tr
              key={e.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-rowindex={item.index + 2}
            >
              <td>
                <JournalMark colour={colourOf?.(e)} />
              </td>
              <td>
                <a href={hrefOf({ name: 'case', caseId: e.id })}>{e.regNumber}</a>
              </td>
              <td>{formatDateTimeKz(e.registeredAt)}</td>
              <td>
                {[e.surname, e.givenName, e.patronymic].filter(Boolean).join(' ')}{' '}
                <span className="hint">{e.iin}</span>
              </td>
              <td>{loc(serviceName?.(e.serviceId))}</td>
              {/* a refusal at the desk has no result to wait for */}
              <td>{e.status === 'refused_at_intake' ? '—' : formatDateKz(e.resultDue)}</td>
              <td>
                {t(`status.${e.status}`)} <SyncMark caseId={e.id} />
              </td>
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
      <td colSpan={COLUMNS} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** The work lists' mark, where the journal has counted the row's colour. */
function JournalMark({ colour }: { colour: DeadlineColour | undefined }) {
  return colour ? <DeadlineMark deadline={{ colour }} /> : null;
}
