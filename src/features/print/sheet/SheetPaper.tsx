/**
 * A service's information sheet for the office's stand, from the catalog the district uses now:
 * the service, who renders it and what the citizen receives, the documents to bring, the term,
 * the fee, where and when to apply (the office, its address, phone and hours), the steps of the
 * service with their terms, and the act it comes from. The channel is the office's own: the rural akim's at an akimat, the
 * provider's at the district department.
 */
import type { ChannelKind, Service } from '../../../domain/catalog/schema';
import { formatDateWords } from '../../../domain/paper-dates';
import { useSession } from '../../../state/session';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import type { PaperProps } from '../papers';
import { hoursOf } from './hours';
import { SheetDocuments } from './SheetDocuments';

/** The office's channel first; a service it does not offer on it shows the first it has. */
function channelOf(service: Service, preferred: ChannelKind) {
  const kinds: ChannelKind[] = [preferred, 'akim', 'provider', 'pso', 'egov'];
  for (const kind of kinds) {
    const channel = service.channels[kind];
    if (channel && channel.steps.length > 0) return channel;
  }
  return undefined;
}

export function SheetPaper({ request, place }: PaperProps) {
  const { lang } = request;
  const l = PAPER_LABELS[lang];
  const officeKind = useSession((s) => s.credentials?.officeKind);
  const catalog = useCatalog();

  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === request.id);
  if (!service) {
    return <PaperProblemView problem={{ code: 'paper-not-found', details: { id: request.id } }} />;
  }
  const act = catalog.acts.find((a) => a.id === service.actId);
  const channel = channelOf(service, officeKind === 'district' ? 'provider' : 'akim');
  const office = place.office;
  const hours = hoursOf(office);
  const w = l.sheet.words;

  return (
    <Paper
      request={request}
      title={l.sheet.title}
      subtitle={
        <strong>
          {service.name[lang]} <span className="nowrap">({service.id})</span>
        </strong>
      }
      place={place}
    >
      <h2>{l.sheet.provider}</h2>
      <p>{service.provider.text[lang]}</p>

      <h2>{l.sheet.results}</h2>
      <ul>
        {service.results.map((r) => (
          <li key={r.text.kk}>{r.text[lang]}</li>
        ))}
      </ul>

      <h2>{l.sheet.documents}</h2>
      <SheetDocuments service={service} lang={lang} labels={l} />

      <dl className="paper-facts">
        <dt>{l.sheet.term}</dt>
        <dd>
          {channel?.total ? (
            <>
              <strong>{l.duration(channel.total.value, channel.total.unit)}</strong>
              {!channel.total.isStated && ` (${w.sumOfSteps})`}
              {channel.submissionDayCounts === true && `. ${l.talon.term.dayCounts}`}
              {channel.submissionDayCounts === false && `. ${l.talon.term.dayNotCounted}`}
            </>
          ) : (
            w.noTerm
          )}
        </dd>
        <dt>{l.sheet.fee}</dt>
        <dd>
          {service.fee.kind === 'free' && w.free}
          {service.fee.kind === 'paid' && service.fee.text[lang]}
          {service.fee.kind === 'not_stated' && w.notStated}
        </dd>
      </dl>

      <h2>{l.sheet.where}</h2>
      {office && (
        <p>
          {office.name[lang]}
          <br />
          {office.address[lang]}
          <br />
          {l.common.phone}: <span className="nowrap">{office.phone}</span>
        </p>
      )}
      <p>
        {l.sheet.hours}: {w.weekdays},{' '}
        <span className="nowrap">
          {hours.opens}–{hours.closes}
        </span>
        {hours.lunch && (
          <>
            , {w.lunch}{' '}
            <span className="nowrap">
              {hours.lunch.from}–{hours.lunch.to}
            </span>
          </>
        )}
      </p>

      {channel && channel.steps.length > 0 && (
        <>
          <h2>{w.steps}</h2>
          <ol className="paper-steps small">
            {channel.steps.map((step) => (
              <li key={step.id}>
                {step.action[lang]} —{' '}
                <span className="nowrap">
                  {l.duration(step.duration.value, step.duration.unit)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}

      {act && (
        <>
          <h2>{l.sheet.act}</h2>
          <p>
            {act.issuer[lang]}, {formatDateWords(act.date, lang)} {w.actNumber}{' '}
            <span className="nowrap">{act.number}</span> — {act.title[lang]}
            {act.repeal && ` (${w.repealed}: ${formatDateWords(act.repeal.date, lang)})`}
          </p>
        </>
      )}
    </Paper>
  );
}
