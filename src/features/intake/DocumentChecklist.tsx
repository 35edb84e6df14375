/**
 * The service's document checklist, one row per document with a choice of how it was presented:
 * the original, a copy, missing, or out of date (the Law on state services has the desk refuse
 * a package with a document out of date as it refuses an incomplete one). Optional documents and
 * those required of some applicants only are marked. Until someone chooses, a row is unchecked
 * and counts as not presented.
 *
 * Where the regulation only refers to the national Standard and the seeds hold no list, the
 * screen says so instead of showing an invented one.
 */
import { useTranslation } from 'react-i18next';
import type { Service } from '../../domain/catalog/schema';
import type { DocumentState } from '../../state/drafts';
import { useLang } from '../app/useLang';

const CHOICES = ['original', 'copy', 'missing', 'expired'] as const;

interface Props {
  service: Service;
  documents: Record<string, DocumentState>;
  onChange(documents: Record<string, DocumentState>): void;
  problem?: string | undefined;
}

export function DocumentChecklist({ service, documents, onChange, problem }: Props) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { checklist } = service;
  const list = checklist.documents ?? [];
  // Optional and conditional documents are left to the person: marking them presented in one
  // go would record papers the applicant may not have brought.
  const mandatory = list.filter((d) => !d.isOptional && !d.condition);
  return (
    <fieldset
      id="intake-documents"
      className="checklist"
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? 'intake-documents-error' : undefined}
    >
      <legend>{t('intake.documents')}</legend>
      {checklist.kind === 'per_standard' && (
        <p className="hint">{t('intake.perStandard', { reference: loc(checklist.reference) })}</p>
      )}
      {list.length > 0 && (
        <>
          <p className="hint">{t('intake.documentsHint')}</p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              onChange({
                ...documents,
                ...Object.fromEntries(mandatory.map((d) => [d.id, 'original' as const])),
              })
            }
          >
            {t('intake.allOriginals')}
          </button>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('intake.document')}</th>
                <th scope="col" className="choices-head">
                  <span className="visually-hidden">{t('intake.documentsHint')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => {
                const state = documents[d.id] ?? '';
                // A required paper not presented, or any out of date: where a rejected save
                // sends the focus.
                const needsAttention =
                  state === 'expired' ||
                  (!d.isOptional && !d.condition && (state === '' || state === 'missing'));
                return (
                  <tr
                    key={d.id}
                    className={state ? `doc-${state}` : 'doc-unchecked'}
                    data-attention={needsAttention || undefined}
                  >
                    <th scope="row" id={`doc-${d.id}-name`}>
                      {loc(d.name)}
                      {d.isOptional && <span className="tag">{t('intake.optional')}</span>}
                      {d.condition && (
                        <span className="tag">
                          {t('intake.conditional', { condition: loc(d.condition) })}
                        </span>
                      )}
                    </th>
                    <td>
                      <div
                        role="radiogroup"
                        aria-labelledby={`doc-${d.id}-name`}
                        className="doc-choices"
                      >
                        {CHOICES.map((choice) => (
                          <label key={choice} className={`choice choice-${choice}`}>
                            <input
                              type="radio"
                              name={`doc-${d.id}`}
                              value={choice}
                              checked={state === choice}
                              onChange={() => onChange({ ...documents, [d.id]: choice })}
                            />
                            {t(`intake.${choice}`)}
                          </label>
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {problem && (
        <p id="intake-documents-error" className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
