/**
 * What the demo's people write: decisions and refusals (on the regulation's own grounds where it
 * lists any, as the app requires), the reasons a file goes back to the village, the comments on
 * a draft sent back, the precinct commission's act. Kazakh, as the offices write it.
 */
import type { DecisionInput } from '../../src/db/commands';
import type { CaseRow } from '../../src/db/schema';
import type { PayloadOf } from '../../src/domain/case/events';
import { PROCESS_OUTLINES } from '../../src/domain/process/outline';
import type { DemoCase } from './ledger';
import type { Rng } from './random';

const REFUSAL_REASONS = [
  'Отбасының орташа айлық жан басына шаққандағы табысы белгіленген шектен жоғары.',
  'Өтініш беруші көрсетілетін қызметті алушылар санатына жатпайды.',
  'Ұсынылған құжаттардағы мәліметтер ақпараттық жүйелердің деректеріне сәйкес келмейді.',
];

const RETURN_REASONS = [
  'Табыс туралы анықтама соңғы тоқсанды қамтымайды.',
  'Құжаттардың көшірмелері оқылмайды, қайта көшірмесі қажет.',
  'Отбасы құрамы туралы анықтама ескірген.',
];

const SEND_BACK_COMMENTS = [
  'Жәрдемақы мөлшерін қайта есептеңіз: отбасы құрамы өзгерген.',
  'Шешімде табыс кезеңі дұрыс көрсетілмеген.',
  'Комиссия актісіндегі мәліметтерді шешімге енгізіңіз.',
];

/** The decision on a case: an approval, or a refusal. */
export function decisionFor(c: DemoCase, isRefused: boolean): DecisionInput {
  if (!isRefused) return { outcome: 'approved' };
  const listed = PROCESS_OUTLINES[c.serviceId]?.grounds ?? 0;
  // Where the regulation lists grounds a refusal names one; beyond the list, "other" and words.
  if (listed > 0) {
    return c.rng.chance(0.75)
      ? { outcome: 'refused', grounds: [String(c.rng.int(1, listed))] }
      : { outcome: 'refused', grounds: ['other'], reason: c.rng.pick(REFUSAL_REASONS) };
  }
  return { outcome: 'refused', reason: c.rng.pick(REFUSAL_REASONS) };
}

/** Why the district sends the file back: a document of the package, or in words. */
export function returnFor(c: DemoCase, row: CaseRow): PayloadOf<'case.returned'> {
  const presented = row.documents.filter((d) => d.isPresented);
  if (presented.length > 0) {
    return {
      documents: [
        { id: c.rng.pick(presented).id, problem: c.rng.chance(0.5) ? 'wrong' : 'missing' },
      ],
      reason: c.rng.pick(RETURN_REASONS),
    };
  }
  return { documents: [], reason: c.rng.pick(RETURN_REASONS) };
}

export function sendBackComment(c: DemoCase): string {
  return c.rng.pick(SEND_BACK_COMMENTS);
}

/**
 * A returned file closed at the village rather than sent again: the applicant did not complete
 * it. Not one of the regulation's grounds, so "other" with the words where it lists any.
 */
export function returnedRefusal(c: DemoCase): { grounds?: string[]; reason: string } {
  const reason = 'Өтініш беруші қайтарылған құжаттарды белгіленген мерзімде толықтырмады.';
  return (PROCESS_OUTLINES[c.serviceId]?.grounds ?? 0) > 0
    ? { grounds: ['other'], reason }
    : { reason };
}

/** The precinct commission's act on the family's material situation. */
export function inspectionAct(
  c: DemoCase,
  needy: boolean,
  members: readonly string[],
  actDate: string,
): PayloadOf<'commission.inspected'> {
  const children = c.rng.int(1, 5);
  return {
    actDate,
    members: [...members],
    findings: needy
      ? `Отбасында ${children} бала. Отбасының тұрақты табысы жоқ, ата-анасының бірі ғана уақытша жұмыс істейді; тұрғын үй жағдайы қанағаттанарлық.`
      : `Отбасында ${children} бала. Ата-аналары тұрақты жұмыс істейді, жеке қосалқы шаруашылығы бар; тұрғын үй жағдайы жақсы.`,
    conclusion: needy ? 'needy' : 'not_needy',
    conclusionText: needy
      ? 'Отбасы мемлекеттік жәрдемақыға мұқтаж деп танылсын.'
      : 'Отбасы мемлекеттік жәрдемақыға мұқтаж емес.',
  };
}

/** Three invented members of a village's precinct commission. */
export function commissionOf(rng: Rng): string[] {
  const names = [
    'Сейітов Б. Қ.',
    'Омарова С. Н.',
    'Нұрланов Е. А.',
    'Ахметова Г. Т.',
    'Бекенов Д. М.',
    'Ысқақова Ж. Е.',
  ];
  return rng.sample(names, 3);
}
