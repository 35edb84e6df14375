/**
 * The result document of a service the village renders itself: 000-01 and 003-16 make the rural
 * akim the provider of a certificate confirming that the applicant (the family) belongs — or does
 * not belong — to the recipients of targeted social assistance (003-16: in the current quarter),
 * prepared by the specialist and signed by the akim in minutes. The certificate says which, for
 * whom, its number and date (the akim's signature), and has the akim's signature line.
 *
 * Neither regulation lists grounds to refuse this service (their catalog entries say
 * `not_stated`), and its only result is the certificate of belonging or not belonging: so the
 * akim's approval prints "belongs" and a refusal "does not belong". A case whose result the
 * district renders, or one the akim has not signed, gets a sentence saying so instead.
 */
import { casePaperOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { fullName } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';
import { VILLAGE_RESULTS } from './village';

export function ResultPaper({ request, place }: PaperProps) {
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
  if (!catalog) return null;
  const { caseRow: c, office, signed } = data.data;
  if (c.status === 'refused_at_intake') {
    return <PaperProblemView problem={{ code: 'paper-is-refusal', details: { id: request.id } }} />;
  }
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const channel = service?.channels[c.channel];
  // The village's own result: the akim signs it on the case's channel, and its wording is known.
  const isAkimSigned = channel?.steps.some((s) => s.stage === 'sign' && s.role === 'akim');
  const kind = VILLAGE_RESULTS[c.serviceId];
  if (!isAkimSigned || !kind) {
    return (
      <PaperProblemView
        problem={{ code: 'paper-not-village-result', details: { id: request.id } }}
      />
    );
  }
  if (!signed || !c.outcome) {
    return <PaperProblemView problem={{ code: 'paper-not-signed', details: { id: request.id } }} />;
  }
  const words = l.result.asp;
  const name = fullName(c.applicant);
  const signedDay = signed.at.slice(0, 10);
  const year = Number(signedDay.slice(0, 4));
  const quarter = Math.floor((Number(signedDay.slice(5, 7)) - 1) / 3) + 1;
  const signer = signed.by ? shortName(signed.by) : undefined;

  return (
    <Paper
      request={request}
      title={l.result.title}
      subtitle={service?.name[lang]}
      place={{ ...place, ...(office ? { office } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{l.result.number}</dt>
        <dd className="nowrap" data-testid="result-number">
          <strong>{c.regNumber}</strong>
        </dd>
        <dt>{l.result.issuedAt}</dt>
        <dd>{formatDateWords(signedDay, lang)}</dd>
      </dl>
      <p className="paper-statement" data-testid="result-statement">
        {c.outcome === 'approved'
          ? words.belongs(name, c.applicant.iin)
          : words.notBelongs(name, c.applicant.iin)}
      </p>
      {c.applicant.address && (
        <p>
          {words.address}: {c.applicant.address}
        </p>
      )}
      {kind.isQuarterly && <p>{words.quarter(quarter, year)}</p>}
      <p>{l.result.forPresentation}</p>
      <div className="signatures">
        <SignatureLine role={l.result.signer} {...(signer ? { name: signer } : {})} labels={l} />
        <p className="paper-stamp">{l.result.stamp}</p>
      </div>
    </Paper>
  );
}
