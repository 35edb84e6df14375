/**
 * The executor's draft decision as the sector head and the head read it before the visa and
 * the signature: the outcome, every refusal ground in the regulation's words, who drafted it
 * and when, and the sector head's visa if given.
 */
import { useTranslation } from 'react-i18next';
import { caseHistory, draftAndVisa } from '../../../db/queries';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateTimeKz } from '../../../domain/time';
import { useRuntime } from '../../app/runtime';
import { DecisionText } from '../words';
import type { ActionProps } from './types';

export function DraftDecision({ caseRow, service }: Omit<ActionProps, 'process'>) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const authors = useLive(async () => {
    const { drafted, visa } = draftAndVisa(await caseHistory(db, caseRow.id));
    const [drafter, endorser] = await db.people.bulkGet([
      drafted?.staffId ?? '',
      visa?.staffId ?? '',
    ]);
    return { drafted, drafter, visa, endorser };
  }, [caseRow.id, caseRow.eventCount]);
  const a = authors.data;

  return (
    <div className="draft" data-testid="draft-decision">
      <h4>{t('draft.title')}</h4>
      <DecisionText
        outcome={caseRow.outcome}
        grounds={caseRow.grounds}
        reason={caseRow.refusalReason}
        service={service}
      />
      {a?.drafted && (
        <p className="hint">
          {t('draft.by', {
            person: a.drafter ? shortName(a.drafter) : a.drafted.staffId,
            at: formatDateTimeKz(a.drafted.deviceTime.slice(0, 16)),
          })}
        </p>
      )}
      {a?.visa && (
        <p className="hint">
          {t('draft.visa', {
            person: a.endorser ? shortName(a.endorser) : a.visa.staffId,
            at: formatDateTimeKz(a.visa.deviceTime.slice(0, 16)),
          })}
          {a.visa.type === 'case.endorsed' && a.visa.payload.comment
            ? ` — ${a.visa.payload.comment}`
            : ''}
        </p>
      )}
    </div>
  );
}
