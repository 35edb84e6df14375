/**
 * The register of a results batch: the signed results the district department sends back to
 * one akimat in one action travel with this paper, as files travel up with the transfer
 * register. Cases in registration-number order with the applicant, the service by its number
 * (named once below the table), the decision and the day it was signed; totals; lines for the
 * one who hands the results over and the one at the akimat who receives them.
 */
import { resultRegisterOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useServiceName } from '../../app/serviceNames';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { type PaperColumn, PaperTable } from '../layout/PaperTable';
import { fullName } from '../layout/people';
import { ServiceLegend } from '../layout/ServiceLegend';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

type Column = 'n' | 'regNumber' | 'applicant' | 'service' | 'outcome' | 'signedAt';

export function ResultsRegisterPaper({ request, place }: PaperProps) {
  const { lang, size } = request;
  const l = PAPER_LABELS[lang];
  const r = l.results;
  const { db } = useRuntime();
  const data = useLive(() => resultRegisterOf(db, request.id), [request.id]);
  const serviceName = useServiceName();

  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready' || !serviceName) return null;
  const batch = data.data;
  if (!batch) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  const c = r.columns;
  const columns: PaperColumn<Column>[] = [
    { key: 'n', label: c.n, width: '7mm' },
    { key: 'regNumber', label: c.regNumber, isNowrap: true, width: '28mm' },
    { key: 'applicant', label: c.applicant },
    { key: 'service', label: c.service, isNowrap: true, width: '14mm' },
    { key: 'outcome', label: c.outcome, width: '24mm' },
    { key: 'signedAt', label: c.signedAt, width: '25mm' },
  ];
  const rows = batch.cases.map(({ caseRow: row, signedAt }, i) => ({
    key: row.id,
    cells: {
      n: i + 1,
      regNumber: row.regNumber,
      applicant: (
        <>
          {fullName(row.applicant)}, <span className="nowrap">{row.applicant.iin}</span>
        </>
      ),
      service: row.serviceId,
      outcome: row.outcome ? l.outcome[row.outcome] : '',
      signedAt: signedAt ? formatDateWords(signedAt, lang) : '',
    },
  }));

  return (
    <Paper
      request={request}
      title={r.title}
      place={{ ...place, ...(batch.from ? { office: batch.from } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{r.number}</dt>
        <dd className="nowrap" data-testid="results-number">
          <strong>{batch.batchNumber}</strong>
        </dd>
        <dt>{r.sentAt}</dt>
        <dd>{batch.sentAt ? formatDateTimeWords(batch.sentAt, lang) : ''}</dd>
        <dt>{r.from}</dt>
        <dd>{batch.from?.name[lang]}</dd>
        <dt>{r.to}</dt>
        <dd>{batch.to?.name[lang]}</dd>
      </dl>
      <PaperTable size={size} columns={columns} rows={rows} label={r.title} />
      <p className="paper-total">
        <strong>{r.total(batch.cases.length)}</strong>
      </p>
      <ServiceLegend
        serviceIds={batch.cases.map((x) => x.caseRow.serviceId)}
        lang={lang}
        title={l.register.services}
        serviceName={serviceName}
      />
      <div className="signatures">
        <SignatureLine
          role={r.handedOver}
          {...(batch.sentBy ? { name: shortName(batch.sentBy) } : {})}
          labels={l}
        />
        <SignatureLine role={r.received} labels={l} />
      </div>
    </Paper>
  );
}
