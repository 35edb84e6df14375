/**
 * The talon (талон) the citizen takes home, and its stub the office keeps (the regulations call
 * the whole a tear-off talon, жыртпалы талон): registration number and date and time, the
 * service, the applicant, the day the result can be collected, who accepted the documents, the
 * office with its phone, and a QR code that opens the case's status page. The stub, below a cut
 * line, repeats the number, date, service, applicant (in full, for the office's file) and who
 * accepted, with a line for the applicant to sign that the talon was received.
 */
import { talonOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { shortName } from '../../../domain/names';
import { formatDateTimeWords, formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useServiceName } from '../../app/serviceNames';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { StatusQr, useStatusQr } from '../layout/StatusQr';
import type { PaperProps } from '../papers';

export function TalonPaper({ request, place }: PaperProps) {
  const { lang } = request;
  const l = PAPER_LABELS[lang];
  const { db } = useRuntime();
  const data = useLive(() => talonOf(db, request.id), [request.id]);
  const serviceName = useServiceName();
  const catalog = useCatalog(data.data?.caseRow.catalogVersion ?? '');
  const qr = useStatusQr(data.data?.caseRow.regNumber ?? '', place);

  // The talon is printed whole: it waits for the service's name and the regulation's terms.
  if (data.status === 'error') throw data.error;
  if (data.status !== 'ready' || !serviceName) return null;
  if (!data.data) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  if (!catalog) return null;
  const { caseRow: c, office } = data.data;
  const service = serviceName(c.serviceId)?.[lang] ?? c.serviceId;
  const channel = catalog.services.find((s) => s.id === c.serviceId)?.channels[c.channel];
  // A term in minutes is rendered at the desk; a result date is a date unless the term is short.
  const resultDue =
    c.resultDue.length > 10
      ? formatDateTimeWords(c.resultDue, lang)
      : formatDateWords(c.resultDue, lang);
  const registeredAt = formatDateTimeWords(c.registeredAt, lang);

  return (
    <Paper
      request={request}
      title={l.talon.title}
      subtitle={l.talon.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
      isReady={qr.image !== ''}
    >
      <dl className="paper-facts">
        <dt>{l.talon.number}</dt>
        <dd className="big nowrap" data-testid="talon-number">
          {c.regNumber}
        </dd>
        <dt>{l.talon.registeredAt}</dt>
        <dd>{registeredAt}</dd>
        <dt>{l.talon.service}</dt>
        <dd>
          {service} <span className="nowrap">({c.serviceId})</span>
        </dd>
        <dt>{l.talon.applicant}</dt>
        <dd>{shortName(c.applicant)}</dd>
        <dt>{l.talon.resultDue}</dt>
        <dd className="big" data-testid="talon-result-due">
          {resultDue}
        </dd>
        <dt>{l.talon.acceptedBy}</dt>
        <dd>{c.acceptedBy.shortName}</dd>
      </dl>
      {channel?.total?.unit === 'working_days' && (
        <p className="small">
          {l.talon.term.workingDays}{' '}
          {channel.submissionDayCounts === true && l.talon.term.dayCounts}
          {channel.submissionDayCounts === false && l.talon.term.dayNotCounted}
        </p>
      )}
      <StatusQr qr={qr} caption={l.talon.qr} />
      <p className="signature">
        {l.talon.signature} <span className="blank" />
      </p>

      <div className="cut-line">
        <span>{l.talon.cutLine}</span>
      </div>

      <section className="talon-stub" aria-label={l.talon.stubTitle}>
        <h2>
          {l.talon.stubTitle} <small>({l.talon.stubKept})</small>
        </h2>
        <dl className="paper-facts">
          <dt>{l.talon.number}</dt>
          <dd className="nowrap" data-testid="stub-number">
            <strong>{c.regNumber}</strong>
          </dd>
          <dt>{l.talon.registeredAt}</dt>
          <dd>{registeredAt}</dd>
          <dt>{l.talon.service}</dt>
          <dd>
            {service} <span className="nowrap">({c.serviceId})</span>
          </dd>
          <dt>{l.talon.applicant}</dt>
          <dd>
            {[c.applicant.surname, c.applicant.givenName, c.applicant.patronymic]
              .filter(Boolean)
              .join(' ')}
            , {l.talon.iin} <span className="nowrap">{c.applicant.iin}</span>
          </dd>
          <dt>{l.talon.acceptedBy}</dt>
          <dd>{c.acceptedBy.shortName}</dd>
        </dl>
        <p className="signature">
          {l.talon.stubReceived} <span className="blank" />
        </p>
      </section>
    </Paper>
  );
}
