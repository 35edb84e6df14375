/**
 * A line to sign on: who (printed, or a blank for the name), the signature and the date, each
 * with its word under the blank, as Kazakh and Russian forms have it.
 */
import type { PaperLabels } from '../labels';

interface Props {
  role: string;
  /** the person's name when the paper knows it; a blank to write it on otherwise */
  name?: string;
  labels: PaperLabels;
}

export function SignatureLine({ role, name, labels }: Props) {
  return (
    <div className="signature-line">
      <span className="signature-role">{role}:</span>
      <span className="signature-blank">
        <span className="signature-value">{name ?? '\u00a0'}</span>
        <span className="signature-word">{labels.common.fullName}</span>
      </span>
      <span className="signature-blank">
        <span className="signature-value">{'\u00a0'}</span>
        <span className="signature-word">{labels.common.signature}</span>
      </span>
      <span className="signature-blank signature-date">
        <span className="signature-value">{'\u00a0'}</span>
        <span className="signature-word">{labels.common.date}</span>
      </span>
    </div>
  );
}
