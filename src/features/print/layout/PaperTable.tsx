/**
 * A paper's table: columns on A4; on the 80 mm roll, where no table of more than two columns is
 * readable, each row becomes a small block with its first cell as a heading and the others
 * labelled one under the other — the same data, wrapped to the roll.
 */
import type { ReactNode } from 'react';
import type { PaperSize } from '../route';

export interface PaperColumn<K extends string> {
  key: K;
  label: string;
  /** never wrapped (registration numbers, IINs, dates in figures) */
  isNowrap?: boolean;
  /** width on A4, e.g. `30mm`; the rest share what is left */
  width?: string;
}

export interface PaperRow<K extends string> {
  key: string;
  cells: Record<K, ReactNode>;
}

interface Props<K extends string> {
  size: PaperSize;
  columns: readonly PaperColumn<K>[];
  rows: readonly PaperRow<K>[];
  /** the table's name, for people who hear the paper before it is printed */
  label: string;
}

export function PaperTable<K extends string>({ size, columns, rows, label }: Props<K>) {
  if (size === '80mm') {
    const [first, ...rest] = columns;
    if (!first) return null;
    return (
      <ul className="paper-rows" aria-label={label}>
        {rows.map((row) => (
          <li className="paper-row" key={row.key}>
            <p className="paper-row-head">
              {first.label} {row.cells[first.key]}
            </p>
            <dl>
              {rest.map((column) => (
                <div key={column.key}>
                  <dt>{column.label}</dt>
                  <dd className={column.isNowrap ? 'nowrap' : undefined}>
                    {row.cells[column.key]}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="paper-table" aria-label={label}>
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={column.width ? { width: column.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {columns.map((column) => (
              <td key={column.key} className={column.isNowrap ? 'nowrap' : undefined}>
                {row.cells[column.key]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
