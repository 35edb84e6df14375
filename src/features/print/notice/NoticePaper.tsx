/**
 * The decision notice to the applicant: the district department tells the applicant what it
 * decided on the application — approval, or refusal with every ground in the regulation's
 * words (or the reason written at the district) and how to appeal — when it was signed, who
 * drafted it and who signed it, and where to collect the result (the akimat where the
 * application was made). Issued by the department, so headed with it; printed once the head
 * has signed. The village's own certificates (000-01, 003-16) are papers of their own.
 */
import { noticeOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { groundTexts } from '../handout/grounds';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { ApplicantText, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

export function NoticePaper({ request, place }: PaperProps) {
  const { lang } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const data = useLive(() => noticeOf(db, request.id), [request.id]);
  const catalog = useCatalog(data.data?.caseRow.catalogVersion ?? '');

  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready') return null;
  if (!data.data) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  const { caseRow: c, office, department, decided, signed } = data.data;
  if (c.status === 'refused_at_intake') {
    return <PaperProblemView problem={{ code: 'paper-is-refusal', details: { id: request.id } }} />;
  }
  if (!signed || !c.outcome) {
    return <PaperProblemView problem={{ code: 'paper-not-signed', details: { id: request.id } }} />;
  }
  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const n = l.notice;
  const grounds =
    c.outcome === 'refused'
      ? groundTexts(service, c.grounds, c.refusalReason, lang, n.words.other)
      : [];
  const signer = signed.by ? shortName(signed.by) : undefined;

  return (
    <Paper
      request={request}
      title={n.title}
      subtitle={n.subtitle}
      place={{ ...place, ...(department ? { office: department } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{n.to}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={n.words.iin} />
        </dd>
        <dt>{n.number}</dt>
        <dd className="nowrap" data-testid="notice-number">
          <strong>{c.regNumber}</strong>
        </dd>
        <dt>{n.registeredAt}</dt>
        <dd>{formatDateWords(c.registeredAt, lang)}</dd>
        <dt>{n.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{n.decision}</dt>
        <dd data-testid="notice-decision">
          <strong>{l.outcome[c.outcome]}</strong>
        </dd>
        <dt>{n.decidedAt}</dt>
        <dd>{formatDateWords(signed.at, lang)}</dd>
      </dl>
      <p className="paper-statement" data-testid="notice-statement">
        {c.outcome === 'approved' ? n.statement.approved : n.statement.refused}
      </p>
      {grounds.length > 0 && (
        <>
          <p>{n.words.grounds}:</p>
          <ul data-testid="notice-grounds">
            {grounds.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
          <p>{n.statement.appeal}</p>
        </>
      )}
      <dl className="paper-facts">
        <dt>{n.collect}</dt>
        <dd>
          {office ? (
            <>
              {office.name[lang]}, {office.address[lang]}
            </>
          ) : (
            c.officeId
          )}
        </dd>
        <dt>{n.executor}</dt>
        <dd>{decided?.by ? shortName(decided.by) : ''}</dd>
      </dl>
      <div className="signatures">
        <SignatureLine role={n.signer} {...(signer ? { name: signer } : {})} labels={l} />
        <p className="paper-stamp">{n.stamp}</p>
      </div>
    </Paper>
  );
}
