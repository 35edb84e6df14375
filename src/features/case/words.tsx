/**
 * Case data in words: refusal grounds by their regulation's text, documents by their
 * checklist names, a decision in full. The case screen, its actions and its history all say
 * these the same way.
 */
import { useTranslation } from 'react-i18next';
import type { Localized, Service } from '../../domain/catalog/schema';
import { useLang } from '../app/useLang';

type T = (key: string, options?: Record<string, unknown>) => string;
type Loc = (text: Localized | undefined) => string;

/** The regulation's listed refusal grounds, numbered as the regulation numbers them (1-based). */
export function listedGrounds(service: Service | undefined): { id: string; text: Localized }[] {
  if (service?.refusalGrounds.kind !== 'listed') return [];
  return service.refusalGrounds.items.map((item, i) => ({ id: String(i + 1), text: item.text }));
}

/** Each ground of a refusal as a line: "2. <the regulation's text>", "Other ground: <text>". */
export function groundLines(
  t: T,
  loc: Loc,
  service: Service | undefined,
  grounds: readonly string[] | undefined,
  reason: string | undefined,
): string[] {
  const listed = listedGrounds(service);
  const lines = (grounds ?? [])
    .filter((g) => g !== 'other')
    .map((g) => {
      const text = listed.find((l) => l.id === g)?.text;
      return text ? `${g}. ${loc(text)}` : t('decision.groundNumber', { n: g });
    });
  if (reason) {
    lines.push(
      grounds?.includes('other')
        ? t('decision.otherLine', { text: reason })
        : t('decision.reasonLine', { text: reason }),
    );
  }
  return lines;
}

export function documentName(service: Service | undefined, id: string, loc: Loc): string {
  const doc = service?.checklist.documents?.find((d) => d.id === id);
  return doc ? loc(doc.name) : id;
}

interface DecisionProps {
  outcome: 'approved' | 'refused' | undefined;
  grounds?: readonly string[] | undefined;
  reason?: string | undefined;
  service: Service | undefined;
}

/** A decision in full: its outcome and, for a refusal, every ground in the regulation's words. */
export function DecisionText({ outcome, grounds, reason, service }: DecisionProps) {
  const { t } = useTranslation();
  const { loc } = useLang();
  if (!outcome) return null;
  const lines = outcome === 'refused' ? groundLines(t, loc, service, grounds, reason) : [];
  return (
    <div className="decision-text" data-testid="decision-text">
      <strong>{t(`outcome.${outcome}`)}</strong>
      {lines.length > 0 && (
        <>
          <br />
          <span>{t('decision.groundsTitle')}</span>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
