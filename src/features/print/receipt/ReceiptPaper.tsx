/**
 * The acceptance receipt (қолхат / расписка о приёме документов) the citizen takes with the
 * talon, as the regulations' receipt contents ask (the catalog's `receiptContents`, e.g. 003
 * para 11: the date of registration, the date the service is received, who accepted): the
 * number, date and time, the service, the applicant and a representative with the power of
 * attorney's particulars, each document received as original or copy with their count, when and
 * where the result is issued (the office, its address and hours), who accepted, lines to sign
 * for the one who gives the receipt and the one who takes it, and the status page's QR code.
 */
import { casePaperOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { type PaperColumn, PaperTable } from '../layout/PaperTable';
import { ApplicantText, RepresentativeText, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import { StatusQr, useStatusQr } from '../layout/StatusQr';
import type { PaperProps } from '../papers';
import { hoursOf } from '../sheet/hours';

type Column = 'n' | 'name' | 'form';

export function ReceiptPaper({ request, place }: PaperProps) {
  const { lang, size } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const data = useLive(() => casePaperOf(db, request.id), [request.id]);
  const catalog = useCatalog(data.data?.caseRow.catalogVersion ?? '');
  const isRefusal = data.data?.caseRow.status === 'refused_at_intake';
  const qr = useStatusQr(data.data && !isRefusal ? data.data.caseRow.regNumber : '', place);

  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready') return null;
  if (!data.data) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  // An application refused at the desk was never accepted: its paper is the refusal receipt.
  if (isRefusal) {
    return <PaperProblemView problem={{ code: 'paper-is-refusal', details: { id: request.id } }} />;
  }
  // The receipt names the documents in the words of the edition the case was registered under.
  if (!catalog) return null;
  const { caseRow: c, office } = data.data;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const w = l.receipt.words;
  const received = c.documents.filter((d) => d.isPresented);
  const columns: PaperColumn<Column>[] = [
    { key: 'n', label: l.receipt.columns.n, width: '8mm' },
    { key: 'name', label: l.receipt.columns.name },
    { key: 'form', label: l.receipt.columns.form, width: '32mm' },
  ];
  const rows = received.map((d, i) => ({
    key: d.id,
    cells: {
      n: i + 1,
      name: service?.checklist.documents?.find((doc) => doc.id === d.id)?.name[lang] ?? d.id,
      // Cases registered before the full intake recorded no form: said, not guessed.
      form: d.form ? w[d.form] : w.noForm,
    },
  }));
  const issuer = office ?? place.office;
  const hours = hoursOf(issuer);
  // A term in minutes gives a time of day; a term in days, the office's hours on that day.
  const hasTime = c.resultDue.length > 10;

  return (
    <Paper
      request={request}
      title={l.receipt.title}
      subtitle={l.receipt.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
      isReady={qr.image !== ''}
    >
      <dl className="paper-facts">
        <dt>{l.receipt.number}</dt>
        <dd className="big nowrap" data-testid="receipt-number">
          {c.regNumber}
        </dd>
        <dt>{l.receipt.registeredAt}</dt>
        <dd>{formatDateTimeWords(c.registeredAt, lang)}</dd>
        <dt>{l.receipt.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{l.receipt.applicant}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={w.iin} addressLabel={w.address} />
        </dd>
        {c.representative && (
          <>
            <dt>{w.representative}</dt>
            <dd>
              <RepresentativeText
                representative={c.representative}
                iinLabel={w.iin}
                lang={lang}
                labels={l}
              />
            </dd>
          </>
        )}
      </dl>
      <h2>{l.receipt.documents}</h2>
      {rows.length > 0 ? (
        <PaperTable size={size} columns={columns} rows={rows} label={l.receipt.documents} />
      ) : (
        <p>{w.none}</p>
      )}
      <p className="paper-total">
        <strong>{l.receipt.count(received.length)}</strong>
      </p>
      <dl className="paper-facts">
        <dt>{l.receipt.resultAt}</dt>
        <dd className="big" data-testid="receipt-result-at">
          {hasTime ? (
            formatDateTimeWords(c.resultDue, lang)
          ) : (
            <>
              {formatDateWords(c.resultDue, lang)}, {w.during}{' '}
              <span className="nowrap">
                {hours.opens}–{hours.closes}
              </span>
              {hours.lunch && (
                <>
                  {' '}
                  ({l.sheet.words.lunch}{' '}
                  <span className="nowrap">
                    {hours.lunch.from}–{hours.lunch.to}
                  </span>
                  )
                </>
              )}
            </>
          )}
        </dd>
        <dt>{l.receipt.resultPlace}</dt>
        <dd>
          {issuer ? (
            <>
              {issuer.name[lang]}, {issuer.address[lang]}
            </>
          ) : null}
        </dd>
        <dt>{l.receipt.acceptedBy}</dt>
        <dd>{c.acceptedBy.shortName}</dd>
      </dl>
      <StatusQr qr={qr} caption={l.receipt.qr} />
      <div className="signatures">
        <SignatureLine role={l.receipt.handedOver} name={c.acceptedBy.shortName} labels={l} />
        <SignatureLine role={l.receipt.received} labels={l} />
      </div>
    </Paper>
  );
}
