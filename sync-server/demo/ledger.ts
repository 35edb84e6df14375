/**
 * The demo's memory of its cases: for each, what will become of it and the office day on which
 * someone next takes it up. What becomes of the cases is what makes the district look lived in:
 * one file in seven returned to the village, one draft in six sent back, one decision in seven
 * a refusal, one file in seven bound for the district left lying at an early step until it is
 * late (a result nobody collects among them), corrections and cancellations; and each step
 * waits mostly well inside the regulation's term, one in eight past it.
 *
 * What may happen next is never decided here: the people of the simulation ask the process
 * model (`nextActions`) on their own device, as the screens do. The ledger only says when they
 * get round to it and which way they choose where the process offers a choice.
 */
import { addWorkingDays, type IsoDate, type WorkCalendar } from '../../src/domain/calendar';
import type { RepresentativeInput } from '../../src/domain/case/intake';
import type { Place, ProcessStep } from '../../src/domain/process';
import type { Citizen } from './people';
import { Deck, type Rng } from './random';

/** What becomes of a case, dealt when it is registered. */
export interface Fate {
  /** the applicant's data is corrected after registration */
  corrected: 'no' | 'surname' | 'phone';
  /** the case is cancelled before it leaves the village */
  cancelled: 'no' | 'withdrawn' | 'registered_in_error';
  /** the case is left lying at this step (its id) until the end of the demo's period */
  stallAt: string | null;
}

/**
 * What becomes of a case, dealt when the moment comes — when its file arrives at the district,
 * its draft is written, its result collected — and kept for the rest of its life (a draft
 * written again after a send-back has the same outcome). Dealt then rather than at registration,
 * the proportions hold among the files that did arrive and the drafts that were written, so even
 * a run of a few days has its returns and send-backs.
 */
export interface Choices {
  /** the district returns the file once; the village then completes it or closes it refused */
  returned: 'no' | 'forward_again' | 'refuse';
  /** the draft goes back for rework once (from the sector head's visa or the head's signature) */
  sentBack: boolean;
  /** the decision is a refusal */
  refused: boolean;
  /** the precinct commission finds the family not in need */
  notNeedy: boolean;
  /** the head assigns the executor (the step is optional) */
  assigned: boolean;
  /** the result is collected by someone with a power of attorney */
  toRepresentative: boolean;
}

export interface DemoCase {
  caseId: string;
  regNumber: string;
  officeId: string;
  serviceId: string;
  applicant: Citizen;
  /** who applied for the applicant by a power of attorney */
  representative?: RepresentativeInput;
  fate: Fate;
  choices: Partial<Choices>;
  /** the case's own stream: its waits and choices do not depend on other cases */
  rng: Rng;
  /** the office day on which someone takes it up next; null: nobody will in this period */
  next: IsoDate | null;
  /** the day its awaited step is taken (`next` may be earlier, for a correction) */
  planned: IsoDate | null;
  /** where its last step was recorded: paper and results take a day to travel */
  lastPlace: Place;
  /** where its next step happens; null once nothing more will */
  waitsAt: Place | null;
  isCorrected: boolean;
  isSentBack: boolean;
  /** in today's transfer batch, waiting for the batch to be sent */
  isInBatch: boolean;
}

/** The longest term of a step a case is left lying at: a file on someone's desk, not a queue. */
const LYING_TERM_DAYS = 5;

/** Fates and choices in fixed proportions, dealt in a seeded order (see `Deck`). */
export class Fates {
  private readonly corrected: Deck<Fate['corrected']>;
  private readonly cancelled: Deck<Fate['cancelled']>;
  private readonly stalled: Deck<boolean>;
  private readonly choices: { [K in keyof Choices]: Deck<Choices[K]> };
  readonly late: Deck<boolean>;

  constructor(rng: Rng) {
    this.corrected = new Deck(rng.fork('corrected'), [
      'surname',
      'phone',
      ...Array.from({ length: 16 }, () => 'no' as const),
    ]);
    this.cancelled = new Deck(rng.fork('cancelled'), [
      'withdrawn',
      'registered_in_error',
      ...Array.from({ length: 30 }, () => 'no' as const),
    ]);
    this.stalled = Deck.oneIn(rng.fork('stalled'), 1, 7);
    this.late = Deck.oneIn(rng.fork('late'), 1, 8);
    this.choices = {
      returned: new Deck(rng.fork('returned'), [
        'forward_again',
        'forward_again',
        'forward_again',
        'refuse',
        ...Array.from({ length: 24 }, () => 'no' as const),
      ]),
      sentBack: Deck.oneIn(rng.fork('sent-back'), 1, 6),
      refused: Deck.oneIn(rng.fork('refused'), 1, 7),
      notNeedy: Deck.oneIn(rng.fork('not-needy'), 1, 5),
      assigned: Deck.oneIn(rng.fork('assigned'), 3, 4),
      toRepresentative: Deck.oneIn(rng.fork('to-representative'), 1, 8),
    };
  }

  /**
   * The fate of a case of a service whose process has these steps. A case rendered at the
   * village in minutes (003-16: the applicant waits for the akim's signature) is neither
   * corrected, cancelled nor left lying: it is done before the applicant leaves the desk.
   */
  deal(steps: readonly ProcessStep[], rng: Rng): Fate {
    const goesToDistrict = steps.some((s) => s.at === 'district');
    if (!goesToDistrict) return { corrected: 'no', cancelled: 'no', stallAt: null };
    const lying = steps.filter(
      (s) =>
        s.records !== 'case.registered' &&
        s.performers.length > 0 &&
        s.duration?.unit === 'working_days' &&
        s.duration.value <= LYING_TERM_DAYS,
    );
    const stalled = this.stalled.draw();
    return {
      corrected: this.corrected.draw(),
      cancelled: this.cancelled.draw(),
      // One of the first two such steps: a file forgotten early is late by the time anyone looks.
      stallAt: stalled && lying.length > 0 ? rng.pick(lying.slice(0, 2)).id : null,
    };
  }

  /** The case's choice, dealt the first time it is asked for. */
  choose<K extends keyof Choices>(c: DemoCase, key: K): Choices[K] {
    const made = c.choices[key];
    if (made !== undefined) return made as Choices[K];
    const value = this.choices[key].draw();
    c.choices[key] = value;
    return value;
  }
}

/**
 * How many working days after `today` someone takes up `step` of the case: null when the case
 * is to lie at this step. Inside the term mostly, and early in it; past it when the late deck
 * says so. A step at another place than the last one waits at least a day: the paper file goes
 * to the district, the result comes back, by the next day at the earliest.
 */
export function waitBefore(c: DemoCase, step: ProcessStep, late: Deck<boolean>): number | null {
  if (c.fate.stallAt === step.id) return null;
  const d = step.duration;
  let days: number;
  if (!d) days = c.rng.int(0, 1);
  else if (d.unit === 'minutes' || d.unit === 'hours') days = 0;
  else if (d.unit === 'calendar_days') days = c.rng.int(0, 3);
  else if (late.draw()) days = d.value + c.rng.int(1, 3);
  else days = c.rng.int(0, Math.ceil(d.value / 2));
  return step.at === c.lastPlace ? days : Math.max(1, days);
}

export function dayAfterWaiting(cal: WorkCalendar, today: IsoDate, days: number): IsoDate {
  return days === 0 ? today : addWorkingDays(cal, today, days);
}

/** The cases in the order they were registered: the order everyone works through them in. */
export class Ledger {
  readonly cases: DemoCase[] = [];

  add(c: DemoCase): void {
    this.cases.push(c);
  }

  /** Cases waiting at `place` (of one akimat office, or the district's) to be taken up on `day`. */
  due(day: IsoDate, place: Place, officeId?: string): DemoCase[] {
    return this.cases.filter(
      (c) =>
        c.next !== null &&
        c.next <= day &&
        c.waitsAt === place &&
        !c.isInBatch &&
        (officeId === undefined || c.officeId === officeId),
    );
  }
}
