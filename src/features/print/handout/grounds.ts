/**
 * A refusal's grounds as a paper prints them, in the paper's language: each listed ground by its
 * number and the regulation's text, "other" with the reason written at the district, or the
 * reason alone where the regulation lists no grounds. The interface's `groundLines` says the
 * same in the interface's language; a paper may not use its dictionaries.
 */
import type { Service } from '../../../domain/catalog/schema';
import type { PaperLang } from '../../../domain/paper-dates';

export function groundTexts(
  service: Service | undefined,
  grounds: readonly string[] | undefined,
  reason: string | undefined,
  lang: PaperLang,
  otherLabel: string,
): string[] {
  const listed = service?.refusalGrounds.kind === 'listed' ? service.refusalGrounds.items : [];
  const lines = (grounds ?? [])
    .filter((g) => g !== 'other')
    .map((g) => {
      const text = listed[Number(g) - 1]?.text[lang];
      return text ? `${g}. ${text}` : g;
    });
  if (reason) lines.push(grounds?.includes('other') ? `${otherLabel}: ${reason}` : reason);
  return lines;
}
