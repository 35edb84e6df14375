/**
 * The legend under a register's table: the table names each service by its number only, so a
 * whole register fits its page; the legend spells each number out once.
 */
import type { Localized } from '../../../domain/catalog/schema';
import type { PaperLang } from '../labels';

interface Props {
  serviceIds: readonly string[];
  lang: PaperLang;
  title: string;
  serviceName(id: string): Localized | undefined;
}

export function ServiceLegend({ serviceIds, lang, title, serviceName }: Props) {
  const ids = [...new Set(serviceIds)].sort();
  return (
    <section className="paper-legend" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <span className="nowrap">{id}</span> — {serviceName(id)?.[lang] ?? id}
          </li>
        ))}
      </ul>
    </section>
  );
}
