/**
 * Realistic content for the benchmarks: applicants with valid IINs and Kazakh names, the services
 * the demo district accepts on the rural-akim channel with their checklists, result dates from
 * the deadline engine, registration and batch numbers as devices make them, and the timeline of
 * each case from intake to hand-out in working hours. Pure and seeded, so the same sizes give the
 * same data; runs in Node and in the page.
 */
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { deriveEventId, type Sha256 } from '../../src/domain/case/event-id';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import type { IntakeInput } from '../../src/domain/case/intake';
import { CATALOG, CATALOG_VERSION, servicesFor } from '../../src/domain/catalog';
import type { Service } from '../../src/domain/catalog/schema';
import { resultDueFor } from '../../src/domain/deadline/talon';
import { controlDigit } from '../../src/domain/iin';
import { formatBatchNumber, formatRegNumber } from '../../src/domain/numbering';
import { buildProcess } from '../../src/domain/process';

export type Rand = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: Rand, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** Surname stems; women take -ова/-ева/-ина, men -ов/-ев/-ин, or an undeclined -ұлы/-қызы form. */
const SURNAME_STEMS = [
  'Ахмет',
  'Әбен',
  'Бейсен',
  'Бек',
  'Дүйсен',
  'Ерғали',
  'Есен',
  'Жақып',
  'Жұмабай',
  'Ибра',
  'Исабек',
  'Қалие',
  'Қасым',
  'Құрман',
  'Қуаныш',
  'Мұрат',
  'Мұхаметжан',
  'Нұрлан',
  'Нұрпейіс',
  'Омар',
  'Оспан',
  'Сәрсен',
  'Сейіт',
  'Серік',
  'Смағұл',
  'Тоқтар',
  'Төлеу',
  'Тұрсын',
  'Шәкен',
  'Байжан',
  'Сұлтан',
  'Темірбек',
  'Әуелбек',
  'Садық',
  'Жолдасбек',
  'Қожахмет',
  'Бөкейхан',
  'Әлімжан',
  'Рахым',
  'Медеу',
];
const FEMALE_NAMES = [
  'Айгүл',
  'Айнұр',
  'Арайлым',
  'Әсел',
  'Ботагөз',
  'Гүлмира',
  'Гүлназ',
  'Динара',
  'Жанар',
  'Жұлдыз',
  'Ләззат',
  'Меруерт',
  'Мөлдір',
  'Назерке',
  'Раушан',
  'Салтанат',
  'Сәуле',
  'Ақмарал',
  'Аружан',
  'Дана',
  'Томирис',
  'Зарина',
];
const MALE_NAMES = [
  'Асқар',
  'Бауыржан',
  'Бекзат',
  'Ғалым',
  'Дархан',
  'Дәурен',
  'Ерлан',
  'Ержан',
  'Жандос',
  'Қайрат',
  'Марат',
  'Мейрам',
  'Нұрлан',
  'Серік',
  'Талғат',
  'Арман',
  'Асхат',
  'Ерболат',
  'Нұрсұлтан',
  'Әли',
  'Ілияс',
  'Темірлан',
];
const REFUSALS = [
  'Отбасының орташа айлық табысы ең төменгі күнкөріс деңгейінен асады (Ереженің 9-тармағы).',
  'Ұсынылған құжаттарда анық емес мәліметтер бар: табыс туралы анықтама мерзімі өткен.',
  'Өтініш беруші тіркелген мекенжайы бойынша осы ауылдық округте тұрмайды.',
  'Бала бұрын басқа ауданда жәрдемақы алушы ретінде тіркелген.',
];

export interface Person {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  phone?: string;
}

/** A person with a valid IIN whose birth date and sex digit agree with the name. */
export function makeApplicant(rand: Rand): Person {
  const isFemale = rand() < 0.62;
  const year = int(rand, 1950, 2005);
  const month = int(rand, 1, 12);
  const day = int(rand, 1, 28);
  const centurySex = (year < 2000 ? 3 : 5) + (isFemale ? 1 : 0);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  let iin = '';
  for (let serial = int(rand, 1, 9800); !iin; serial++) {
    const first11 = `${yymmdd}${centurySex}${String(serial).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) iin = `${first11}${digit}`;
  }
  const stem = pick(rand, SURNAME_STEMS);
  const vowelEnd = /[аеиоуыіәөүұ]$/i.test(stem);
  const suffix = isFemale ? (vowelEnd ? 'ева' : 'ова') : vowelEnd ? 'ев' : 'ов';
  const father = pick(rand, MALE_NAMES);
  const person: Person = {
    iin,
    surname: `${stem}${suffix}`,
    givenName: pick(rand, isFemale ? FEMALE_NAMES : MALE_NAMES),
  };
  if (rand() < 0.85) person.patronymic = `${father}${isFemale ? 'қызы' : 'ұлы'}`;
  if (rand() < 0.6)
    person.phone = `8 70${int(rand, 0, 8)} ${int(rand, 100, 999)} ${int(rand, 1000, 9999)}`;
  return person;
}

/** Services the demo district (acts 003 and 004) takes on the rural-akim channel. */
export const AKIM_SERVICES: readonly Service[] = servicesFor(CATALOG, ['003', '004'], 'akim');

/** Child benefit (004-01) is most of an akimat's intake; the 003 services share the rest. */
export function pickService(rand: Rand): Service {
  const childBenefit = AKIM_SERVICES.find((s) => s.id === '004-01');
  if (childBenefit && rand() < 0.45) return childBenefit;
  return pick(rand, AKIM_SERVICES);
}

export function documentsFor(rand: Rand, service: Service): { id: string; isPresented: boolean }[] {
  return (service.checklist.documents ?? []).map((d) => ({
    id: d.id,
    isPresented: !d.isOptional && !d.condition ? true : rand() < 0.5,
  }));
}

/**
 * Services whose case goes to the district in the day's batch right after intake: the chain the
 * lifecycle figures were set on (004-01 waits for the commission, 003-16 never leaves the
 * village; bench/wire-commission.ts measures the commission's case on its own).
 */
export const FORWARDED_AT_ONCE: readonly Service[] = AKIM_SERVICES.filter(
  (s) =>
    buildProcess({ serviceId: s.id, channel: 'akim', edition: CATALOG_VERSION })?.steps[1]
      ?.records === 'batch.sent',
);

/** What a specialist types for one application (the real `registerCase` input). */
export function intakeInput(rand: Rand, services?: readonly Service[]): IntakeInput {
  const service = services ? pick(rand, services) : pickService(rand);
  const applicant = makeApplicant(rand);
  return {
    serviceId: service.id,
    channel: 'akim',
    applicant,
    personalDataConsent: true,
    presentedDocuments: documentsFor(rand, service)
      .filter((d) => d.isPresented)
      .map((d) => d.id),
  };
}

// --- time -------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Kazakhstan's single time zone since 1 March 2024. */
const OFFSET_MS = 5 * HOUR;

const p2 = (n: number) => String(n).padStart(2, '0');

/** `2026-03-18T10:30:05+05:00` for an instant. */
export function offsetTime(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}+05:00`;
}

/** Midnight (local) of the day `ms` falls on. */
const localMidnight = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY) * DAY - OFFSET_MS;
const isWeekend = (ms: number) => {
  const day = new Date(ms + OFFSET_MS).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * `n` working days (Mon–Fri) after the day of `ms`, at `hour` local time plus jitter; always
 * after `ms` (a same-day step comes minutes to two hours later).
 */
function workingDayAfter(rand: Rand, ms: number, n: number, hour: number, spreadHours: number) {
  let day = localMidnight(ms);
  for (let left = n; left > 0; ) {
    day += DAY;
    if (!isWeekend(day)) left--;
  }
  const at = day + hour * HOUR + Math.floor(rand() * spreadHours * HOUR);
  return at > ms ? at : ms + 10 * 60_000 + Math.floor(rand() * 2 * HOUR);
}

/** Working days (Mon–Fri) from `fromMs`, oldest first, `count` of them. */
export function workingDays(fromMs: number, count: number): number[] {
  const days: number[] = [];
  for (let day = localMidnight(fromMs); days.length < count; day += DAY) {
    if (!isWeekend(day)) days.push(day);
  }
  return days;
}

/** Working days (Mon–Fri) that end with the day before `untilMs`, oldest first. */
export function workingDaysBefore(untilMs: number, count: number): number[] {
  const days: number[] = [];
  for (let day = localMidnight(untilMs) - DAY; days.length < count; day -= DAY) {
    if (!isWeekend(day)) days.push(day);
  }
  return days.reverse();
}

// --- cases ------------------------------------------------------------------------------------

/** The eight events of a case's life, in order. */
export const LIFECYCLE: readonly EventType[] = [
  'case.registered',
  'batch.sent',
  'case.received',
  'case.decided',
  'case.signed',
  'result.sent',
  'result.received',
  'result.handed_out',
];

/** Steps a village device records; the others are the district's. */
export const isVillageStep = (step: number) => step <= 1 || step >= 6;

export interface OfficeRef {
  id: string;
  code: string;
  /** the akimat specialist and the akim of the office */
  staff: { id: string; shortName: string }[];
}

export interface CasePlan {
  caseId: string;
  office: OfficeRef;
  regNumber: string;
  serviceId: string;
  applicant: Person;
  documents: { id: string; isPresented: boolean }[];
  registeredMs: number;
  resultDue: string;
  acceptedBy: { staffId: string; shortName: string };
  batchId: string;
  batchNumber: string;
  caseCount: number;
  refusal?: string;
  recipient?: string;
  /** the instant of each lifecycle step the case has reached, in order */
  times: number[];
}

export interface PlanOptions {
  offices: readonly OfficeRef[];
  /** working days, each a local midnight (ms), oldest first */
  days: readonly number[];
  casesPerOfficePerDay: number;
  /** steps past this instant are not taken yet: recent cases are still in progress */
  nowMs: number;
  /** the device number in registration and batch numbers */
  deviceNo?: number;
  seed?: number;
  /** stop after this many cases */
  maxCases?: number;
}

const localDateTime = (ms: number) => offsetTime(ms).slice(0, 16);

/**
 * Cases office by office and day by day, each with a day's transfer batch and the timeline of its
 * life: received the next working day, decided within two weeks, signed and sent back, handed out
 * within a week. Registration numbers count per office and year as a device does.
 */
export function planCases(options: PlanOptions): CasePlan[] {
  const rand = seeded(options.seed ?? 1);
  const deviceNo = options.deviceNo ?? 1;
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const plans: CasePlan[] = [];
  for (const day of options.days) {
    const year = new Date(day + OFFSET_MS).getUTCFullYear();
    for (const office of options.offices) {
      const mean = options.casesPerOfficePerDay;
      const left = (options.maxCases ?? Number.POSITIVE_INFINITY) - plans.length;
      const count = Math.min(left, Math.max(1, Math.round(mean * (0.6 + rand() * 0.8))));
      if (count <= 0) return plans;
      const batchMs = day + 17 * HOUR + Math.floor(rand() * HOUR);
      const batchId = uuidv7({ msecs: batchMs });
      const batchNumber = formatBatchNumber(
        office.code,
        year,
        deviceNo,
        next(`b${office.id}${year}`),
      );
      for (let i = 0; i < count; i++) {
        const registeredMs = day + 9 * HOUR + Math.floor(((i + rand()) / count) * 8 * HOUR);
        const plan = makePlan(rand, office, registeredMs, {
          regNumber: formatRegNumber(office.code, year, deviceNo, next(`r${office.id}${year}`)),
          batchId,
          batchNumber,
          caseCount: count,
        });
        const received = workingDayAfter(rand, batchMs, 1, 9, 3);
        const decided = workingDayAfter(rand, received, int(rand, 1, 8), 10, 6);
        const signed = workingDayAfter(rand, decided, int(rand, 0, 1), 11, 5);
        const sent = signed + Math.floor(rand() * 2 * HOUR);
        const back = workingDayAfter(rand, sent, int(rand, 1, 2), 9, 4);
        const handed = workingDayAfter(rand, back, int(rand, 0, 5), 9, 8);
        const all = [registeredMs, batchMs, received, decided, signed, sent, back, handed];
        plan.times = all.filter((t) => t <= options.nowMs);
        plans.push(plan);
      }
    }
  }
  return plans;
}

const dueCache = new Map<string, string>();

/** The talon's result date; the same service registered in the same hour has the same date. */
function resultDue(service: Service, registeredAt: string): string {
  const key = `${service.id}|${registeredAt.slice(0, 13)}`;
  let due = dueCache.get(key);
  if (!due) {
    const channel = service.channels.akim;
    if (!channel) throw new Error(`service ${service.id} has no akim channel`);
    due = resultDueFor(DEFAULT_CALENDAR, channel, registeredAt);
    dueCache.set(key, due);
  }
  return due;
}

/**
 * One application: the applicant, the service and its checklist, the result date from the
 * deadline engine, who accepted it, and what the district will decide. `times` is left empty.
 */
export function makePlan(
  rand: Rand,
  office: OfficeRef,
  registeredMs: number,
  numbers: { regNumber: string; batchId: string; batchNumber: string; caseCount: number },
): CasePlan {
  const service = pickService(rand);
  const channel = service.channels.akim;
  const staff = rand() < 0.85 ? office.staff[0] : (office.staff[1] ?? office.staff[0]);
  if (!channel || !staff) throw new Error(`service ${service.id} has no akim channel`);
  const plan: CasePlan = {
    caseId: uuidv7({ msecs: registeredMs }),
    office,
    ...numbers,
    serviceId: service.id,
    applicant: makeApplicant(rand),
    documents: documentsFor(rand, service),
    registeredMs,
    resultDue: resultDue(service, localDateTime(registeredMs)),
    acceptedBy: { staffId: staff.id, shortName: staff.shortName },
    times: [],
  };
  if (rand() < 0.08) plan.refusal = pick(rand, REFUSALS);
  if (rand() < 0.15) {
    const by = makeApplicant(rand);
    plan.recipient = `${by.surname} ${by.givenName} (сенімхат бойынша)`;
  }
  return plan;
}

export interface Actors {
  /** the village device of the case's office */
  village(officeId: string): { deviceId: string; staffId: string };
  /** the district device, with the executor and the head */
  district: { deviceId: string; executorId: string; headId: string };
  /** next deviceSeq of a device */
  nextSeq(deviceId: string): number;
  /** SHA-256 for the ids: the app's by default; Node's where the world runs in Node */
  digest?: Sha256;
}

/** The event of one lifecycle step, as its device made it. */
export function eventOf(plan: CasePlan, step: number, actors: Actors): CaseEvent {
  const type = LIFECYCLE[step] as EventType;
  const ms = plan.times[step] as number;
  const village = actors.village(plan.office.id);
  const isVillage = isVillageStep(step);
  const deviceId = isVillage ? village.deviceId : actors.district.deviceId;
  const staffId = isVillage
    ? step === 0
      ? plan.acceptedBy.staffId
      : village.staffId
    : step === 4
      ? actors.district.headId
      : actors.district.executorId;
  const deviceSeq = actors.nextSeq(deviceId);
  const deviceTime = offsetTime(ms);
  return {
    // as the app makes it (src/db/append.ts)
    id: deriveEventId(
      { deviceId, deviceSeq, deviceTime, caseId: plan.caseId, type },
      actors.digest,
    ),
    type,
    caseId: plan.caseId,
    officeId: plan.office.id,
    deviceId,
    deviceSeq,
    staffId,
    deviceTime,
    payload: payloadOf(plan, type),
  } as CaseEvent;
}

function payloadOf(plan: CasePlan, type: EventType): PayloadOf<EventType> {
  switch (type) {
    case 'case.registered':
      return {
        regNumber: plan.regNumber,
        serviceId: plan.serviceId,
        catalogVersion: CATALOG_VERSION,
        channel: 'akim',
        applicant: plan.applicant,
        documents: plan.documents,
        registeredAt: localDateTime(plan.registeredMs),
        resultDue: plan.resultDue,
        acceptedBy: plan.acceptedBy,
      } satisfies PayloadOf<'case.registered'>;
    case 'batch.sent':
      return { batchId: plan.batchId, batchNumber: plan.batchNumber, caseCount: plan.caseCount };
    case 'case.received':
      return { batchId: plan.batchId };
    case 'case.decided':
      return plan.refusal ? { outcome: 'refused', reason: plan.refusal } : { outcome: 'approved' };
    case 'result.handed_out':
      return plan.recipient ? { recipient: plan.recipient } : {};
    default:
      return {};
  }
}

/** Every reached step of every plan, in time order (the order a server stores them in). */
export function timeline(plans: readonly CasePlan[]): { plan: CasePlan; step: number }[] {
  const steps: { plan: CasePlan; step: number; at: number }[] = [];
  for (const plan of plans) {
    plan.times.forEach((at, step) => {
      steps.push({ plan, step, at });
    });
  }
  steps.sort((a, b) => a.at - b.at || a.step - b.step);
  return steps;
}

/** A counter per device, from 1. */
export function seqCounter(start: Record<string, number> = {}): (deviceId: string) => number {
  const seqs = new Map(Object.entries(start));
  return (deviceId) => {
    const n = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, n);
    return n;
  };
}
