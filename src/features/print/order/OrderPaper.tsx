/**
 * The akim's order to the precinct commission (тексеріс жүргізуге тапсырма): 004's rural-akim
 * channel has the akim instruct the commission to inspect the family's material situation and
 * give its act and conclusion (004 para 11(3)–(4), the assignment step of its tables). The
 * case, the applicant and where the family lives, what the commission is to do and in what term
 * (the catalog's inspection step), the note the akim added, when, and the akim's signature.
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
import { ApplicantText, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

export function OrderPaper({ request, place }: PaperProps) {
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
  const { caseRow: c, office, ordered } = data.data;
  if (!ordered || !c.commissionOrderedAt) {
    return (
      <PaperProblemView problem={{ code: 'paper-no-commission', details: { id: request.id } }} />
    );
  }
  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const inspection = service?.channels[c.channel]?.steps.find((s) => s.stage === 'inspection');
  const w = l.order.words;
  const signer = ordered.by ? shortName(ordered.by) : undefined;

  return (
    <Paper
      request={request}
      title={l.order.title}
      subtitle={l.order.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
    >
      <p>
        <strong>{l.order.addressee}</strong>
      </p>
      <dl className="paper-facts">
        <dt>{l.order.orderedAt}</dt>
        <dd>{formatDateWords(c.commissionOrderedAt, lang)}</dd>
        <dt>{l.order.number}</dt>
        <dd className="nowrap" data-testid="order-number">
          <strong>{c.regNumber}</strong>
        </dd>
        <dt>{l.order.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{l.order.applicant}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={w.iin} addressLabel={w.address} />
        </dd>
      </dl>
      <p>{l.order.text}</p>
      <dl className="paper-facts">
        <dt>{l.order.term}</dt>
        <dd>{inspection ? l.duration(inspection.duration.value, inspection.duration.unit) : ''}</dd>
        {ordered.payload.note && (
          <>
            <dt>{w.note}</dt>
            <dd>{ordered.payload.note}</dd>
          </>
        )}
      </dl>
      <div className="signatures">
        <SignatureLine role={l.order.orderedBy} {...(signer ? { name: signer } : {})} labels={l} />
      </div>
    </Paper>
  );
}
