/**
 * The refusal receipt (қолхат / расписка об отказе в приёме документов) for an application
 * refused at the desk: the regulations have the one who refuses give the applicant a receipt
 * (e.g. 003 para 12) — which documents are missing or out of date, by their checklist names, the
 * ground in the regulation's words, the applicant (and a representative), who refused and when,
 * the number in the office's refusal register, and lines to sign for both.
 */
import { casePaperOf } from '../../../db/papers';
import { useLive } from '../../../db/useLive';
import { formatDateTimeWords } from '../../../domain/paper-dates';
import { useRuntime } from '../../app/runtime';
import { useCatalog } from '../../app/useReference';
import { PAPER_LABELS } from '../labels';
import { Paper } from '../layout/Paper';
import { PaperProblemView } from '../layout/PaperProblemView';
import { type PaperColumn, PaperTable } from '../layout/PaperTable';
import { ApplicantText, RepresentativeText, ServiceText } from '../layout/people';
import { SignatureLine } from '../layout/SignatureLine';
import type { PaperProps } from '../papers';

type Column = 'n' | 'name' | 'problem';

export function RefusalPaper({ request, place }: PaperProps) {
  const { lang, size } = request;
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
  if (c.status !== 'refused_at_intake' || !c.intakeRefusal) {
    return (
      <PaperProblemView problem={{ code: 'paper-not-refusal', details: { id: request.id } }} />
    );
  }
  if (!catalog) return null;
  const service = catalog.services.find((s) => s.id === c.serviceId);
  const problems = c.intakeRefusal;
  const w = l.refusal.words;
  const columns: PaperColumn<Column>[] = [
    { key: 'n', label: l.refusal.columns.n, width: '8mm' },
    { key: 'name', label: l.refusal.columns.name },
    { key: 'problem', label: l.refusal.columns.problem, width: '40mm' },
  ];
  const rows = problems.map((p, i) => ({
    key: `${p.id}-${p.problem}`,
    cells: {
      n: i + 1,
      name: service?.checklist.documents?.find((d) => d.id === p.id)?.name[lang] ?? p.id,
      problem: l.refusal.problems[p.problem],
    },
  }));
  // Each ground once, in the order the law gives them: missing documents, then expired ones.
  const grounds = (['missing', 'expired'] as const).filter((g) =>
    problems.some((p) => p.problem === g),
  );

  return (
    <Paper
      request={request}
      title={l.refusal.title}
      subtitle={l.refusal.subtitle}
      place={{ ...place, ...(office ? { office } : {}) }}
    >
      <dl className="paper-facts">
        <dt>{l.refusal.number}</dt>
        <dd className="big nowrap" data-testid="refusal-number">
          {c.regNumber}
        </dd>
        <dt>{l.refusal.refusedAt}</dt>
        <dd>{formatDateTimeWords(c.registeredAt, lang)}</dd>
        <dt>{l.refusal.service}</dt>
        <dd>
          <ServiceText service={service} serviceId={c.serviceId} lang={lang} />
        </dd>
        <dt>{l.refusal.applicant}</dt>
        <dd>
          <ApplicantText applicant={c.applicant} iinLabel={w.iin} />
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
      <h2>{l.refusal.ground}</h2>
      {grounds.map((g) => (
        <p key={g} data-testid="refusal-ground">
          {l.refusal.grounds[g]}
        </p>
      ))}
      <h2>{l.refusal.documents}</h2>
      <PaperTable size={size} columns={columns} rows={rows} label={l.refusal.documents} />
      <p className="small">{w.again}</p>
      <div className="signatures">
        <SignatureLine role={l.refusal.refusedBy} name={c.acceptedBy.shortName} labels={l} />
        <SignatureLine role={l.refusal.received} labels={l} />
      </div>
    </Paper>
  );
}
