/**
 * The citizen's status lookup: what a person holding a talon (or a refusal receipt) may learn
 * about the application by its number and the last four digits of the applicant's IIN — the
 * service, where the application is in plain words, and the date the result is expected. Nothing
 * else: no name, no IIN, no decision's reasons. The district server answers it on its public page
 * and API (`/s/<number>`, `/api/v1/public/status/<number>`), and a village office answers the
 * same question offline from its own device; both call `answerStatus`, so the two can never say
 * different things about the same case.
 *
 * Its words (`public-status-texts.ts`) are in the domain because the server renders them too,
 * and the server reads nothing of the app (docs/adr/0010-public-status.md).
 */

import { type Case, processOf, upgradeCase } from './case/reducer';
import { type StatusGroup, statusGroupOf } from './case/status-group';
import type { ServiceNames } from './catalog/names';
import { formatDateWords } from './paper-dates';
import type { Place } from './process';
import { nextActions } from './process';
import { PLACE_STAGES, STAGES, STATUS_LABELS } from './public-status-texts';

export type PublicLang = 'kk' | 'ru';

/** The answer, exactly as the API sends it. */
export interface PublicStatus {
  /** the registration number (or the refusal register's number) as the talon prints it */
  number: string;
  /** the service's name in the asked language */
  service: string;
  /** the journal's status group (`status-group.ts`): coarse enough to say nothing internal */
  status: StatusGroup;
  /** where the application is, in plain words of the asked language */
  stage: string;
  /**
   * `YYYY-MM-DD`: while the case is open, the date the talon promised the result; once it is
   * finished (handed out, refused), the day it was finished; null when no result will come (a
   * cancelled registration, an application refused at the desk).
   */
  expectedDate: string | null;
}

/**
 * Where an application is, as a citizen would ask about it. `accepted`, `review` and `ready`
 * say where, in the words of the place (`PLACE_STAGES`).
 */
export type PublicStage =
  | { id: 'accepted' | 'review' | 'ready'; place: Place }
  | {
      id:
        | 'commission'
        | 'returned'
        | 'sent'
        | 'result_on_way'
        | 'issued'
        | 'refused'
        | 'cancelled'
        | 'refused_at_intake';
    };

/** The stage's words in a language. */
export function stageText(stage: PublicStage, lang: PublicLang): string {
  switch (stage.id) {
    case 'accepted':
    case 'review':
    case 'ready':
      return PLACE_STAGES[lang][stage.id][stage.place];
    default:
      return STAGES[lang][stage.id];
  }
}

/** Where the case's process puts the step that records `type`; `fallback` when it has none. */
function placeOf(state: Case, type: 'case.registered' | 'result.handed_out', fallback: Place) {
  return processOf(state).steps.find((s) => s.records === type)?.at ?? fallback;
}

/** Where the application is, for every status the reducer makes. */
export function publicStageOf(stored: Case): PublicStage {
  const state = upgradeCase(stored);
  switch (state.status) {
    case 'refused_at_intake':
      return { id: 'refused_at_intake' };
    case 'cancelled':
      return { id: 'cancelled' };
    case 'closed':
      return { id: state.outcome === 'refused' ? 'refused' : 'issued' };
    case 'returned':
      return { id: 'returned' };
    case 'forwarded':
      return { id: 'sent' };
    case 'commission_ordered':
      return { id: 'commission' };
    case 'registered':
    case 'inspected':
      return { id: 'accepted', place: placeOf(state, 'case.registered', state.at) };
    default:
      break;
  }
  // The result is ready once handing it out is what may happen next: a result received back at
  // the village, a certificate the akim signed at the desk, a decision signed where it is
  // handed out. The process says so, whatever the service.
  if (nextActions(processOf(state), state).some((a) => a.type === 'result.handed_out')) {
    return { id: 'ready', place: placeOf(state, 'result.handed_out', state.at) };
  }
  if (state.status === 'result_sent' || state.status === 'signed') return { id: 'result_on_way' };
  // received, assigned, decided, endorsed, rework: someone is working on it where the file is.
  return { id: 'review', place: state.at };
}

/** See `PublicStatus.expectedDate`. */
function expectedDateOf(state: Case): string | null {
  if (state.status === 'cancelled' || state.status === 'refused_at_intake') return null;
  if (state.status === 'closed') return state.updatedAt.slice(0, 10);
  return state.resultDue.slice(0, 10);
}

export function publicStatusOf(state: Case, names: ServiceNames, lang: PublicLang): PublicStatus {
  return {
    number: state.regNumber,
    service: names[state.serviceId]?.[lang] ?? state.serviceId,
    status: statusGroupOf(upgradeCase(state)),
    stage: stageText(publicStageOf(state), lang),
    expectedDate: expectedDateOf(state),
  };
}

/** Exactly four ASCII digits: what the page and the API accept as the end of an IIN. */
export function isIin4(text: unknown): text is string {
  return typeof text === 'string' && /^[0-9]{4}$/.test(text);
}

/** `kk` when nothing is asked; null for a language the page does not speak. */
export function publicLangOf(text: unknown): PublicLang | null {
  if (text === undefined || text === '') return 'kk';
  return text === 'kk' || text === 'ru' ? text : null;
}

/**
 * What may be a registration or refusal number (`02-26-01-0001`, `R01-26-03-0001`, and the
 * shorter numbers of early releases): anything else is answered as unknown without a search.
 */
export function isLookupNumber(text: string): boolean {
  return /^[0-9A-Za-z-]{1,40}$/.test(text);
}

/**
 * The answer to a lookup among the cases of that number (one, except where a region's store
 * holds districts whose offices share a code): the case whose applicant's IIN ends in `iin4`, or
 * null — one null for an unknown number and for wrong digits, so the answer tells a guesser
 * nothing about which numbers exist. Every candidate is compared, with no early exit.
 */
export function answerStatus(
  candidates: readonly Case[],
  iin4: string,
  names: ServiceNames,
  lang: PublicLang,
): PublicStatus | null {
  let found: Case | null = null;
  for (const candidate of candidates) {
    const matches = sameDigits(candidate.applicant.iin.slice(-4), iin4);
    if (matches && !found) found = candidate;
  }
  return found ? publicStatusOf(found, names, lang) : null;
}

/** Compares every character, whatever the first difference. */
function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The answer as a person reads it, label and value, the date with its month in words: the
 * public page and the village office's screen show these same lines.
 */
export function answerLines(
  answer: PublicStatus,
  lang: PublicLang,
): { label: string; value: string }[] {
  const labels = STATUS_LABELS[lang];
  const lines: { label: string; value: string }[] = [
    { label: labels.service, value: answer.service },
    { label: labels.stage, value: answer.stage },
  ];
  if (answer.expectedDate) {
    const isFinished = answer.status === 'issued' || answer.status === 'refused';
    lines.push({
      label: isFinished ? labels.finishedDate : labels.expectedDate,
      value: formatDateWords(answer.expectedDate, lang),
    });
  }
  return lines;
}
