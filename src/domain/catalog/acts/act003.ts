/**
 * Act 003: resolution No. 74 of the Mangystau oblast akimat of 21 April 2014 approving twenty
 * regulations of state services in the field of social protection of the population
 * (seed `003_051d4fcbe1fd319b.txt`). This module holds the act and regulations 1–10
 * (`services003a`); every figure carries the seed lines it was read from.
 *
 * None of these regulations states a total term: where a channel's steps reach the result, the
 * total is the computed sum of its steps (`isStated: false`). The applicant's documents and the
 * refusal grounds are only referred to ("Standard, paragraph 9 / 10" of Government Decree
 * No. 217 of 11 March 2014), so the checklists are `per_standard` for a district administrator
 * to complete.
 *
 * A step needs a duration, so actions the regulation describes without a term (most ХҚО and all
 * e-gov portal actions) are kept in the channel's `notes` rather than as steps; such channels have
 * no computed total.
 */
import type {
  Act,
  Channel,
  Duration,
  Localized,
  SeedRef,
  Service,
  Step,
  TextItem,
} from '../schema';
import { withParagraph } from './paragraphs';

const SEED = '003_051d4fcbe1fd319b.txt';

type SpecialRule = Service['specialRules'][number];

/** Seed lines `from`–`to` (inclusive). */
function src(from: number, to: number = from): SeedRef {
  return { seed: SEED, lines: [from, to] };
}

function minutes(value: number): Duration {
  return { value, unit: 'minutes' };
}

function workingDays(value: number): Duration {
  return { value, unit: 'working_days' };
}

/** The provider of every regulation in this part (e.g. l. 93, l. 901). */
const DISTRICT_DEPARTMENTS: Localized = {
  kk: 'Маңғыстау облысының қалалық және аудандық жұмыспен қамту және әлеуметтік бағдарламалар бөлімдері',
  ru: 'Городские и районные отделы занятости и социальных программ Мангистауской области',
};

/** Reference to a paragraph of the national Standard of a service (Decree No. 217). */
function standardParagraph(paragraph: number, standard: Localized): Localized {
  return {
    kk: `«${standard.kk}» мемлекеттік көрсетілетін қызмет стандартының ${paragraph}-тармағы (Қазақстан Республикасы Үкіметінің 2014 жылғы 11 наурыздағы № 217 қаулысымен бекітілген)`,
    ru: `Пункт ${paragraph} стандарта государственной услуги «${standard.ru}» (утверждён постановлением Правительства Республики Казахстан от 11 марта 2014 года № 217)`,
  };
}

/** A recurring reading: the regulation's terms are step terms only, summed here. */
function computedTotalNote(extra?: Localized): Localized {
  const base: Localized = {
    kk: 'Регламентте жалпы мерзім көрсетілмеген; қадамдар мерзімдерінің қосындысы.',
    ru: 'Общий срок в регламенте не указан; сумма сроков шагов.',
  };
  return extra ? { kk: `${base.kk} ${extra.kk}`, ru: `${base.ru} ${extra.ru}` } : base;
}

const AMENDING_ACT_295: Localized = {
  kk: 'Маңғыстау облысы әкімдігінің 08.12.2014 № 295 қаулысы (жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)',
  ru: 'постановление акимата Мангистауской области от 08.12.2014 № 295 (вводится в действие по истечении десяти календарных дней после дня его опубликования)',
};

/** What amending act No. 295 of 08.12.2014 changed in a regulation. */
function amendedBy295(whatKk: string, whatRu: string, from: number, to: number): SpecialRule {
  return {
    kind: 'other',
    text: {
      kk: `${whatKk} – ${AMENDING_ACT_295.kk}.`,
      ru: `${whatRu} – ${AMENDING_ACT_295.ru}.`,
    },
    source: src(from, to),
  };
}

/** Para 5 of several regulations names an electronic request, though they have no portal channel. */
function electronicRequestWithoutPortal(line: number): TextItem {
  return {
    text: {
      kk: '5-тармақ рәсімдерді бастау негіздемесі ретінде «электрондық сұратуды» атайды, бірақ регламентте ЭҮП арнасы жоқ.',
      ru: 'Пункт 5 называет основанием для начала процедур «электронный запрос», но канала портала электронного правительства в регламенте нет.',
    },
    source: src(line),
  };
}

// ---------------------------------------------------------------------------------------------
// Steps that recur across the regulations, worded as in the seed's paragraph 8 and 13
// ---------------------------------------------------------------------------------------------

const ACTIONS = {
  register: {
    kk: 'Көрсетілетін қызметті алушының құжаттарын қабылдайды және тіркейді',
    ru: 'Принимает и регистрирует документы услугополучателя',
  },
  headReview: {
    kk: 'Құжаттар тіркелгеннен кейін өтінішті қарайды және жауапты орындаушыға жолдайды',
    ru: 'После регистрации документов рассматривает заявление и направляет его ответственному исполнителю',
  },
  review: {
    kk: 'Құжаттарды қарайды, нәтижені ресімдейді және басшыға қол қоюға береді',
    ru: 'Рассматривает документы, оформляет результат и передаёт руководителю на подпись',
  },
  sign: {
    kk: 'Нәтижеге қол қояды және жауапты орындаушыға жолдайды',
    ru: 'Подписывает результат и направляет ответственному исполнителю',
  },
  handout: {
    kk: 'Нәтижені көрсетілетін қызметті алушыға жолдайды (береді)',
    ru: 'Направляет (выдаёт) результат услугополучателю',
  },
  returnToAkim: {
    kk: 'Нәтижені ауылдық округ әкімінің аппаратына жолдайды',
    ru: 'Направляет результат в аппарат акима сельского округа',
  },
  akimHandout: {
    kk: 'Нәтижені көрсетілетін қызметті алушыға береді',
    ru: 'Выдаёт результат услугополучателю',
  },
} satisfies Record<string, Localized>;

type StepExtras = Pick<Step, 'note'>;

/** The provider's responsible executor accepts and registers the documents: 15 minutes. */
function registerStep(line: number): Step {
  return {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: ACTIONS.register,
    duration: minutes(15),
    source: withParagraph(src(line)),
  };
}

/** The provider's head reviews the application after registration: 1 working day. */
function headReviewStep(line: number): Step {
  return {
    id: 'head_review',
    role: 'district_head',
    stage: 'review',
    action: ACTIONS.headReview,
    duration: workingDays(1),
    source: withParagraph(src(line)),
  };
}

function reviewStep(days: number, from: number, to: number = from, extras: StepExtras = {}): Step {
  return {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: ACTIONS.review,
    duration: workingDays(days),
    ...extras,
    source: withParagraph(src(from, to)),
  };
}

/** The provider's head signs the result: 1 working day. */
function signStep(line: number): Step {
  return {
    id: 'sign',
    role: 'district_head',
    stage: 'sign',
    action: ACTIONS.sign,
    duration: workingDays(1),
    source: withParagraph(src(line)),
  };
}

/** The provider's responsible executor sends (issues) the result: 1 working day. */
function handoutStep(line: number): Step {
  return {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: ACTIONS.handout,
    duration: workingDays(1),
    source: withParagraph(src(line)),
  };
}

/** The provider's responsible executor sends the result to the akim apparatus: 2 working days. */
function returnToAkimStep(line: number): Step {
  return {
    id: 'return',
    role: 'district_executor',
    stage: 'return',
    action: ACTIONS.returnToAkim,
    duration: workingDays(2),
    source: withParagraph(src(line)),
  };
}

/** The akim apparatus specialist hands the result out: 1 working day. */
function akimHandoutStep(line: number): Step {
  return {
    id: 'handout',
    role: 'akimat_specialist',
    stage: 'handout',
    action: ACTIONS.akimHandout,
    duration: workingDays(1),
    source: withParagraph(src(line)),
  };
}

/**
 * The akim apparatus registers the application and issues the talon; the seed puts 13 working
 * days on this step. Qabyldau reads them as the limit for forwarding the case to the district.
 */
function akimRegisterForwardStep(line: number, action: Localized): Step {
  return {
    id: 'register_forward',
    role: 'akimat_specialist',
    stage: 'forward',
    action,
    duration: workingDays(13),
    note: {
      kk: `Сид 13 жұмыс күнін тіркеу және талон беру қадамына жазады (${line}-жол); істі ауданға жіберу қадамы жеке жазылмаған. Qabyldau бұл мерзімді ауылдық округ әкімі аппараты істі көрсетілетін қызметті берушіге жіберуге тиіс шекті мерзім деп оқиды. Оқылуы күмәнді: бұл арнаның жалпы мерзімі немесе талондағы алу күні болуы да мүмкін.`,
      ru: `В сиде 13 рабочих дней отнесены к шагу регистрации и выдачи талона (стр. ${line}); отдельного шага передачи дела в отдел нет. Qabyldau читает этот срок как предельный срок, в который аппарат акима сельского округа должен передать дело услугодателю. Прочтение неоднозначно: это может быть и общий срок канала, или дата получения услуги в талоне.`,
    },
    source: withParagraph(src(line)),
  };
}

/** Total of the 13 / 5 / 1 / 2 / 1 akim chain (regulations 6 and 7). */
function akimChainTotal(line: number): NonNullable<Channel['total']> {
  return {
    value: 22,
    unit: 'working_days',
    isStated: false,
    note: computedTotalNote({
      kk: `13 + 5 + 1 + 2 + 1 жұмыс күні. 13 жұмыс күні арнаның жалпы мерзімі деп оқылса, нәтиже ертерек дайын болуы мүмкін (${line}-жол).`,
      ru: `13 + 5 + 1 + 2 + 1 рабочих дней. Если 13 рабочих дней читать как общий срок канала, результат может быть готов раньше (стр. ${line}).`,
    }),
  };
}

const AKIM_NO_RECEIVE_STEP: Localized = {
  kk: 'Регламентте аудан бөлімінің істі қабылдап тіркеу қадамы жоқ.',
  ru: 'В регламенте нет шага приёма и регистрации дела в районном отделе.',
};

/** Provider channel of regulations 4, 5, 8, 9, 10: 15 min, then 1 / 7 / 1 / 1 working days. */
function headFirstProviderChannel(lines: {
  para: number;
  register: number;
  headReview: number;
  review: number;
  sign: number;
  handout: number;
}): Channel {
  return {
    steps: [
      registerStep(lines.register),
      headReviewStep(lines.headReview),
      reviewStep(7, lines.review),
      signStep(lines.sign),
      handoutStep(lines.handout),
    ],
    total: {
      value: 10,
      unit: 'working_days',
      isStated: false,
      note: computedTotalNote({
        kk: '1 + 7 + 1 + 1 жұмыс күні; құжаттарды қабылдау мен тіркеудің 15 минуты қосылмаған.',
        ru: '1 + 7 + 1 + 1 рабочих дней; 15 минут на приём и регистрацию документов не включены.',
      }),
    },
    submissionDayCounts: null,
    source: src(lines.para, lines.handout),
  };
}

/** Provider channel of regulations 1, 6, 7: 15 min, then review / 1 / 1 working days. */
function registerFirstProviderChannel(
  reviewDays: number,
  lines: { para: number; register: number; review: number; sign: number; handout: number },
): Channel {
  return {
    steps: [
      registerStep(lines.register),
      reviewStep(reviewDays, lines.review),
      signStep(lines.sign),
      handoutStep(lines.handout),
    ],
    total: {
      value: reviewDays + 2,
      unit: 'working_days',
      isStated: false,
      note: computedTotalNote({
        kk: `${reviewDays} + 1 + 1 жұмыс күні; құжаттарды қабылдау мен тіркеудің 15 минуты қосылмаған.`,
        ru: `${reviewDays} + 1 + 1 рабочих дней; 15 минут на приём и регистрацию документов не включены.`,
      }),
    },
    submissionDayCounts: null,
    source: src(lines.para, lines.handout),
  };
}

// ---------------------------------------------------------------------------------------------
// ХҚО (public service centre) and e-gov portal
// ---------------------------------------------------------------------------------------------

/** The ХҚО employee takes the identity data from the state information systems: 10 minutes. */
function psoIdentityStep(line: number, checkLine: number): Step {
  return {
    id: 'fetch_identity_data',
    role: 'pso_operator',
    stage: 'intake',
    action: {
      kk: 'Жеке басын куәландыратын құжаттардың мәліметін ақпараттық жүйеден ЭЦҚ қойылған электрондық деректер түрінде алады',
      ru: 'Получает сведения документов, удостоверяющих личность, из информационной системы в виде электронных данных, подписанных ЭЦП',
    },
    duration: minutes(10),
    note: {
      kk: `Содан кейін ХҚО қызметшісі түпнұсқаларды ақпараттық жүйелердің мәліметтерімен салыстырып, алушыға қайтарады (${checkLine}-жол); бұл әрекеттің мерзімі көрсетілмеген.`,
      ru: `Затем работник ЦОН сверяет оригиналы со сведениями информационных систем и возвращает их услугополучателю (стр. ${checkLine}); срок этого действия не указан.`,
    },
    source: withParagraph(src(line, checkLine)),
  };
}

/** The receipt of acceptance of the documents is issued: 5 minutes. */
function psoReceiptStep(line: number): Step {
  return {
    id: 'issue_receipt',
    role: 'pso_operator',
    stage: 'intake',
    action: {
      kk: 'Тиісті құжаттарды қабылдағандығы туралы қолхат береді',
      ru: 'Выдаёт расписку о приёме соответствующих документов',
    },
    duration: minutes(5),
    source: withParagraph(src(line)),
  };
}

const PSO_NO_BACK_OFFICE: Localized = {
  kk: 'Регламентте ХҚО арқылы берілген өтінішті көрсетілетін қызметті берушінің өңдеу мерзімі де, нәтиженің ХҚО-ға қайтарылу мерзімі де көрсетілмеген; сондықтан жалпы мерзім есептелмеген.',
  ru: 'Регламент не указывает ни сроков обработки заявления, поданного через ЦОН, у услугодателя, ни срока возврата результата в ЦОН; поэтому общий срок не рассчитан.',
};

function psoWindowNote(line: number, withRepresentative: boolean): Localized {
  return withRepresentative
    ? {
        kk: `Нәтиже ХҚО-ға жеке хабарласқан кезде (не сенімхат бойынша өкілге) «терезе» арқылы беріледі (${line}-жол).`,
        ru: `Результат выдаётся при личном обращении в ЦОН (или представителю по доверенности) через «окно» (стр. ${line}).`,
      }
    : {
        kk: `Нәтиже ХҚО-ға жеке хабарласқан кезде «терезе» арқылы беріледі (${line}-жол).`,
        ru: `Результат выдаётся при личном обращении в ЦОН через «окно» (стр. ${line}).`,
      };
}

/** Line numbers of the ten-item e-gov portal procedure (regulations 1 and 3). */
interface EgovLines {
  para: number;
  register: number;
  authRefusal: number;
  request: number;
  edsRefusal: number;
  send: number;
  providerCheck: number;
  result: [number, number];
}

function egovChannel(lines: EgovLines, attachesCopies: boolean): Channel {
  const [resultFrom, resultTo] = lines.result;
  return {
    steps: [],
    submissionDayCounts: null,
    notes: [
      {
        kk: `Көрсетілетін қызметті алушы ЭҮП-да ЖСН/БСН және пароль арқылы тіркеледі және авторизациядан өтеді; деректерде бұзушылық болса, ЭҮП авторизациядан бас тарту туралы хабарлама қалыптастырады (${lines.register}–${lines.authRefusal}-жолдар).`,
        ru: `Услугополучатель регистрируется на портале по ИИН/БИН и паролю и проходит авторизацию; при нарушениях в данных портал формирует сообщение об отказе в авторизации (стр. ${lines.register}–${lines.authRefusal}).`,
      },
      attachesCopies
        ? {
            kk: `Алушы қызметті таңдап, сұрату үлгісін толтырады, Стандарттың 9-тармағында көрсетілген құжаттардың электрондық көшірмелерін бекітеді және ЭЦҚ-мен қол қояды; ЭҮП ЭЦҚ тіркеу куәлігін тексереді, расталмаса қызметтен бас тарту туралы хабарлама қалыптастырады (${lines.request}–${lines.edsRefusal}-жолдар).`,
            ru: `Услугополучатель выбирает услугу, заполняет форму запроса, прикрепляет электронные копии документов, указанных в пункте 9 Стандарта, и подписывает ЭЦП; портал проверяет регистрационное свидетельство ЭЦП и при неподтверждении формирует сообщение об отказе в услуге (стр. ${lines.request}–${lines.edsRefusal}).`,
          }
        : {
            kk: `Алушы қызметті таңдап, сұрату үлгісін толтырады және ЭЦҚ-мен қол қояды; ЭҮП ЭЦҚ тіркеу куәлігін тексереді, расталмаса қызметтен бас тарту туралы хабарлама қалыптастырады (${lines.request}–${lines.edsRefusal}-жолдар).`,
            ru: `Услугополучатель выбирает услугу, заполняет форму запроса и подписывает ЭЦП; портал проверяет регистрационное свидетельство ЭЦП и при неподтверждении формирует сообщение об отказе в услуге (стр. ${lines.request}–${lines.edsRefusal}).`,
          },
      {
        kk: `Сұрату ЭҮШ арқылы ЭҮӨШ АЖО-ға көрсетілетін қызметті берушінің өңдеуіне жолданады; қызмет беруші құжаттар мен қызмет көрсету негіздерінің Стандарттың 9-тармағына сәйкестігін тексереді (${lines.send}–${lines.providerCheck}-жолдар).`,
        ru: `Запрос через ШЭП направляется в АРМ РШЭП на обработку услугодателю; услугодатель проверяет соответствие документов и оснований для оказания услуги пункту 9 Стандарта (стр. ${lines.send}–${lines.providerCheck}).`,
      },
      {
        kk: `Алушы ЭҮП қалыптастырған нәтижені (электрондық құжат түріндегі хабарлама) алады; электрондық құжат көрсетілетін қызметті берушінің уәкілетті тұлғасының ЭЦҚ-мен қалыптастырылады (${resultFrom}–${resultTo}-жолдар).`,
        ru: `Услугополучатель получает результат, сформированный порталом (уведомление в форме электронного документа), подписанный ЭЦП уполномоченного лица услугодателя (стр. ${resultFrom}–${resultTo}).`,
      },
      {
        kk: 'Регламент ЭҮП арнасындағы әрекеттерге мерзім көрсетпейді және көрсетілетін қызметті берушінің 8-тармақтағы қадамдары ЭҮП сұратуларына қолданыла ма, айтпайды.',
        ru: 'Регламент не указывает сроков действий на портале и не говорит, применяются ли шаги услугодателя из пункта 8 к запросам с портала.',
      },
    ],
    source: src(lines.para, resultTo),
  };
}

// ---------------------------------------------------------------------------------------------
// The act
// ---------------------------------------------------------------------------------------------

export const act003 = {
  id: '003',
  title: {
    kk: 'Халықты әлеуметтік қорғау саласындағы мемлекеттік қызмет регламенттерін бекіту туралы',
    ru: 'Об утверждении регламентов государственных услуг в сфере социальной защиты населения',
  },
  issuer: { kk: 'Маңғыстау облысы әкімдігі', ru: 'Акимат Мангистауской области' },
  number: '74',
  date: '2014-04-21',
  justiceRegistration: { number: '2432', date: '2014-05-26' },
  repeal: {
    number: '241 / 342',
    date: '2015-11-04',
    note: {
      kk: 'Күші жойылды – Маңғыстау облысы әкімдігінің 2015 жылғы 04 қарашадағы қаулысымен. Тақырыптағы мәтінде (7-жол) № 241, ескертуде (9-жол) № 342; ескерту бойынша қаулы жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.',
      ru: 'Утратило силу постановлением акимата Мангистауской области от 04.11.2015. В шапке документа (стр. 7) указан № 241, в примечании (стр. 9) – № 342; по примечанию постановление вводится в действие по истечении десяти календарных дней после дня его опубликования.',
    },
  },
  region: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область' },
  seed: SEED,
  source: src(1, 83),
  inconsistencies: [
    {
      text: {
        kk: 'Күшін жойған қаулының нөмірі екі түрлі: 7-жолда № 241, 9-жолдағы ескертуде № 342 (екеуінде де күні 04.11.2015). Мәтін қайсысы дұрыс екенін шешпейді.',
        ru: 'Номер отменяющего постановления указан по-разному: в стр. 7 – № 241, в примечании в стр. 9 – № 342 (дата в обоих случаях 04.11.2015). Текст не позволяет установить, какой верен.',
      },
      source: src(7, 9),
    },
  ],
} satisfies Act;

// ---------------------------------------------------------------------------------------------
// Regulation 1: registration of unemployed citizens (ll. 85–279)
// ---------------------------------------------------------------------------------------------

const UNEMPLOYED_REGISTRATION: Localized = {
  kk: 'Жұмыссыз азаматтарды тіркеу және есепке қою',
  ru: 'Регистрация и постановка на учет безработных граждан',
};

const service01 = {
  id: '003-01',
  actId: '003',
  name: UNEMPLOYED_REGISTRATION,
  gloss: 'Registration of unemployed citizens',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(93) },
  channels: {
    provider: registerFirstProviderChannel(3, {
      para: 125,
      register: 127,
      review: 129,
      sign: 131,
      handout: 133,
    }),
    pso: {
      steps: [],
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Көрсетілетін қызметті алушы ХҚО-ға Стандарттың 9-тармағында көрсетілген құжаттарды ұсынады (139-жол).',
          ru: 'Услугополучатель представляет в ЦОН документы, указанные в пункте 9 Стандарта (стр. 139).',
        },
        {
          kk: 'Жеке басын куәландыратын құжат туралы мәліметтерді көрсетілетін қызметті беруші немесе ХҚО мемлекеттік ақпараттық жүйелерден портал арқылы ЭЦҚ куәландырылған электрондық құжаттар нысанында алады (141–143-жолдар).',
          ru: 'Сведения о документе, удостоверяющем личность, услугодатель или ЦОН получает из государственных информационных систем через портал в форме электронных документов, удостоверенных ЭЦП (стр. 141–143).',
        },
        {
          kk: 'Барлық қажетті құжаттар тапсырылғанда қолхат беріледі (149-жол); толық топтама ұсынылмаса, ХҚО қызметкері құжаттарды қабылдаудан бас тарту туралы қолхат береді (151-жол).',
          ru: 'При сдаче всех необходимых документов выдаётся расписка (стр. 149); при неполном пакете работник ЦОН выдаёт расписку об отказе в приёме документов (стр. 151).',
        },
        {
          kk: 'Регламент ХҚО арнасындағы әрекеттердің ешқайсысына мерзім көрсетпейді; ХҚО арқылы түскен өтінішті өңдеу мен нәтижені қайтару тәртібі сипатталмаған.',
          ru: 'Регламент не указывает сроков ни для одного действия в канале ЦОН; порядок обработки заявления, поданного через ЦОН, и возврата результата не описан.',
        },
      ],
      source: src(137, 153),
    },
    egov: egovChannel(
      {
        para: 155,
        register: 157,
        authRefusal: 163,
        request: 165,
        edsRefusal: 171,
        send: 173,
        providerCheck: 175,
        result: [177, 177],
      },
      false,
    ),
  },
  results: [
    {
      text: {
        kk: 'Қағаз немесе электрондық түрде жұмыссыз ретінде тіркеу және есепке қою туралы хабарлама',
        ru: 'Уведомление о регистрации и постановке на учет в качестве безработного в бумажной или электронной форме',
      },
      source: src(101),
    },
  ],
  fee: { kind: 'free', source: src(102) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, UNEMPLOYED_REGISTRATION),
    source: src(106),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [
    {
      text: { kk: 'Тіркеу күні', ru: 'Дата регистрации' },
      source: src(149),
    },
    {
      text: { kk: 'Мемлекеттік қызметті алу күні', ru: 'Дата получения государственной услуги' },
      source: src(149),
    },
    {
      text: {
        kk: 'Құжаттарды қабылдаған адамның тегі мен аты-жөні',
        ru: 'Фамилия и имя (инициалы) лица, принявшего документы',
      },
      source: src(149),
    },
  ],
  specialRules: [
    {
      kind: 'return_incomplete_package',
      text: {
        kk: 'Стандарттың 9-тармағындағы тізбеге сәйкес құжаттардың толық топтамасы ұсынылмаса, ХҚО қызметкері құжаттарды қабылдаудан бас тарту туралы қолхат береді.',
        ru: 'Если не представлен полный пакет документов согласно перечню пункта 9 Стандарта, работник ЦОН выдаёт расписку об отказе в приёме документов.',
      },
      source: src(151),
    },
    {
      kind: 'other',
      text: {
        kk: 'Заңмен қорғалатын құпияны құрайтын мәліметтерді пайдалануға көрсетілетін қызметті алушының жазбаша келісімі алынады (заңдарда өзгеше көзделмесе).',
        ru: 'На использование сведений, составляющих охраняемую законом тайну, берётся письменное согласие услугополучателя (если иное не предусмотрено законами).',
      },
      source: src(145),
    },
    {
      kind: 'other',
      text: {
        kk: 'Ақпараттық жүйелерден алынуы мүмкін құжаттарды көрсетілетін қызметті алушылардан талап етуге жол берілмейді.',
        ru: 'Не допускается требовать от услугополучателей документы, которые могут быть получены из информационных систем.',
      },
      source: src(147),
    },
    amendedBy295(
      '5-тармақ жаңа редакцияда; регламент 16-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 4-қосымшамен толықтырылды',
      'Пункт 5 в новой редакции; регламент дополнен пунктом 16 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 4',
      108,
      266,
    ),
  ],
  inconsistencies: [
    {
      text: {
        kk: '11-тармақтағы қолхат (149-жол) ХҚО бөлімінде тұр, бірақ арнаны атамайды.',
        ru: 'Расписка пункта 11 (стр. 149) стоит в разделе о ЦОН, но канал не называет.',
      },
      source: src(149),
    },
  ],
  source: src(85, 279),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 2: citizens affected by the Semipalatinsk nuclear tests (ll. 280–429)
// ---------------------------------------------------------------------------------------------

const NUCLEAR_TEST_VICTIMS: Localized = {
  kk: 'Семей ядролық сынақ полигонында ядролық сынақтардың салдарынан зардап шеккен азаматтарды тіркеу және есепке алу, біржолғы мемлекеттік ақшалай өтемақы төлеу, куәліктер беру',
  ru: 'Регистрация и учет граждан, пострадавших вследствие ядерных испытаний на Семипалатинском испытательном ядерном полигоне, выплата единовременной государственной денежной компенсации, выдача удостоверений',
};

const service02 = {
  id: '003-02',
  actId: '003',
  name: NUCLEAR_TEST_VICTIMS,
  gloss: 'Semipalatinsk nuclear-test victims: registration, one-time compensation, certificates',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(290) },
  channels: {
    provider: {
      steps: [
        registerStep(336),
        reviewStep(18, 338, 346, {
          note: {
            kk: 'Негізгі мерзім – зардап шеккендер деп тану туралы шешім қабылдау, 18 жұмыс күні (340–342-жолдар). Алғаш жүгінген алушыға куәлік тіркеу туралы шешім қабылданғаннан кейін 3 жұмыс күні ішінде беріледі (344-жол), сондықтан «алғашқы куәлік» нұсқасы 18 + 3 = 21 жұмыс күні деп оқылды; телнұсқа – 3 жұмыс күні (346-жол). Барлық үш мерзім де 2-рәсімде тұр, басшының қолы мен беру одан кейін.',
            ru: 'Основной срок – принятие решения о признании пострадавшим, 18 рабочих дней (стр. 340–342). Впервые обратившемуся удостоверение выдаётся в течение 3 рабочих дней после принятия решения о регистрации (стр. 344), поэтому вариант «первое удостоверение» прочитан как 18 + 3 = 21 рабочий день; дубликат – 3 рабочих дня (стр. 346). Все три срока стоят в процедуре 2, подпись руководителя и выдача – после неё.',
          },
        }),
        signStep(348),
        handoutStep(350),
      ],
      variants: [
        {
          id: 'first_certificate',
          name: {
            kk: 'Алғаш жүгінген алушыға куәлік: тіркеу туралы шешім (18 жұмыс күні) және одан кейін 3 жұмыс күні',
            ru: 'Удостоверение впервые обратившемуся: решение о регистрации (18 рабочих дней) и затем 3 рабочих дня',
          },
          durations: { review: workingDays(21) },
          source: withParagraph(src(340, 344)),
        },
        {
          id: 'duplicate',
          name: { kk: 'Куәліктің телнұсқасын беру', ru: 'Выдача дубликата удостоверения' },
          durations: { review: workingDays(3) },
          source: withParagraph(src(346)),
        },
      ],
      total: {
        value: 20,
        unit: 'working_days',
        isStated: false,
        note: computedTotalNote({
          kk: 'Шешім үшін: 18 + 1 + 1 жұмыс күні; телнұсқа үшін 3 + 1 + 1 = 5 жұмыс күні; алғашқы куәлік шешімнен кейін тағы 3 жұмыс күні ішінде, яғни 21 + 1 + 1 = 23 жұмыс күні. Құжаттарды қабылдаудың 15 минуты қосылмаған.',
          ru: 'Для решения: 18 + 1 + 1 рабочих дней; для дубликата 3 + 1 + 1 = 5 рабочих дней; первое удостоверение – ещё в течение 3 рабочих дней после решения, то есть 21 + 1 + 1 = 23 рабочих дня. 15 минут на приём документов не включены.',
        }),
      },
      submissionDayCounts: null,
      source: src(334, 350),
    },
    pso: {
      steps: [psoIdentityStep(358, 360)],
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Барлық қажетті құжаттар тапсырылғаннан кейін қолхат беріледі (362-жол); мерзімі көрсетілмеген.',
          ru: 'После сдачи всех необходимых документов выдаётся расписка (стр. 362); срок не указан.',
        },
        PSO_NO_BACK_OFFICE,
      ],
      source: src(354, 371),
    },
  },
  results: [
    {
      text: {
        kk: 'Қызмет берушіде немесе ХҚО-да: Қазақстан Республикасының азаматтарын Семей ядролық сынақ полигонындағы ядролық сынақтардың салдарынан зардап шеккендер деп тану туралы шешім',
        ru: 'У услугодателя или в ЦОН: решение о признании граждан Республики Казахстан пострадавшими вследствие ядерных испытаний на Семипалатинском испытательном ядерном полигоне',
      },
      source: src(300, 302),
    },
    {
      text: {
        kk: 'Қызмет берушіде немесе ХҚО-да: куәлікті немесе оның телнұсқасын беру',
        ru: 'У услугодателя или в ЦОН: выдача удостоверения или его дубликата',
      },
      source: src(304),
    },
    {
      text: {
        kk: 'ЗТМО-да: көрсетілетін қызметті алушының дербес шотына аудару арқылы өтемақы төлеу',
        ru: 'В ЗТМО (аббревиатура в регламенте не раскрыта): выплата компенсации путём перечисления на лицевой счёт услугополучателя',
      },
      source: src(305, 307),
    },
    {
      text: {
        kk: 'ЗТМО-да: бас бостандығынан айыру орындарында жазасын өтеп жүрген алушыларға жеке және заңды тұлғалардың ақшасын уақытша орналастыру қолма-қол ақшаны бақылау шоттарына аудару арқылы өтемақы төлеу',
        ru: 'В ЗТМО: услугополучателям, отбывающим наказание в местах лишения свободы, выплата компенсации путём перечисления на контрольные счета наличности временного размещения денег физических и юридических лиц',
      },
      source: src(309),
    },
  ],
  fee: { kind: 'free', source: src(311) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, NUCLEAR_TEST_VICTIMS),
    source: src(315),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [
    {
      text: { kk: 'Қабылданған құжаттардың тізбесі', ru: 'Перечень принятых документов' },
      source: src(362),
    },
    {
      text: {
        kk: 'Өтінішті қабылдаған ХҚО қызметкерінің тегі, аты, әкесінің аты (болған кезде)',
        ru: 'Фамилия, имя, отчество (при наличии) работника ЦОН, принявшего заявление',
      },
      source: src(362),
    },
    {
      text: { kk: 'Өтінішті берген күні және уақыты', ru: 'Дата и время подачи заявления' },
      source: src(362),
    },
  ],
  specialRules: [
    {
      kind: 'return_incomplete_package',
      text: {
        kk: 'Стандарттың 9-тармағындағы тізбеге сәйкес құжаттардың толық топтамасы ұсынылмаса, ХҚО қызметкері құжаттарды қабылдаудан бас тарту туралы қолхат береді.',
        ru: 'Если не представлен полный пакет документов согласно перечню пункта 9 Стандарта, работник ЦОН выдаёт расписку об отказе в приёме документов.',
      },
      source: src(364, 368),
    },
    {
      kind: 'other',
      text: {
        kk: 'Өтемақыны ЗТМО төлейді: алушының дербес шотына, ал бас бостандығынан айыру орындарындағы алушыларға – бақылау шоттарына.',
        ru: 'Компенсацию выплачивает ЗТМО: на лицевой счёт услугополучателя, а находящимся в местах лишения свободы – на контрольные счета.',
      },
      source: src(305, 309),
    },
    amendedBy295(
      'Регламент 14-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 3-қосымшамен толықтырылды',
      'Регламент дополнен пунктом 14 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 3',
      373,
      404,
    ),
  ],
  inconsistencies: [
    {
      text: {
        kk: 'Қаулының тізбесінде (25-жол) «... куәлік беру» (жекеше), ал регламенттің атауы мен 1-тармағында (284–290-жолдар) «... куәліктер беру»; мұнда регламенттің өз атауы алынды.',
        ru: 'В перечне постановления (стр. 25) «... куәлік беру» (ед. ч.), а в названии и пункте 1 регламента (стр. 284–290) «... куәліктер беру»; здесь взято собственное название регламента.',
      },
      source: src(25, 290),
    },
    {
      text: {
        kk: '«ЗТМО» қысқартуы мәтінде ашылмаған (305-жол).',
        ru: 'Аббревиатура «ЗТМО» в тексте не раскрыта (стр. 305).',
      },
      source: src(305),
    },
    electronicRequestWithoutPortal(315),
  ],
  source: src(280, 429),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 3: certificates to unemployed citizens (ll. 430–656)
// ---------------------------------------------------------------------------------------------

const UNEMPLOYED_CERTIFICATES: Localized = {
  kk: 'Жұмыссыз азаматтарға анықтамалар беру',
  ru: 'Выдача справок безработным гражданам',
};

const service03 = {
  id: '003-03',
  actId: '003',
  name: UNEMPLOYED_CERTIFICATES,
  gloss: 'Certificate of registration as unemployed',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(454) },
  channels: {
    provider: {
      steps: [
        {
          id: 'register_review',
          role: 'district_executor',
          stage: 'review',
          action: {
            kk: 'Құжаттарды қабылдайды, тіркейді және қарайды, нәтижені ресімдейді және басшыға қол қоюға береді',
            ru: 'Принимает, регистрирует и рассматривает документы, оформляет результат и передаёт руководителю на подпись',
          },
          duration: minutes(7),
          note: {
            kk: 'Бір қадам қабылдау мен тіркеуді де, қарау мен ресімдеуді де қамтиды (8-тармақ, № 295 редакциясы).',
            ru: 'Один шаг охватывает и приём с регистрацией, и рассмотрение с оформлением (пункт 8 в редакции № 295).',
          },
          source: withParagraph(src(498)),
        },
        {
          id: 'sign',
          role: 'district_head',
          stage: 'sign',
          action: ACTIONS.sign,
          duration: minutes(2),
          source: withParagraph(src(500)),
        },
        {
          id: 'handout',
          role: 'district_executor',
          stage: 'handout',
          action: ACTIONS.handout,
          duration: minutes(1),
          source: withParagraph(src(502)),
        },
      ],
      total: {
        value: 10,
        unit: 'minutes',
        isStated: false,
        note: computedTotalNote({ kk: '7 + 2 + 1 минут.', ru: '7 + 2 + 1 минут.' }),
      },
      submissionDayCounts: null,
      notes: [
        {
          kk: '8-тармақ № 295 қаулымен жаңа редакцияда берілген: қадамдар минутпен (504-жол).',
          ru: 'Пункт 8 изложен в новой редакции постановлением № 295: сроки шагов в минутах (стр. 504).',
        },
      ],
      source: src(494, 504),
    },
    pso: {
      steps: [psoIdentityStep(512, 514), psoReceiptStep(516)],
      submissionDayCounts: null,
      notes: [PSO_NO_BACK_OFFICE, psoWindowNote(518, false)],
      source: src(508, 520),
    },
    egov: egovChannel(
      {
        para: 522,
        register: 524,
        authRefusal: 530,
        request: 532,
        edsRefusal: 536,
        send: 538,
        providerCheck: 540,
        result: [542, 546],
      },
      true,
    ),
  },
  results: [
    {
      text: {
        kk: 'Жұмыссыз ретінде тіркеу туралы анықтама',
        ru: 'Справка о регистрации в качестве безработного',
      },
      source: src(466),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: электрондық және (немесе) қағаз түрінде',
        ru: 'Форма предоставления результата: электронная и (или) бумажная',
      },
      source: src(468),
    },
  ],
  fee: { kind: 'free', source: src(470) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, UNEMPLOYED_CERTIFICATES),
    source: src(474),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [
    {
      text: {
        kk: 'Тиісті құжаттарды қабылдағандығы туралы (ХҚО; қолхаттың өзге мазмұны көрсетілмеген)',
        ru: 'О приёме соответствующих документов (ЦОН; иное содержание расписки не указано)',
      },
      source: src(516),
    },
  ],
  specialRules: [
    amendedBy295(
      '8-тармақ жаңа редакцияда (қадамдар минутпен: 7, 2, 1); регламент 15-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 4-қосымшамен толықтырылды',
      'Пункт 8 в новой редакции (сроки шагов в минутах: 7, 2, 1); регламент дополнен пунктом 15 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 4',
      504,
      643,
    ),
  ],
  inconsistencies: [
    {
      text: {
        kk: '6-тармақ төрт рәсімді атайды (қабылдау және тіркеу; қарау және ресімдеу; қол қою; жолдау), ал № 295 редакциясындағы 8-тармақта үш қадам бар.',
        ru: 'Пункт 6 называет четыре процедуры (приём и регистрация; рассмотрение и оформление; подпись; направление), а пункт 8 в редакции № 295 содержит три шага.',
      },
      source: src(476, 502),
    },
    {
      text: {
        kk: 'Нәтиже – анықтама (466-жол), ал ЭҮП бөлімі нәтижені «электрондық құжат түріндегі хабарлама» деп атайды (542–546-жолдар).',
        ru: 'Результат – справка (стр. 466), а раздел о портале называет результат «уведомлением в форме электронного документа» (стр. 542–546).',
      },
      source: src(466, 546),
    },
  ],
  source: src(430, 656),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 4: documents for prosthetic-orthopaedic aid (ll. 657–762)
// ---------------------------------------------------------------------------------------------

const PROSTHETIC_AID: Localized = {
  kk: 'Мүгедектерге протездік-ортопедиялық көмек ұсыну үшін оларға құжаттарды ресімдеу',
  ru: 'Оформление документов на инвалидов для предоставления им протезно-ортопедической помощи',
};

const service04 = {
  id: '003-04',
  actId: '003',
  name: PROSTHETIC_AID,
  gloss: 'Documents for prosthetic-orthopaedic aid for persons with disabilities',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(677) },
  channels: {
    provider: headFirstProviderChannel({
      para: 710,
      register: 712,
      headReview: 714,
      review: 716,
      sign: 718,
      handout: 720,
    }),
  },
  results: [
    {
      text: {
        kk: 'Мүгедектерге протездік-ортопедиялық көмек ұсыну мерзімдерін көрсете отырып құжаттарды ресімдеу туралы хабарлама',
        ru: 'Уведомление об оформлении документов с указанием сроков предоставления инвалидам протезно-ортопедической помощи',
      },
      source: src(683),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(685),
    },
  ],
  fee: { kind: 'free', source: src(687) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, PROSTHETIC_AID),
    source: src(691),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    amendedBy295(
      '9-тармақ және 1-қосымша (блок-схема) жаңа редакцияда; регламент 10-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 2-қосымшамен толықтырылды',
      'Пункт 9 и приложение 1 (блок-схема) в новой редакции; регламент дополнен пунктом 10 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 2',
      724,
      750,
    ),
  ],
  inconsistencies: [electronicRequestWithoutPortal(691)],
  source: src(657, 762),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 5: documents for surdo-/typhlo-technical aids and hygiene products (ll. 763–874)
// ---------------------------------------------------------------------------------------------

const SURDO_TYPHLO_AIDS: Localized = {
  kk: 'Мүгедектерді сурдо-тифлотехникалық және міндетті гигиеналық құралдармен қамтамасыз ету үшін оларға құжаттарды ресімдеу',
  ru: 'Оформление документов на инвалидов для обеспечения их сурдотифлотехническими и обязательными гигиеническими средствами',
};

const service05 = {
  id: '003-05',
  actId: '003',
  name: SURDO_TYPHLO_AIDS,
  gloss: 'Documents for hearing/vision aids and hygiene products for persons with disabilities',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(779) },
  channels: {
    provider: headFirstProviderChannel({
      para: 814,
      register: 816,
      headReview: 818,
      review: 820,
      sign: 822,
      handout: 824,
    }),
  },
  results: [
    {
      text: {
        kk: 'Мүгедектерге сурдо-тифлотехникалық және міндетті гигиеналық құралдар беру мерзімдері көрсетілген құжаттарды ресімдеу туралы хабарлама',
        ru: 'Уведомление об оформлении документов с указанием сроков выдачи инвалидам сурдотифлотехнических и обязательных гигиенических средств',
      },
      source: src(785),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(787),
    },
  ],
  fee: { kind: 'free', source: src(789) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, SURDO_TYPHLO_AIDS),
    source: src(793),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    amendedBy295(
      '9-тармақ және 1-қосымша (блок-схема) жаңа редакцияда; регламент 10-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 2-қосымшамен толықтырылды',
      'Пункт 9 и приложение 1 (блок-схема) в новой редакции; регламент дополнен пунктом 10 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 2',
      830,
      851,
    ),
  ],
  inconsistencies: [electronicRequestWithoutPortal(793)],
  source: src(763, 874),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 6: state benefit for children under eighteen (ll. 875–1036)
// ---------------------------------------------------------------------------------------------

const CHILD_BENEFIT: Localized = {
  kk: 'Он сегіз жасқа дейінгі балаларға мемлекеттік жәрдемақы тағайындау',
  ru: 'Назначение государственных пособий на детей до восемнадцати лет',
};

const service06 = {
  id: '003-06',
  actId: '003',
  name: CHILD_BENEFIT,
  gloss: 'State benefit for children under 18',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(901) },
  channels: {
    provider: registerFirstProviderChannel(5, {
      para: 943,
      register: 945,
      review: 947,
      sign: 949,
      handout: 951,
    }),
    pso: {
      steps: [psoIdentityStep(959, 961), psoReceiptStep(963)],
      submissionDayCounts: null,
      notes: [PSO_NO_BACK_OFFICE, psoWindowNote(965, true)],
      source: src(955, 967),
    },
    akim: {
      steps: [
        akimRegisterForwardStep(971, {
          kk: 'Тіркеуді жүзеге асырады және тіркеу мен алу күні, құжаттарды қабылдаған адамның тегі мен аты-жөні көрсетілген талон береді',
          ru: 'Регистрирует заявление и выдаёт талон с датой регистрации и получения услуги, фамилией и инициалами лица, принявшего документы',
        }),
        reviewStep(5, 973),
        signStep(975),
        returnToAkimStep(977),
        akimHandoutStep(979),
      ],
      total: akimChainTotal(971),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Көрсетілетін қызметті алушы (не сенімхат бойынша оның өкілі) ауылдық округ әкіміне Стандарттың 9-тармағында көрсетілген құжаттарды ұсынады (969-жол).',
          ru: 'Услугополучатель (либо его представитель по доверенности) представляет акиму сельского округа документы, указанные в пункте 9 Стандарта (стр. 969).',
        },
        AKIM_NO_RECEIVE_STEP,
        {
          kk: 'Ауылдық округ әкіміне хабарласу тәртібі 3-қосымшада графикалық түрде берілген; графика сидте жоқ (1011–1018-жолдар).',
          ru: 'Порядок обращения к акиму сельского округа приведён графически в приложении 3; графика в сиде отсутствует (стр. 1011–1018).',
        },
      ],
      source: src(969, 979),
    },
  },
  results: [
    {
      text: {
        kk: 'Тағайындау туралы хабарлама не Стандарттың 10-тармағында көзделген жағдайларда және негіздемелер бойынша мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап',
        ru: 'Уведомление о назначении либо мотивированный ответ об отказе в оказании государственной услуги в случаях и по основаниям, предусмотренным пунктом 10 Стандарта',
      },
      source: src(911),
    },
    {
      text: {
        kk: 'Нәтижені беру нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(913),
    },
  ],
  fee: { kind: 'free', source: src(915) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, CHILD_BENEFIT),
    source: src(957, 969),
  },
  refusalGrounds: {
    kind: 'per_standard',
    reference: standardParagraph(10, CHILD_BENEFIT),
    source: src(911),
  },
  talonContents: [
    {
      text: { kk: 'Тіркеу күні', ru: 'Дата регистрации' },
      source: src(971),
    },
    {
      text: {
        kk: 'Мемлекеттік қызметті алу күні',
        ru: 'Дата получения государственной услуги',
      },
      source: src(971),
    },
    {
      text: {
        kk: 'Құжаттарды қабылдаған қызметті берушінің тегі мен аты-жөні',
        ru: 'Фамилия и имя (инициалы) лица, принявшего документы',
      },
      source: src(971),
    },
  ],
  receiptContents: [
    {
      text: {
        kk: 'Тиісті құжаттарды қабылдағандығы туралы (ХҚО; қолхаттың өзге мазмұны көрсетілмеген)',
        ru: 'О приёме соответствующих документов (ЦОН; иное содержание расписки не указано)',
      },
      source: src(963),
    },
  ],
  specialRules: [
    {
      kind: 'representative_by_power_of_attorney',
      text: {
        kk: 'Құжаттарды ХҚО-ға және ауылдық округ әкіміне сенімхат бойынша өкіл ұсына алады; ХҚО-да нәтижені де сенімхат бойынша өкіл ала алады.',
        ru: 'Документы в ЦОН и акиму сельского округа может представить представитель по доверенности; в ЦОН результат может получить также представитель по доверенности.',
      },
      source: src(957, 969),
    },
    {
      kind: 'other',
      text: {
        kk: 'Жеке басын куәландыратын құжаттардың мәліметі мемлекеттік ақпараттық жүйелерден алынады; ХҚО түпнұсқаларды салыстырып, қайтарады.',
        ru: 'Сведения документов, удостоверяющих личность, берутся из государственных информационных систем; ЦОН сверяет оригиналы и возвращает их.',
      },
      source: src(959, 961),
    },
    amendedBy295(
      '14-тармақ (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) жаңа редакцияда; регламент 4-қосымшамен толықтырылды',
      'Пункт 14 (справочник бизнес-процессов на интернет-ресурсе услугодателя) в новой редакции; регламент дополнен приложением 4',
      982,
      1024,
    ),
  ],
  inconsistencies: [
    {
      text: {
        kk: '5-тармақ «электрондық сұратуды» атайды, бірақ ЭҮП арнасы жоқ (1-тармақта тек көрсетілетін қызметті беруші, ХҚО және ауылдық округ әкімі); «9-тармағында» сөзінде «Стандарттың» түсіп қалған.',
        ru: 'Пункт 5 упоминает «электронный запрос», но канала портала нет (в пункте 1 только услугодатель, ЦОН и аким сельского округа); в ссылке «в пункте 9» пропущено «Стандарта».',
      },
      source: src(905, 919),
    },
    {
      text: {
        kk: '971-жолдағы сөйлем бұзылған («...оның мемлекеттік қызметті көрсетілетін қызметті алушыға тіркеу және алу күні...»), ал 13 жұмыс күні тіркеу мен талон беру қадамына жазылған.',
        ru: 'Фраза в стр. 971 искажена («...оның мемлекеттік қызметті көрсетілетін қызметті алушыға тіркеу және алу күні...»), а 13 рабочих дней отнесены к шагу регистрации и выдачи талона.',
      },
      source: src(971),
    },
  ],
  source: src(875, 1036),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 7: state targeted social assistance (ll. 1037–1209)
// ---------------------------------------------------------------------------------------------

const TARGETED_ASSISTANCE: Localized = {
  kk: 'Мемлекеттік атаулы әлеуметтік көмек тағайындау',
  ru: 'Назначение государственной адресной социальной помощи',
};

const service07 = {
  id: '003-07',
  actId: '003',
  name: TARGETED_ASSISTANCE,
  gloss: 'State targeted social assistance',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(1055) },
  channels: {
    provider: registerFirstProviderChannel(5, {
      para: 1097,
      register: 1099,
      review: 1101,
      sign: 1103,
      handout: 1105,
    }),
    pso: {
      steps: [psoIdentityStep(1113, 1115), psoReceiptStep(1117)],
      submissionDayCounts: null,
      notes: [PSO_NO_BACK_OFFICE, psoWindowNote(1119, true)],
      source: src(1109, 1121),
    },
    akim: {
      steps: [
        akimRegisterForwardStep(1125, {
          kk: 'Құжаттарды қабылдайды, тіркейді және жауапты тұлғаның тегі мен аты-жөні, мемлекеттік қызмет және тіркеу күні көрсетілген талон береді',
          ru: 'Принимает и регистрирует документы и выдаёт талон с фамилией и инициалами ответственного лица, государственной услугой и датой регистрации',
        }),
        reviewStep(5, 1127),
        signStep(1129),
        returnToAkimStep(1131),
        akimHandoutStep(1133),
      ],
      total: akimChainTotal(1125),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Ауылдық округ әкімі арқылы тек тұрғылықты жері бойынша көрсетілетін қызметті беруші болмаған жағдайда (1061-жол).',
          ru: 'Через акима сельского округа – только при отсутствии услугодателя по месту жительства (стр. 1061).',
        },
        {
          kk: 'Көрсетілетін қызметті алушы (не сенімхат бойынша оның өкілі) ауылдық округ әкіміне Стандарттың 9-тармағында көрсетілген құжаттарды ұсынады (1123-жол).',
          ru: 'Услугополучатель (либо его представитель по доверенности) представляет акиму сельского округа документы, указанные в пункте 9 Стандарта (стр. 1123).',
        },
        AKIM_NO_RECEIVE_STEP,
        {
          kk: 'Блок-схема 3-қосымшада (14-тармақ, 1135-жол); графика сидте жоқ.',
          ru: 'Блок-схема – в приложении 3 (пункт 14, стр. 1135); графика в сиде отсутствует.',
        },
      ],
      source: src(1123, 1133),
    },
  },
  results: [
    {
      text: {
        kk: 'Мемлекеттік атаулы әлеуметтік көмек тағайындау туралы хабарлама не Стандарттың 10-тармағында көзделген жағдайларда және негіздемелер бойынша мемлекеттік қызметті көрсетуден бас тарту туралы дәлелді жауап',
        ru: 'Уведомление о назначении государственной адресной социальной помощи либо мотивированный ответ об отказе в оказании государственной услуги в случаях и по основаниям, предусмотренным пунктом 10 Стандарта',
      },
      source: src(1065),
    },
    {
      text: {
        kk: 'Нәтижені беру нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(1067),
    },
  ],
  fee: { kind: 'free', source: src(1069) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, TARGETED_ASSISTANCE),
    source: src(1111, 1123),
  },
  refusalGrounds: {
    kind: 'per_standard',
    reference: standardParagraph(10, TARGETED_ASSISTANCE),
    source: src(1065),
  },
  talonContents: [
    {
      text: {
        kk: 'Жауапты тұлғаның тегі мен аты-жөні',
        ru: 'Фамилия и имя (инициалы) ответственного лица',
      },
      source: src(1125),
    },
    {
      text: {
        kk: 'Қызметті алушының мемлекеттік қызметі (сөйлем бұзылған)',
        ru: 'Государственная услуга услугополучателя (фраза искажена)',
      },
      source: src(1125),
    },
    {
      text: { kk: 'Тіркеу күні', ru: 'Дата регистрации' },
      source: src(1125),
    },
  ],
  receiptContents: [
    {
      text: {
        kk: 'Тиісті құжаттарды қабылдағандығы туралы (ХҚО; қолхаттың өзге мазмұны көрсетілмеген)',
        ru: 'О приёме соответствующих документов (ЦОН; иное содержание расписки не указано)',
      },
      source: src(1117),
    },
  ],
  specialRules: [
    {
      kind: 'representative_by_power_of_attorney',
      text: {
        kk: 'Өтінішті (не құжаттарды қызмет берушіге, ХҚО-ға және ауылдық округ әкіміне) сенімхат бойынша өкіл бере алады; ХҚО-да нәтижені де сенімхат бойынша өкіл ала алады.',
        ru: 'Заявление (документы услугодателю, в ЦОН и акиму сельского округа) может подать представитель по доверенности; в ЦОН результат может получить также представитель по доверенности.',
      },
      source: src(1073, 1123),
    },
    {
      kind: 'other',
      text: {
        kk: 'Ауылдық округ әкімі арқылы өтініш тек тұрғылықты жері бойынша көрсетілетін қызметті беруші болмаған жағдайда қабылданады.',
        ru: 'Через акима сельского округа заявление принимается только при отсутствии услугодателя по месту жительства.',
      },
      source: src(1061),
    },
    {
      kind: 'other',
      text: {
        kk: 'Жеке басын куәландыратын құжаттардың мәліметі мемлекеттік ақпараттық жүйелерден алынады; ХҚО түпнұсқаларды салыстырып, қайтарады.',
        ru: 'Сведения документов, удостоверяющих личность, берутся из государственных информационных систем; ЦОН сверяет оригиналы и возвращает их.',
      },
      source: src(1113, 1115),
    },
    amendedBy295(
      'Регламент 15-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 4-қосымшамен толықтырылды',
      'Регламент дополнен пунктом 15 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 4',
      1138,
      1196,
    ),
  ],
  inconsistencies: [
    electronicRequestWithoutPortal(1073),
    {
      text: {
        kk: 'Талон туралы сөйлем бұзылған («...қызметті алушының мемлекеттік қызметті және тіркеу күні...»); 003-06-дан айырмашылығы – талонда нәтижені алу күні аталмайды.',
        ru: 'Фраза о талоне искажена («...қызметті алушының мемлекеттік қызметті және тіркеу күні...»); в отличие от 003-06, дата получения результата в талоне не названа.',
      },
      source: src(1125),
    },
  ],
  source: src(1037, 1209),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 8: documents for a personal assistant or a sign-language specialist (ll. 1210–1313)
// ---------------------------------------------------------------------------------------------

const ASSISTANT_SIGN_LANGUAGE: Localized = {
  kk: 'Жүріп-тұруы қиын бірінші топтағы мүгедектерге жеке көмекшінің және есту кемістігі бар мүгедектерге ымдау тілі маманының қызметтерін ұсыну үшін мүгедектерге құжаттарды ресімдеу',
  ru: 'Оформление документов на инвалидов для предоставления им услуги индивидуального помощника для инвалидов первой группы, имеющих затруднение в передвижении, и специалиста жестового языка для инвалидов по слуху',
};

const service08 = {
  id: '003-08',
  actId: '003',
  name: ASSISTANT_SIGN_LANGUAGE,
  gloss:
    'Documents for a personal assistant (group I, limited mobility) or a sign-language specialist (hearing impaired)',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(1218) },
  channels: {
    provider: headFirstProviderChannel({
      para: 1258,
      register: 1260,
      headReview: 1262,
      review: 1264,
      sign: 1266,
      handout: 1268,
    }),
  },
  results: [
    {
      text: {
        kk: 'Жүріп-тұруы қиын бірінші топтағы мүгедектерге жеке көмекшінің және есту кемістігі бар мүгедектерге ымдау тілі маманының қызметтерін ұсыну мерзімі көрсетілген құжаттарды ресімдеу туралы хабарлама',
        ru: 'Уведомление об оформлении документов с указанием срока предоставления услуг индивидуального помощника инвалидам первой группы, имеющим затруднение в передвижении, и специалиста жестового языка инвалидам по слуху',
      },
      source: src(1224),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(1226),
    },
  ],
  fee: { kind: 'free', source: src(1228) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, ASSISTANT_SIGN_LANGUAGE),
    source: src(1232, 1236),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    amendedBy295(
      '9-тармақ және 1-қосымша (блок-схема) жаңа редакцияда; регламент 10-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 2-қосымшамен толықтырылды',
      'Пункт 9 и приложение 1 (блок-схема) в новой редакции; регламент дополнен пунктом 10 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 2',
      1272,
      1301,
    ),
  ],
  inconsistencies: [electronicRequestWithoutPortal(1232)],
  source: src(1210, 1313),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 9: documents for wheelchairs (ll. 1314–1426)
// ---------------------------------------------------------------------------------------------

const WHEELCHAIRS: Localized = {
  kk: 'Мүгедектерге кресло-арбалар беру үшін оларға құжаттарды ресімдеу',
  ru: 'Оформление документов на инвалидов для предоставления им кресел-колясок',
};

const service09 = {
  id: '003-09',
  actId: '003',
  name: WHEELCHAIRS,
  gloss: 'Documents for wheelchairs for persons with disabilities',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(1340) },
  channels: {
    provider: headFirstProviderChannel({
      para: 1375,
      register: 1377,
      headReview: 1379,
      review: 1381,
      sign: 1383,
      handout: 1385,
    }),
  },
  results: [
    {
      text: {
        kk: 'Мүгедектерге кресло-арбалар ұсыну мерзімдері көрсетілген құжаттарды ресімдеу туралы хабарлама',
        ru: 'Уведомление об оформлении документов с указанием сроков предоставления инвалидам кресел-колясок',
      },
      source: src(1346),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(1348),
    },
  ],
  fee: { kind: 'free', source: src(1350) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, WHEELCHAIRS),
    source: src(1354),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    amendedBy295(
      '9-тармақ және 1-қосымша (блок-схема) жаңа редакцияда; регламент 10-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 2-қосымшамен толықтырылды',
      'Пункт 9 и приложение 1 (блок-схема) в новой редакции; регламент дополнен пунктом 10 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 2',
      1389,
      1413,
    ),
  ],
  inconsistencies: [electronicRequestWithoutPortal(1354)],
  source: src(1314, 1426),
} satisfies Service;

// ---------------------------------------------------------------------------------------------
// Regulation 10: documents for sanatorium-resort treatment (ll. 1427–1519; stray 1666–1675)
// ---------------------------------------------------------------------------------------------

const SANATORIUM_TREATMENT: Localized = {
  kk: 'Мүгедектерді санаторий-курорттық емдеумен қамтамасыз ету үшін оларға құжаттарды ресімдеу',
  ru: 'Оформление документов на инвалидов для обеспечения их санаторно-курортным лечением',
};

const service10 = {
  id: '003-10',
  actId: '003',
  name: SANATORIUM_TREATMENT,
  gloss: 'Documents for sanatorium-resort treatment for persons with disabilities',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: src(1437) },
  channels: {
    provider: headFirstProviderChannel({
      para: 1472,
      register: 1474,
      headReview: 1476,
      review: 1478,
      sign: 1480,
      handout: 1482,
    }),
  },
  results: [
    {
      text: {
        kk: 'Қызмет көрсету мерзімі көрсетілген, санаторий-курорттық емдеумен қамтамасыз ету үшін мүгедектерге құжаттарды ресімдеу туралы хабарлама',
        ru: 'Уведомление об оформлении документов на инвалидов для обеспечения санаторно-курортным лечением с указанием срока оказания услуги',
      },
      source: src(1443),
    },
    {
      text: {
        kk: 'Нәтижені ұсыну нысаны: қағаз түрінде',
        ru: 'Форма предоставления результата: бумажная',
      },
      source: src(1445),
    },
  ],
  fee: { kind: 'free', source: src(1447) },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph(9, SANATORIUM_TREATMENT),
    source: src(1451),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    amendedBy295(
      '9-тармақ және 1-қосымша (блок-схема) жаңа редакцияда; регламент 10-тармақпен (бизнес-процестердің анықтамалығы қызмет берушінің интернет-ресурсында) және 2-қосымшамен толықтырылды',
      'Пункт 9 и приложение 1 (блок-схема) в новой редакции; регламент дополнен пунктом 10 (справочник бизнес-процессов на интернет-ресурсе услугодателя) и приложением 2',
      1486,
      1507,
    ),
  ],
  inconsistencies: [
    electronicRequestWithoutPortal(1451),
    {
      text: {
        kk: '2-қосымшаның ескертуінде «Регламент 4-қосымшамен толықтырылды» деп жазылған (1507-жол); қосымшаның нөміріне сәйкес келмейді.',
        ru: 'В примечании к приложению 2 написано «Регламент дополнен приложением 4» (стр. 1507); это не совпадает с номером приложения.',
      },
      source: src(1507),
    },
    {
      text: {
        kk: '11-регламенттің қосымшаларынан кейін осы регламенттің «2-қосымшасы» тағы бір рет кездеседі (ескерту «2-қосымшамен толықтырылды», блок-схема атауы); үзінді орнынан ауысқан немесе қайталанған сияқты.',
        ru: 'После приложений регламента 11 ещё раз встречается «приложение 2» этого регламента (примечание «дополнен приложением 2», заголовок блок-схемы); фрагмент, по-видимому, смещён или продублирован.',
      },
      source: src(1666, 1675),
    },
  ],
  source: src(1427, 1519),
} satisfies Service;

/** Regulations 1–10 of act 003, in the act's order (ll. 23–41). */
export const services003a: Service[] = [
  service01,
  service02,
  service03,
  service04,
  service05,
  service06,
  service07,
  service08,
  service09,
  service10,
];
