/**
 * The papers of a case, each a link to its printable address: the ones its process's steps
 * produce (`ProcessStep.papers`) once the step is done — the talon and receipt at registration,
 * the akim's order and the commission's act, the transfer register, the village's own
 * certificate once the akim has signed or the district's decision notice once the head has, the
 * results batch's register once the result is sent back, the hand-out receipt once it is handed
 * out — and for an application refused at the desk, its refusal receipt alone.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import { processOf } from '../../domain/case/reducer';
import type { Paper } from '../../domain/process';
import { isVillageResult } from '../print/result/village';
import { paperHref } from '../print/route';

interface PaperLink {
  paper: string;
  id: string;
  label: string;
}

export function CasePapers({ caseRow: c }: { caseRow: CaseRow }) {
  const { t } = useTranslation();
  const links: PaperLink[] = [];
  if (c.status === 'refused_at_intake') {
    links.push({ paper: 'refusal', id: c.regNumber, label: t('papers.refusal') });
  } else {
    // Each paper once, in the order of the steps that produce it.
    const produced = new Set<Paper | 'results'>();
    for (const step of processOf(c).steps) {
      if (!c.done[step.id]) continue;
      for (const paper of step.papers) produced.add(paper);
    }
    // A case projected before the process model has no steps done: its talon still prints.
    produced.add('talon');
    // The results batch's register: the district's send-back step records no paper of its own.
    if (c.resultBatchNumber) produced.add('results');
    const of: Partial<Record<Paper | 'results', PaperLink | null>> = {
      talon: { paper: 'talon', id: c.regNumber, label: t('talon.open') },
      receipt: { paper: 'receipt', id: c.regNumber, label: t('papers.receipt') },
      commission_order: c.commissionOrderedAt
        ? { paper: 'order', id: c.regNumber, label: t('papers.order') }
        : null,
      inspection_act: c.commissionAct
        ? { paper: 'act', id: c.regNumber, label: t('papers.act') }
        : null,
      register: c.batchNumber
        ? {
            paper: 'register',
            id: c.batchNumber,
            label: `${t('papers.register')} ${c.batchNumber}`,
          }
        : null,
      // The village prints the certificates it issues itself; a decision the district signs is
      // told to the applicant in a notice, printed wherever the case is.
      decision: c.outcome
        ? isVillageResult(c.serviceId)
          ? { paper: 'result', id: c.regNumber, label: t('papers.result') }
          : { paper: 'notice', id: c.regNumber, label: t('papers.notice') }
        : null,
      results: c.resultBatchNumber
        ? {
            paper: 'results',
            id: c.resultBatchNumber,
            label: `${t('papers.results')} ${c.resultBatchNumber}`,
          }
        : null,
      handout_receipt: { paper: 'handout', id: c.regNumber, label: t('papers.handout') },
    };
    const order: (Paper | 'results')[] = [
      'talon',
      'receipt',
      'commission_order',
      'inspection_act',
      'register',
      'decision',
      'results',
      'handout_receipt',
    ];
    for (const paper of order) {
      const link = produced.has(paper) ? of[paper] : null;
      if (link) links.push(link);
    }
  }
  return (
    <section className="case-papers" aria-label={t('papers.title')}>
      <p>
        {links.map((link) => (
          <a key={link.paper} className="button" href={paperHref(link.paper, link.id)}>
            {link.label}
          </a>
        ))}
      </p>
    </section>
  );
}
