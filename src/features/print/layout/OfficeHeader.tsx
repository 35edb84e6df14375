/** The head of a paper: the office that issues it, its address and its phone, labelled. */
import type { PaperPlace } from '../../../db/papers';
import type { PaperLabels, PaperLang } from '../labels';

interface Props {
  place: PaperPlace;
  lang: PaperLang;
  labels: PaperLabels;
}

export function OfficeHeader({ place, lang, labels }: Props) {
  const { office, district } = place;
  if (!office) return null;
  return (
    <header className="paper-office">
      <p className="paper-office-name">{office.name[lang]}</p>
      {district && <p>{district.name[lang]}</p>}
      <p>{office.address[lang]}</p>
      {office.phone && (
        <p>
          {labels.common.phone}: <span className="nowrap">{office.phone}</span>
        </p>
      )}
    </header>
  );
}
