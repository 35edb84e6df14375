/**
 * The hand-out receipt: the service's result given to the applicant in person or to a
 * representative by a power of attorney — what was handed out (the decision, and a refusal's
 * grounds in the regulation's words), to whom, when and by whom (read from the hand-out's
 * event), with lines to sign for the one who hands the result out and the one who takes it.
 * The office keeps it in the case's file as proof the citizen received the result.
 */
import { casePaperOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { ApplicantText, fullName, RepresentativeText, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';
import { groundTexts } from './grounds';

export function HandoutPaper({ request, place }: PaperProps) {
  const { lang } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const data = useLive(() => casePaperOf(db, request.id), [request.id]);
  const catalog = useCatalog(data.data?.caseRow.catalogVersion ?? '');

  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready') return null;
  if (!data.data) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  const { caseRow: c, office, handedOut } = data.data;
  if (c.status === 'refused_at_intake') {
    return <PaperProblemView problem={{ code: 'paper-is-refusal', details: { id: request.id } }} />;
  }
  if (c.status !== 'closed' || !handedOut) {
    return (
      <PaperProblemView problem={{ code: 'paper-not-handed-out', details: { id: request.id } }} />
    );
  }
  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const w = l.handout.words;
  const grounds =
    c.outcome === 'refused' ? groundTexts(service, c.grounds, c.refusalReason, lang, w.other) : [];
  const { payload } = handedOut;
  const representative = payload.to === 'representative' ? payload.representative : undefined;
  // The representative who applied is printed with the power of attorney's particulars in
  // full (its date in words) when the result went to that same person by that same power of
  // attorney; anyone else as the hand-out recorded them.
  const applied = c.representative;
  const isTheOneWhoApplied =
    representative !== undefined &&
    applied !== undefined &&
    representative.name.replace(/\s+/g, ' ').trim() === fullName(applied) &&
    representative.powerOfAttorney.includes(applied.powerOfAttorney.number);
  const recipientName = representative ? representative.name : fullName(c.applicant);

  return (
    <Paper
      request={request}
      title={l.handout.title}
      subtitle={l.handout.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{l.handout.number}</dt>
        <dd className="big nowrap" data-testid="handout-number">
          {c.regNumber}
        </dd>
        <dt>{l.handout.registeredAt}</dt>
        <dd>{formatDateWords(c.registeredAt, lang)}</dd>
        <dt>{l.handout.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{l.handout.applicant}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={w.iin} />
        </dd>
        <dt>{l.handout.result}</dt>
        <dd data-testid="handout-result">
          <strong>{c.outcome ? l.outcome[c.outcome] : ''}</strong>
          {grounds.length > 0 && (
            <>
              <br />
              {w.grounds}:
              <ul>
                {grounds.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </>
          )}
        </dd>
        <dt>{l.handout.handedOutAt}</dt>
        <dd>{formatDateTimeWords(handedOut.at, lang)}</dd>
        <dt>{l.handout.recipient}</dt>
        <dd data-testid="handout-recipient">
          {!representative && (
            <>
              {fullName(c.applicant)} ({w.applicantHimself})
            </>
          )}
          {representative && isTheOneWhoApplied && applied && (
            <>
              {w.representative}:{' '}
              <RepresentativeText
                representative={applied}
                iinLabel={w.iin}
                lang={lang}
                labels={l}
              />
            </>
          )}
          {representative && !isTheOneWhoApplied && (
            <>
              {w.representative}: <strong>{representative.name}</strong>; {w.powerOfAttorney}{' '}
              {representative.powerOfAttorney}
            </>
          )}
        </dd>
        <dt>{l.handout.handedOutBy}</dt>
        <dd>{handedOut.by ? shortName(handedOut.by) : ''}</dd>
      </dl>
      <div className="signatures">
        <SignatureLine
          role={l.handout.handedOutBy}
          {...(handedOut.by ? { name: shortName(handedOut.by) } : {})}
          labels={l}
        />
        <SignatureLine role={l.handout.received} name={recipientName} labels={l} />
      </div>
    </Paper>
  );
}
