/**
 * The transfer register (тізілім) of a batch: it travels with the files to the district, where
 * the executor checks each file against it and confirms receipt in the app. Cases in
 * registration-number order, one line each on A4 (the service by its number, named once below
 * the table), so a batch of 15 and more fits one page; totals; lines for the one who hands the
 * files over and the one who receives them. On the 80 mm roll the same, each case a block.
 */
import { registerOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useServiceName } from '../../app/serviceNames';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { type PaperColumn, PaperTable } from '../layout/PaperTable';
import { ServiceLegend } from '../layout/ServiceLegend';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

type Column =
  | 'n'
  | 'regNumber'
  | 'registeredAt'
  | 'applicant'
  | 'service'
  | 'resultDue'
  | 'documents';

export function RegisterPaper({ request, place }: PaperProps) {
  const { lang, size } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const data = useLive(() => registerOf(db, request.id), [request.id]);
  const serviceName = useServiceName();

  // The register is printed whole: it waits for the names of the services.
  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready' || !serviceName) return null;
  const batch = data.data;
  if (!batch) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  const c = l.register.columns;
  const columns: PaperColumn<Column>[] = [
    { key: 'n', label: c.n, width: '7mm' },
    // 14 characters of a registration number on one line, whatever the language's header.
    { key: 'regNumber', label: c.regNumber, isNowrap: true, width: '28mm' },
    { key: 'registeredAt', label: c.registeredAt, width: '25mm' },
    { key: 'applicant', label: c.applicant },
    { key: 'service', label: c.service, isNowrap: true, width: '14mm' },
    { key: 'resultDue', label: c.resultDue, width: '25mm' },
    { key: 'documents', label: c.documents, width: '19mm' },
  ];
  let documentCount = 0;
  const rows = batch.cases.map((row, i) => {
    const presented = row.documents.filter((d) => d.isPresented).length;
    documentCount += presented;
    const name = [row.applicant.surname, row.applicant.givenName, row.applicant.patronymic]
      .filter(Boolean)
      .join(' ');
    return {
      key: row.id,
      cells: {
        n: i + 1,
        regNumber: row.regNumber,
        registeredAt: formatDateWords(row.registeredAt, lang),
        applicant: (
          <>
            {name}, <span className="nowrap">{row.applicant.iin}</span>
          </>
        ),
        service: row.serviceId,
        resultDue: formatDateWords(row.resultDue, lang),
        documents: presented,
      },
    };
  });

  return (
    <Paper
      request={request}
      title={l.register.title}
      place={{ ...place, ...(batch.office ? { office: batch.office } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{l.register.number}</dt>
        <dd className="nowrap" data-testid="register-number">
          <strong>{batch.batchNumber}</strong>
        </dd>
        <dt>{l.register.sentAt}</dt>
        <dd>{formatDateTimeWords(batch.sentAt, lang)}</dd>
        <dt>{l.register.from}</dt>
        <dd>{batch.office?.name[lang]}</dd>
        <dt>{l.register.to}</dt>
        <dd>{batch.to?.name[lang]}</dd>
      </dl>
      <PaperTable size={size} columns={columns} rows={rows} label={l.register.title} />
      <p className="paper-total">
        <strong>{l.register.total(batch.cases.length, documentCount)}</strong>
      </p>
      <ServiceLegend
        serviceIds={batch.cases.map((row) => row.serviceId)}
        lang={lang}
        title={l.register.services}
        serviceName={serviceName}
      />
      <div className="signatures">
        <SignatureLine
          role={l.register.handedOver}
          {...(batch.sentBy ? { name: shortName(batch.sentBy) } : {})}
          labels={l}
        />
        <SignatureLine role={l.register.received} labels={l} />
      </div>
    </Paper>
  );
}
