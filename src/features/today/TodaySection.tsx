/**
 * One section of the Today screen: a heading with its count, the rows, or a sentence saying
 * there is nothing of this kind (never an empty box).
 */
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  count: number;
  /** what the section says when it has no rows */
  empty: string;
  children: ReactNode;
  /** a link under the rows (the transfer screen, …) */
  footer?: ReactNode;
}

export function TodaySection({ id, title, count, empty, children, footer }: Props) {
  const headingId = `today-${id}-title`;
  return (
    <section className="today-section" aria-labelledby={headingId} data-testid={`today-${id}`}>
      <h2 id={headingId} className="today-heading">
        {title} <span data-testid="today-count">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <>
          <ul className="plain">{children}</ul>
          {footer}
        </>
      )}
    </section>
  );
}
