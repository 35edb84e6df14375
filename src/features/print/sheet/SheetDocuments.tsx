/**
 * The documents a citizen brings, as the catalog lists them; where the regulation refers to the
 * national Standard and the district has not completed the list, the reference itself.
 */
import type { Service } from '../../../domain/catalog/schema';
import type { PaperLabels, PaperLang } from '../labels';

export function SheetDocuments({
  service,
  lang,
  labels,
}: {
  service: Service;
  lang: PaperLang;
  labels: PaperLabels;
}) {
  const { checklist } = service;
  const documents = checklist.documents ?? [];
  return (
    <>
      {checklist.kind === 'per_standard' && documents.length === 0 && (
        <p>
          {labels.sheet.words.perStandard}: {checklist.reference[lang]}
        </p>
      )}
      {documents.length > 0 && (
        <ol className="paper-documents">
          {documents.map((d) => (
            <li key={d.id}>
              {d.name[lang]}
              {d.isOptional && ` (${labels.sheet.words.optional})`}
              {d.condition && ` — ${d.condition[lang]}`}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
