/**
 * The precinct commission's inspection act (004 para 11(4)): the act on the family's material
 * situation and the conclusion on its need, as the commission recorded them — the date, the
 * case and applicant, the members, what the inspection found, the conclusion — with a line for
 * each member to sign and one for the applicant who has read it.
 */
import { casePaperOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { formatDateWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { ApplicantText, fullName, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

export function ActPaper({ request, place }: PaperProps) {
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
  const { caseRow: c, office } = data.data;
  const act = c.commissionAct;
  if (!act) {
    return (
      <PaperProblemView problem={{ code: 'paper-no-commission', details: { id: request.id } }} />
    );
  }
  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const w = l.act.words;
  // Two members may share a name: their places in the act's list (which never changes) tell
  // them apart.
  const members = act.members.map((name, i) => ({ name, key: `${i}:${name}` }));

  return (
    <Paper
      request={request}
      title={l.act.title}
      subtitle={l.act.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{l.act.actDate}</dt>
        <dd>{formatDateWords(act.actDate, lang)}</dd>
        <dt>{l.act.number}</dt>
        <dd className="nowrap" data-testid="act-number">
          <strong>{c.regNumber}</strong>
        </dd>
        <dt>{l.act.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{l.act.applicant}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={w.iin} addressLabel={w.address} />
        </dd>
      </dl>
      <h2>{l.act.members}</h2>
      <ol>
        {members.map((m) => (
          <li key={m.key}>{m.name}</li>
        ))}
      </ol>
      <h2>{l.act.findings}</h2>
      <p className="paper-text">{act.findings}</p>
      <h2>{l.act.conclusion}</h2>
      <p data-testid="act-conclusion">
        <strong>{l.act.conclusions[act.conclusion]}.</strong> {act.conclusionText}
      </p>
      <div className="signatures">
        {members.map((m) => (
          <SignatureLine key={m.key} role={l.act.member} name={m.name} labels={l} />
        ))}
        <SignatureLine role={l.act.acquainted} name={fullName(c.applicant)} labels={l} />
      </div>
    </Paper>
  );
}
