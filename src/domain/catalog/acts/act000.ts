/**
 * Act 000: Almaty oblast akimat resolution No. 189 of 14 April 2016, which sets out in new wording
 * the ten social-protection service regulations approved by resolution No. 338 of 3 August 2015.
 *
 * The seed keeps only the text of each regulation: every appendix (business-process handbooks,
 * State Corporation process descriptions) survives as a caption only. Where a channel's steps are
 * in such an appendix, the channel is kept with no steps and a note saying so. Document lists are
 * referred to paragraph 9 of the national Standard (`per_standard`), except for the oralman
 * status, whose regulation lists them. Totals are never stated except for the oralman status;
 * elsewhere they are the computed sum of the steps.
 */
import type { Act, Channel, Duration, Localized, SeedRef, Service, Step } from '../schema';
import { withParagraph } from './paragraphs';

const SEED = '000_197b760cd6af8467.txt';
const at = (from: number, to: number = from): SeedRef => ({ seed: SEED, lines: [from, to] });
const minutes = (value: number): Duration => ({ value, unit: 'minutes' });
const workingDays = (value: number): Duration => ({ value, unit: 'working_days' });
const calendarDays = (value: number): Duration => ({ value, unit: 'calendar_days' });

/**
 * The sum of a channel's steps, for regulations that state no total. Minutes are added to the
 * note when the steps also count days (a total has one unit).
 */
function computedTotal(steps: Step[]): NonNullable<Channel['total']> {
  const sum = (unit: Duration['unit']) =>
    steps.filter((s) => s.duration.unit === unit).reduce((acc, s) => acc + s.duration.value, 0);
  const mins = sum('minutes');
  const wd = sum('working_days');
  const cd = sum('calendar_days');
  const [value, unit] =
    wd > 0
      ? ([wd, 'working_days'] as const)
      : cd > 0
        ? ([cd, 'calendar_days'] as const)
        : ([mins, 'minutes'] as const);
  const plusMinutes = unit !== 'minutes' && mins > 0;
  return {
    value,
    unit,
    isStated: false,
    note: {
      kk: `Регламентте жалпы мерзім көрсетілмеген; қадамдар мерзімдерінің қосындысы${plusMinutes ? `, оған қоса ${mins} минут` : ''}.`,
      ru: `Общий срок в регламенте не указан; сумма сроков шагов${plusMinutes ? `, плюс ${mins} минут` : ''}.`,
    },
  };
}

/** A channel the regulation names whose steps are only in an appendix the seed does not hold. */
function channelInMissingAppendix(
  source: SeedRef,
  appendix: Localized,
  extraNotes: Localized[] = [],
): Channel {
  return {
    steps: [],
    submissionDayCounts: null,
    notes: [
      ...extraNotes,
      {
        kk: `Рәсімдер мен олардың ұзақтығы ${appendix.kk} келтірілген; қосымшаның мазмұны сидте жоқ (тек атауы сақталған).`,
        ru: `Процедуры и их сроки приведены в ${appendix.ru}; содержания приложения в сиде нет (сохранился только заголовок).`,
      },
    ],
    source,
  };
}

const ORDER_279 = {
  kk: 'Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің 2015 жылғы 28 сәуірдегі № 279 бұйрығымен бекітілген',
  ru: 'утверждённого приказом Министра здравоохранения и социального развития Республики Казахстан от 28 апреля 2015 года № 279',
};

/** Paragraph 9 of the national Standard of a service, which holds its document list. */
function standardParagraph9(standard: Localized | null, order: Localized = ORDER_279): Localized {
  const kkName = standard
    ? `"${standard.kk}" мемлекеттік көрсетілетін қызмет стандартының`
    : 'Стандарттың';
  const ruName = standard ? `стандарта государственной услуги "${standard.ru}"` : 'Стандарта';
  return {
    kk: `${order.kk} ${kkName} 9-тармағы`,
    ru: `Пункт 9 ${ruName}, ${order.ru}`,
  };
}

const POWER_OF_ATTORNEY: Localized = {
  kk: 'Көрсетілетін қызметті алушының атынан сенімхат бойынша оның өкілі жүгіне алады',
  ru: 'От имени услугополучателя может обратиться его представитель по доверенности',
};

const JOURNAL_SIGNATURE: Localized = {
  kk: 'Нәтижені алғанда көрсетілетін қызметті алушы мемлекеттік қызметті көрсету жөніндегі журналға қол қояды',
  ru: 'При получении результата услугополучатель расписывается в журнале оказания государственной услуги',
};

const DISTRICT_DEPARTMENTS: Localized = {
  kk: 'Аудандардың және облыстық маңызы бар қалалардың жұмыспен қамту және әлеуметтік бағдарламалар бөлімдері',
  ru: 'Отделы занятости и социальных программ районов и городов областного значения',
};

const LOCAL_EXECUTIVE_BODIES: Localized = {
  kk: 'Аудандардың және облыстық маңызы бар қалалардың жергілікті атқарушы органдары',
  ru: 'Местные исполнительные органы районов и городов областного значения',
};

const AKIM_FROM_PARTICIPANTS: Localized = {
  kk: 'Ауылдық округ әкімі арнасы қатысушылар тізбесінен ғана шығарылған (әкім және "көрсетілетін қызметті берушінің немесе ауылдық округтің маманы"); регламент мәтінінде әкімге жүгіну тәртібі жазылмаған.',
  ru: 'Канал акима сельского округа выведен только из перечня участников (аким и "специалист услугодателя или сельского округа"); порядок обращения к акиму в тексте регламента не описан.',
};

/** E-gov paragraph 10: the applicant's submission has no duration of its own. */
function egovSubmit(source: SeedRef): Step {
  return {
    id: 'submit',
    role: 'applicant',
    stage: 'intake',
    action: {
      kk: 'Көрсетілетін қызметті алушы порталда тіркеледі және ЭЦҚ-мен куәландырылған өтініш пен Стандарттың 9-тармағына сәйкес құжаттарды жолдайды',
      ru: 'Услугополучатель регистрируется на портале и направляет заявление, удостоверенное ЭЦП, и документы согласно пункту 9 Стандарта',
    },
    duration: minutes(0),
    note: {
      kk: 'Ұзақтығы көрсетілмеген: бұл өтініш берудің өзі; 0 — мерзім жоқ дегенді білдіреді.',
      ru: 'Срок не указан: это сама подача заявления; 0 означает отсутствие срока.',
    },
    source: withParagraph(source),
  };
}

function egovAccept(source: SeedRef): Step {
  return {
    id: 'accept',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Жауапты орындаушы электрондық өтінішті және құжаттарды қабылдайды, "жеке кабинетке" құжаттардың қабылданғандығы туралы хабарлама – есеп жолдайды',
      ru: 'Ответственный исполнитель принимает электронное заявление и документы, направляет в "личный кабинет" уведомление-отчёт о приёме документов',
    },
    duration: minutes(15),
    source: withParagraph(source),
  };
}

function egovResult(source: SeedRef): Step {
  return {
    id: 'send_result',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Жауапты орындаушы мемлекеттік қызмет көрсетудің нәтижесін тіркейді және "жеке кабинетке" жолдайды',
      ru: 'Ответственный исполнитель регистрирует результат оказания услуги и направляет его в "личный кабинет"',
    },
    duration: minutes(10),
    source: withParagraph(source),
  };
}

/**
 * E-gov paragraph 10(3): after acceptance the provider works "according to paragraph 5", so the
 * in-office steps of paragraph 5 are repeated here with their own lines.
 */
function perParagraph5(steps: Step[], source: SeedRef): Step[] {
  return steps.map((step) => ({
    ...step,
    note: {
      kk: `10-тармақтың 3) тармақшасы бойынша 5-тармаққа сәйкес (${source.lines[0]}–${source.lines[1]}-жолдар).${step.note ? ` ${step.note.kk}` : ''}`,
      ru: `По подпункту 3) пункта 10 — согласно пункту 5 (строки ${source.lines[0]}–${source.lines[1]}).${step.note ? ` ${step.note.ru}` : ''}`,
    },
  }));
}

export const act000 = {
  id: '000',
  title: {
    kk: 'Алматы облысы әкімдігінің 2015 жылғы 3 тамыздағы "Халықты әлеуметтік қорғау саласындағы мемлекеттік көрсетілетін қызмет регламенттерін бекіту туралы" № 338 қаулысына өзгерістер енгізу туралы',
    ru: 'О внесении изменений в постановление акимата Алматинской области от 3 августа 2015 года № 338 "Об утверждении регламентов государственных услуг в сфере социальной защиты населения"',
  },
  issuer: { kk: 'Алматы облысы әкімдігі', ru: 'Акимат Алматинской области' },
  number: '189',
  date: '2016-04-14',
  justiceRegistration: { number: '3845', date: '2016-05-23' },
  repeal: {
    number: '81',
    date: '2018-03-01',
    note: {
      kk: 'Күші жойылды - Алматы облысы әкімдігінің 01.03.2018 № 81 қаулысымен (алғаш ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)',
      ru: 'Утратило силу постановлением акимата Алматинской области от 01.03.2018 № 81 (вводится в действие по истечении десяти календарных дней после первого официального опубликования)',
    },
  },
  region: { kk: 'Алматы облысы', ru: 'Алматинская область' },
  seed: SEED,
  source: at(1, 80),
  inconsistencies: [
    {
      text: {
        kk: 'Әр қосымшаның басында "Алматы облысы әкімдігінің 2016 жылғы "3" тамыздағы № 338 қаулысымен бекітілген" деп жазылған, ал актінің тақырыбы мен 1-тармағында № 338 қаулы 2015 жылғы (2, 24-жолдар).',
        ru: 'В шапке каждого приложения: "утверждён постановлением акимата Алматинской области от 3 августа 2016 года № 338", тогда как в заголовке и пункте 1 акта постановление № 338 — 2015 года (строки 2, 24).',
      },
      source: at(87, 88),
    },
    {
      text: {
        kk: 'Мемлекеттік корпорацияның атауы әр жерде әртүрлі: "Мемлекеттік корпорация "Азаматтар үшін үкімет" мемлекеттік корпорация акционерлік қоғамы" (155–156), "Азаматтар үшін үкімет" Мемлекеттік корпорация (268), "Азаматтарға арналған үкімет" мемлекеттік корпорациясы" коммерциялық емес акционерлік қоғамы (642–644, 1174–1175), "халыққа қызмет көрсету орталығы" (987–988), "орталық" (408, 990, 1109).',
        ru: 'Государственная корпорация названа по-разному: "Мемлекеттік корпорация "Азаматтар үшін үкімет" мемлекеттік корпорация акционерлік қоғамы" (155–156), "Азаматтар үшін үкімет" Мемлекеттік корпорация (268), "Азаматтарға арналған үкімет" ... коммерциялық емес акционерлік қоғамы (642–644, 1174–1175), "центр обслуживания населения" (987–988), "центр" (408, 990, 1109).',
      },
      source: at(155, 1175),
    },
    {
      text: {
        kk: '1-тармақтың 10) тармақшасы "Оралман мәртебесін беру" регламентін "жаңа редакцияда баяндалсын" емес, "бекітілсін" дейді.',
        ru: 'Подпункт 10) пункта 1 для регламента "Присвоение статуса оралмана" говорит "утвердить", а не "изложить в новой редакции".',
      },
      source: at(66, 68),
    },
    {
      text: {
        kk: 'Құқықтық негіздегі сілтемелер ("37-бабына", "16-бабына", "№ 279") және № 338 қаулының тіркеу нөмірі ("№ 3385") мәтінде ығысқан.',
        ru: 'Ссылки правового основания ("37-бабына", "16-бабына", "№ 279") и номер регистрации постановления № 338 ("№ 3385") в тексте смещены.',
      },
      source: at(14, 29),
    },
  ],
} satisfies Act;

// --- 000-01: certificate of belonging to targeted social assistance recipients (appendix 1) ---

const s01ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау, өтінішті тіркеу, анықтама дайындау; көрсетілетін қызметті берушінің басшысына қол қоюға жіберу',
      ru: 'Приём документов, регистрация заявления, подготовка справки; направление руководителю услугодателя на подпись',
    },
    duration: minutes(5),
    note: {
      kk: 'Орындаушы аталмаған; қатысушылар тізбесінде — жауапты орындаушы.',
      ru: 'Исполнитель не назван; в перечне участников — ответственный исполнитель.',
    },
    source: withParagraph(at(124, 126)),
  },
  {
    id: 'sign',
    role: 'district_head',
    stage: 'sign',
    action: { kk: 'Анықтаманы қарау және қол қою', ru: 'Рассмотрение и подписание справки' },
    duration: minutes(5),
    source: withParagraph(at(127, 128)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Көрсетілетін қызметті алушыға анықтама беру (журналдағы алушының қолы)',
      ru: 'Выдача справки услугополучателю (подпись услугополучателя в журнале)',
    },
    duration: minutes(5),
    source: withParagraph(at(132, 134)),
  },
];

const s01AkimSteps: Step[] = [
  {
    id: 'register',
    role: 'akimat_specialist',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау, өтінішті тіркеу, анықтама дайындау; ауылдық округ әкіміне қол қоюға жіберу',
      ru: 'Приём документов, регистрация заявления, подготовка справки; направление акиму сельского округа на подпись',
    },
    duration: minutes(5),
    note: {
      kk: 'Әкім аппаратында кім орындайтыны айтылмаған.',
      ru: 'Кто в аппарате акима выполняет шаг, не сказано.',
    },
    source: withParagraph(at(124, 126)),
  },
  {
    id: 'sign',
    role: 'akim',
    stage: 'sign',
    action: { kk: 'Анықтаманы қарау және қол қою', ru: 'Рассмотрение и подписание справки' },
    duration: minutes(5),
    source: withParagraph(at(127, 128)),
  },
  {
    id: 'handout',
    role: 'akimat_specialist',
    stage: 'handout',
    action: {
      kk: 'Көрсетілетін қызметті алушыға анықтама беру (журналдағы алушының қолы)',
      ru: 'Выдача справки услугополучателю (подпись услугополучателя в журнале)',
    },
    duration: minutes(5),
    note: {
      kk: 'Әкім аппаратында кім орындайтыны айтылмаған.',
      ru: 'Кто в аппарате акима выполняет шаг, не сказано.',
    },
    source: withParagraph(at(132, 134)),
  },
];

const service01: Service = {
  id: '000-01',
  actId: '000',
  name: {
    kk: 'Өтініш берушінің (отбасының) атаулы әлеуметтік көмек алушыларға тиесілігін растайтын анықтама беру',
    ru: 'Выдача справки, подтверждающей принадлежность заявителя (семьи) к получателям адресной социальной помощи',
  },
  gloss: 'Certificate that the applicant (family) receives targeted social assistance',
  isDeleted: false,
  provider: {
    text: {
      kk: `${DISTRICT_DEPARTMENTS.kk} және кент, ауыл, ауылдық округ әкімі`,
      ru: `${DISTRICT_DEPARTMENTS.ru} и аким поселка, села, сельского округа`,
    },
    source: at(98, 103),
  },
  channels: {
    provider: {
      steps: s01ProviderSteps,
      total: computedTotal(s01ProviderSteps),
      submissionDayCounts: null,
      source: at(122, 134),
    },
    akim: {
      steps: s01AkimSteps,
      total: computedTotal(s01AkimSteps),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Ауылдық округ әкімі қызметті өзі көрсетеді (1-тармақ) және анықтамаға өзі қол қояды; 5-тармақтың қадамдары екі арнаға ортақ.',
          ru: 'Аким сельского округа сам оказывает услугу (пункт 1) и сам подписывает справку; шаги пункта 5 общие для обоих каналов.',
        },
      ],
      source: at(122, 144),
    },
    pso: channelInMissingAppendix(at(154, 160), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
  },
  results: [
    {
      text: {
        kk: 'Көрсетілетін қызметті алушының атаулы әлеуметтік көмек алушыларға тиесілігін (не тиесілі еместігін) растайтын анықтама (қағаз түрінде)',
        ru: 'Справка, подтверждающая принадлежность (либо непринадлежность) услугополучателя к получателям адресной социальной помощи (в бумажном виде)',
      },
      source: at(109, 112),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9({
      kk: 'Өтініш берушінің (отбасының) атаулы әлеуметтік көмек алушыларға тиесілігін растайтын анықтама беру',
      ru: 'Выдача справки, подтверждающей принадлежность заявителя (семьи) к получателям адресной социальной помощи',
    }),
    source: at(118, 121),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(118, 121) },
    { kind: 'other', text: JOURNAL_SIGNATURE, source: at(132, 134) },
  ],
  source: at(84, 198),
};

// --- 000-02: state targeted social assistance (appendix 2) ---

const service02: Service = {
  id: '000-02',
  actId: '000',
  name: {
    kk: 'Мемлекеттік атаулы әлеуметтік көмек тағайындау',
    ru: 'Назначение государственной адресной социальной помощи',
  },
  gloss: 'State targeted social assistance',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: at(215, 219) },
  channels: {
    provider: channelInMissingAppendix(at(243, 247), {
      kk: 'регламенттің 1-қосымшасында',
      ru: 'приложении 1 к регламенту',
    }),
    akim: channelInMissingAppendix(
      at(251, 260),
      { kk: 'регламенттің 1- және 2-қосымшаларында', ru: 'приложениях 1 и 2 к регламенту' },
      [AKIM_FROM_PARTICIPANTS],
    ),
    pso: channelInMissingAppendix(at(267, 273), {
      kk: 'регламенттің 3-қосымшасында',
      ru: 'приложении 3 к регламенту',
    }),
  },
  results: [
    {
      text: {
        kk: 'Мемлекеттік атаулы әлеуметтік көмек тағайындау (тағайындаудан бас тарту) туралы хабарлама (қағаз түрінде)',
        ru: 'Уведомление о назначении (об отказе в назначении) государственной адресной социальной помощи (в бумажном виде)',
      },
      source: at(231, 233),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9({
      kk: 'Мемлекеттік атаулы әлеуметтік көмек тағайындау',
      ru: 'Назначение государственной адресной социальной помощи',
    }),
    source: at(239, 242),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(239, 242) },
    {
      kind: 'commission_inspection',
      text: {
        kk: 'Учаскелік комиссия мемлекеттік қызмет көрсету процесіне қатысады; оның міндеттері мен мерзімдері регламент мәтінінде сипатталмаған',
        ru: 'Участковая комиссия участвует в оказании услуги; её функции и сроки в тексте регламента не описаны',
      },
      source: at(251, 256),
    },
    {
      kind: 'other',
      text: {
        kk: 'Қызмет сондай-ақ 2015 жылғы 05 мамырдағы № 320 бұйрығымен бекітілген "Мемлекеттік атаулы әлеуметтік көмекті тағайындау және төлеу ережесі" негізінде көрсетіледі',
        ru: 'Услуга оказывается также на основании "Правил назначения и выплаты государственной адресной социальной помощи", утверждённых приказом от 05 мая 2015 года № 320',
      },
      source: at(226, 229),
    },
  ],
  source: at(204, 295),
};

// --- 000-03: Semipalatinsk test site victims (appendix 3) ---

const s03ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау және тіркеу, көрсетілетін қызметті алушыны тіркеу, талон беру, құжаттарды басшыға бұрыштама қою және жауапты орындаушыны анықтау үшін жолдау',
      ru: 'Приём и регистрация документов, регистрация услугополучателя, выдача талона, направление документов руководителю для наложения резолюции и определения ответственного исполнителя',
    },
    duration: minutes(30),
    note: {
      kk: 'Орындаушы аталмаған; қатысушылар тізбесінде — көрсетілетін қызметті берушінің маманы.',
      ru: 'Исполнитель не назван; в перечне участников — специалист услугодателя.',
    },
    source: withParagraph(at(360, 368)),
  },
  {
    id: 'assign',
    role: 'district_head',
    stage: 'other',
    action: {
      kk: 'Құжаттарды қарау және жауапты орындаушыны анықтау',
      ru: 'Рассмотрение документов и определение ответственного исполнителя',
    },
    duration: minutes(15),
    source: withParagraph(at(369, 370)),
  },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: {
      kk: 'Құжаттардың толықтығын тексеру, шешімді, куәлікті немесе куәліктің телнұсқасын ресімдеу, басшыға қол қоюға жіберу',
      ru: 'Проверка полноты документов, оформление решения, удостоверения или дубликата удостоверения, направление руководителю на подпись',
    },
    duration: workingDays(19),
    note: {
      kk: '19 жұмыс күні — шешімді рәсімдегенде. Нәтижесі — басшының қолы, яғни басшының қол қоюы осы мерзімге кіреді. Қосымша сұрау салу, тексеру қажет болса мерзім 1 айға ұзартылады (ерекше ережелерді қараңыз).',
      ru: '19 рабочих дней — при оформлении решения. Результат — подпись руководителя, то есть подписание входит в этот срок. При необходимости дополнительных запросов или проверки срок продлевается на 1 месяц (см. особые правила).',
    },
    source: withParagraph(at(371, 378)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Көрсетілетін қызметті алушыға нәтижені беру (шешім, куәлік немесе куәліктің телнұсқасы)',
      ru: 'Выдача результата услугополучателю (решение, удостоверение или дубликат удостоверения)',
    },
    duration: minutes(15),
    source: withParagraph(at(379, 381)),
  },
];

const service03: Service = {
  id: '000-03',
  actId: '000',
  name: {
    kk: 'Семей ядролық сынақ полигонында ядролық сынақтардың салдарынан зардап шеккен азаматтарды тіркеу және есепке алу, біржолғы мемлекеттік ақшалай өтемақы төлеу, куәліктер беру',
    ru: 'Регистрация и учёт граждан, пострадавших вследствие ядерных испытаний на Семипалатинском испытательном ядерном полигоне, выплата единовременной государственной денежной компенсации, выдача удостоверений',
  },
  gloss: 'Registration of Semipalatinsk nuclear test victims, one-time compensation, certificates',
  isDeleted: false,
  provider: {
    text: {
      kk: 'Аудандардың, облыстық маңызы бар қалалардың жұмыспен қамту және әлеуметтік бағдарламалар бөлімдері',
      ru: DISTRICT_DEPARTMENTS.ru,
    },
    source: at(316, 324),
  },
  channels: {
    provider: {
      steps: s03ProviderSteps,
      variants: [
        {
          id: 'certificate',
          name: { kk: 'Куәлікті рәсімдеу', ru: 'Оформление удостоверения' },
          durations: { review: workingDays(4) },
          source: withParagraph(at(374, 376)),
        },
        {
          id: 'duplicate',
          name: { kk: 'Куәліктің телнұсқасын рәсімдеу', ru: 'Оформление дубликата удостоверения' },
          durations: { review: workingDays(4) },
          source: withParagraph(at(374, 376)),
        },
      ],
      total: computedTotal(s03ProviderSteps),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Куәлік немесе телнұсқа үшін: 4 жұмыс күні және 60 минут; қосымша сұрау салу немесе тексеру қажет болса — 1 айға ұзартылады.',
          ru: 'Для удостоверения или дубликата: 4 рабочих дня и 60 минут; при необходимости дополнительных запросов или проверки — продление на 1 месяц.',
        },
      ],
      source: at(358, 381),
    },
    pso: channelInMissingAppendix(at(404, 410), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
  },
  results: [
    {
      text: {
        kk: 'Көрсетілетін қызметті берушіде немесе мемлекеттік корпорацияда: Қазақстан Республикасының азаматтарын Семей ядролық сынақ полигонындағы ядролық сынақтардың салдарынан зардап шеккендер деп тану туралы шешім',
        ru: 'У услугодателя или в Госкорпорации: решение о признании граждан Республики Казахстан пострадавшими вследствие ядерных испытаний на Семипалатинском испытательном ядерном полигоне',
      },
      source: at(336, 340),
    },
    {
      text: {
        kk: 'Көрсетілетін қызметті берушіде немесе мемлекеттік корпорацияда: куәлікті немесе оның телнұсқасын беру',
        ru: 'У услугодателя или в Госкорпорации: выдача удостоверения или его дубликата',
      },
      source: at(341, 341),
    },
    {
      text: {
        kk: 'ЗТМО-да: көрсетілетін қызметті алушының дербес шотына аудару арқылы өтемақы төлеу',
        ru: 'В ГЦВП (ЗТМО): выплата компенсации путём перечисления на лицевой счёт услугополучателя',
      },
      source: at(342, 344),
    },
    {
      text: {
        kk: 'ЗТМО-да: бас бостандығынан айыру орындарында жазасын өтеп жүрген алушыларға жеке және заңды тұлғалардың ақшасын уақытша орналастыру қолма-қол ақшаны бақылау шоттарына қаражатты аудару арқылы өтемақы төлеу',
        ru: 'В ГЦВП (ЗТМО): выплата компенсации услугополучателям, отбывающим наказание в местах лишения свободы, путём перечисления на контрольные счета наличности временного размещения денег физических и юридических лиц',
      },
      source: at(345, 348),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9({
      kk: 'Семей ядролық сынақ полигонында ядролық сынақтардың салдарынан зардап шеккен азаматтарды тіркеу және есепке алу, біржолғы мемлекеттік ақшалай өтемақы төлеу, куәліктер беру',
      ru: 'Регистрация и учёт граждан, пострадавших вследствие ядерных испытаний на Семипалатинском испытательном ядерном полигоне, выплата единовременной государственной денежной компенсации, выдача удостоверений',
    }),
    source: at(354, 357),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [
    {
      text: {
        kk: 'Мемлекеттік көрсетілетін қызметті алатын күні',
        ru: 'Дата получения государственной услуги',
      },
      source: at(364, 365),
    },
    {
      text: {
        kk: 'Құжаттарды қабылдаған жауапты адамның тегі мен аты-жөні',
        ru: 'Фамилия и инициалы ответственного лица, принявшего документы',
      },
      source: at(364, 365),
    },
  ],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(354, 357) },
    {
      kind: 'other',
      text: {
        kk: 'Мемлекеттік қызмет көрсету туралы шешімді қабылдау үшін қосымша сұрау салу, тексеру жүргізу қажет болған жағдайларда мемлекеттік қызмет көрсету мерзімі 1 (бір) айға ұзартылады',
        ru: 'В случаях необходимости дополнительных запросов, проведения проверки для принятия решения срок оказания услуги продлевается на 1 (один) месяц',
      },
      source: at(376, 378),
    },
  ],
  inconsistencies: [
    {
      text: {
        kk: 'Нәтижеде "куәлікті немесе оның төлнұсқасын" (341-жол, "түпнұсқа" мағынасы), ал 3)–4) қадамдарда "телнұсқа" (372–380) деп жазылған; мәтінге қарағанда телнұсқа (дубликат) айтылған.',
        ru: 'В результате написано "төлнұсқасын" (стр. 341, по смыслу "подлинник"), а в шагах 3)–4) — "телнұсқа" (дубликат) (372–380); по контексту речь о дубликате.',
      },
      source: at(341, 380),
    },
    {
      text: {
        kk: '"ЗТМО" қысқартуы мәтінде ашылмаған.',
        ru: 'Сокращение "ЗТМО" в тексте не раскрыто.',
      },
      source: at(342, 342),
    },
  ],
  source: at(303, 438),
};

// --- 000-04: fuel assistance for rural social-sphere specialists (appendix 4) ---

const s04Register: Step = {
  id: 'register',
  role: 'district_executor',
  stage: 'intake',
  action: {
    kk: 'Құжаттар топтамасын қабылдау, өтінішті тіркеу',
    ru: 'Приём пакета документов, регистрация заявления',
  },
  duration: minutes(30),
  source: withParagraph(at(484, 485)),
};
const s04Assign: Step = {
  id: 'assign',
  role: 'district_head',
  stage: 'other',
  action: {
    kk: 'Құжаттарды қарау және жауапты орындаушысын анықтау',
    ru: 'Рассмотрение документов и определение ответственного исполнителя',
  },
  duration: minutes(15),
  source: withParagraph(at(486, 487)),
};
const s04ReviewAction: Localized = {
  kk: 'Ұсынылған құжаттардың толықтығын тексеру, хабарламаны рәсімдеу, көрсетілетін қызметті берушінің басшысының хабарламаға қол қоюы',
  ru: 'Проверка полноты представленных документов, оформление уведомления, подписание уведомления руководителем услугодателя',
};
const s04Handout: Step = {
  id: 'handout',
  role: 'district_executor',
  stage: 'handout',
  action: {
    kk: 'Көрсетілетін қызметті алушыға хабарламаны беру (журналдағы алушының қолы)',
    ru: 'Выдача уведомления услугополучателю (подпись услугополучателя в журнале)',
  },
  duration: minutes(15),
  source: withParagraph(at(494, 496)),
};

const s04ProviderSteps: Step[] = [
  s04Register,
  s04Assign,
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: s04ReviewAction,
    duration: workingDays(9),
    note: {
      kk: 'Көрсетілетін қызметті берушіге жүгінген кезде — 9 жұмыс күні; басшының қол қоюы осы мерзімге кіреді.',
      ru: 'При обращении к услугодателю — 9 рабочих дней; подписание руководителем входит в этот срок.',
    },
    source: withParagraph(at(488, 493)),
  },
  s04Handout,
];

const AKIM_PERFORMER_UNKNOWN: Localized = {
  kk: 'Әкімге жүгінген кезде бұл қадамды кім орындайтыны айтылмаған (5-тармақтың қадамдары екі арнаға ортақ).',
  ru: 'Кто выполняет этот шаг при обращении к акиму, не сказано (шаги пункта 5 общие для обоих каналов).',
};

const s04AkimSteps: Step[] = [
  { ...s04Register, role: 'akimat_specialist', note: AKIM_PERFORMER_UNKNOWN },
  { ...s04Assign, note: AKIM_PERFORMER_UNKNOWN },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: s04ReviewAction,
    duration: workingDays(14),
    note: {
      kk: 'Кент, ауыл, ауылдық округ әкіміне жүгінген кезде — 14 жұмыс күні; басшының қол қоюы осы мерзімге кіреді. Істің әкімнен көрсетілетін қызметті берушіге қашан және қалай жіберілетіні, нәтиженің әкімге қайтарылуы жазылмаған.',
      ru: 'При обращении к акиму поселка, села, сельского округа — 14 рабочих дней; подписание руководителем входит в этот срок. Когда и как дело передаётся от акима услугодателю и как результат возвращается акиму, не описано.',
    },
    source: withParagraph(at(488, 493)),
  },
  { ...s04Handout, role: 'akimat_specialist', note: AKIM_PERFORMER_UNKNOWN },
];

const s04PsoSteps: Step[] = [
  {
    id: 'register',
    role: 'pso_operator',
    stage: 'intake',
    action: {
      kk: 'Мемлекеттік корпорация қызметкері құжаттар топтамасын қабылдайды; толық емес болса, құжаттарды қабылдаудан бас тарту туралы қолхат береді',
      ru: 'Работник Госкорпорации принимает пакет документов; при неполном пакете выдаёт расписку об отказе в приёме документов',
    },
    duration: minutes(15),
    source: withParagraph(at(525, 529)),
  },
  {
    id: 'forward',
    role: 'pso_operator',
    stage: 'forward',
    action: {
      kk: 'Мемлекеттік корпорация құжаттарды көрсетілетін қызметті берушіге жолдайды',
      ru: 'Госкорпорация направляет документы услугодателю',
    },
    duration: workingDays(1),
    source: withParagraph(at(530, 531)),
  },
  {
    id: 'receive',
    role: 'district_executor',
    stage: 'receive',
    action: {
      kk: 'Көрсетілетін қызметті берушінің қызметкері құжаттарды қабылдайды және тіркейді, басшыға бұрыштама қоюға және жауапты орындаушыны анықтауға жібереді',
      ru: 'Работник услугодателя принимает и регистрирует документы, направляет руководителю для резолюции и определения ответственного исполнителя',
    },
    duration: minutes(30),
    source: withParagraph(at(532, 535)),
  },
  {
    id: 'assign',
    role: 'district_head',
    stage: 'other',
    action: {
      kk: 'Көрсетілетін қызметті берушінің басшысы құжаттарды қарайды және жауапты орындаушыны анықтайды',
      ru: 'Руководитель услугодателя рассматривает документы и определяет ответственного исполнителя',
    },
    duration: workingDays(1),
    source: withParagraph(at(536, 537)),
  },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: {
      kk: 'Жауапты орындаушы құжаттарды қарайды, хабарламаны ресімдейді және басшыға қол қоюға жолдайды',
      ru: 'Ответственный исполнитель рассматривает документы, оформляет уведомление и направляет руководителю на подпись',
    },
    duration: workingDays(5),
    source: withParagraph(at(541, 544)),
  },
  {
    id: 'sign',
    role: 'district_head',
    stage: 'sign',
    action: {
      kk: 'Көрсетілетін қызметті берушінің басшысы хабарламаға қол қояды',
      ru: 'Руководитель услугодателя подписывает уведомление',
    },
    duration: minutes(30),
    source: withParagraph(at(545, 546)),
  },
  {
    id: 'return',
    role: 'district_executor',
    stage: 'return',
    action: {
      kk: 'Жауапты орындаушы Мемлекеттік корпорация қызметкеріне хабарламаны жібереді',
      ru: 'Ответственный исполнитель направляет уведомление работнику Госкорпорации',
    },
    duration: workingDays(1),
    source: withParagraph(at(547, 549)),
  },
  {
    id: 'handout',
    role: 'pso_operator',
    stage: 'handout',
    action: {
      kk: 'Мемлекеттік корпорация қызметкері көрсетілетін қызметті алушыға хабарламаны береді',
      ru: 'Работник Госкорпорации выдаёт уведомление услугополучателю',
    },
    duration: minutes(15),
    source: withParagraph(at(550, 551)),
  },
];

const service04: Service = {
  id: '000-04',
  actId: '000',
  name: {
    kk: 'Ауылдық елді мекендерде тұратын және жұмыс істейтін әлеуметтік сала мамандарына отын сатып алу бойынша әлеуметтік көмек тағайындау',
    ru: 'Назначение социальной помощи специалистам социальной сферы, проживающим и работающим в сельских населённых пунктах, по приобретению топлива',
  },
  gloss: 'Fuel-purchase assistance for social-sphere specialists in rural settlements',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: at(454, 462) },
  channels: {
    provider: {
      steps: s04ProviderSteps,
      total: computedTotal(s04ProviderSteps),
      submissionDayCounts: null,
      source: at(482, 496),
    },
    akim: {
      steps: s04AkimSteps,
      total: computedTotal(s04AkimSteps),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Әкім арнасы 5-тармақтың 3) тармақшасынан ғана белгілі (14 жұмыс күні); әкім қатысушылар тізбесінде жоқ, істі жіберу, қабылдау және қайтару қадамдары жазылмаған.',
          ru: 'Канал акима известен только из подпункта 3) пункта 5 (14 рабочих дней); аким не входит в перечень участников, шаги передачи, приёма и возврата дела не описаны.',
        },
      ],
      source: at(482, 496),
    },
    pso: {
      steps: s04PsoSteps,
      total: computedTotal(s04PsoSteps),
      submissionDayCounts: null,
      source: at(519, 551),
    },
  },
  results: [
    {
      text: {
        kk: 'Әлеуметтік көмек тағайындау туралы хабарлама (қағаз түрінде)',
        ru: 'Уведомление о назначении социальной помощи (в бумажном виде)',
      },
      source: at(469, 471),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9({
      kk: 'Ауылдық елді мекендерде тұратын және жұмыс істейтін әлеуметтік сала мамандарына отын сатып алу бойынша әлеуметтік көмек тағайындау',
      ru: 'Назначение социальной помощи специалистам социальной сферы, проживающим и работающим в сельских населённых пунктах, по приобретению топлива',
    }),
    source: at(478, 481),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(478, 481) },
    {
      kind: 'return_incomplete_package',
      text: {
        kk: 'Көрсетілетін қызметті алушы Стандарттың 9-тармағында көзделген тізбеге сәйкес құжаттардың толық топтамасын ұсынбаған жағдайда, мемлекеттік корпорация қызметкері құжаттарды қабылдаудан бас тарту туралы қолхат береді',
        ru: 'Если услугополучатель не представил полный пакет документов по перечню пункта 9 Стандарта, работник Госкорпорации выдаёт расписку об отказе в приёме документов',
      },
      source: at(525, 529),
    },
    { kind: 'other', text: JOURNAL_SIGNATURE, source: at(494, 496) },
  ],
  inconsistencies: [
    {
      text: {
        kk: 'Қатысушылар тізбесінде (6-тармақ) ауылдық округ әкімі жоқ, бірақ 5-тармақтың 3) тармақшасы әкімге жүгінген кездегі мерзімді береді (14 жұмыс күні).',
        ru: 'В перечне участников (пункт 6) нет акима сельского округа, хотя подпункт 3) пункта 5 даёт срок при обращении к акиму (14 рабочих дней).',
      },
      source: at(488, 508),
    },
  ],
  source: at(442, 561),
};

// --- 000-05: registration of unemployed citizens (appendix 5) ---

const s05ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау және тіркеу, басшыға бұрыштама қою және жауапты орындаушыны анықтау үшін жолдау',
      ru: 'Приём и регистрация документов, направление руководителю для резолюции и определения ответственного исполнителя',
    },
    duration: minutes(10),
    source: withParagraph(at(606, 609)),
  },
  {
    id: 'assign',
    role: 'district_head',
    stage: 'other',
    action: {
      kk: 'Құжаттарды қарау және жауапты орындаушысын анықтау',
      ru: 'Рассмотрение документов и определение ответственного исполнителя',
    },
    duration: workingDays(1),
    source: withParagraph(at(610, 611)),
  },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: {
      kk: 'Ұсынылған құжаттарды қарау, хабарламаны ресімдеу және басшыға қол қоюға жіберу',
      ru: 'Рассмотрение представленных документов, оформление уведомления и направление руководителю на подпись',
    },
    duration: workingDays(3),
    note: {
      kk: 'Нәтижесі — хабарламаға қол қою, яғни басшының қол қоюы осы мерзімге кіреді.',
      ru: 'Результат — подписание уведомления, то есть подпись руководителя входит в этот срок.',
    },
    source: withParagraph(at(612, 614)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Көрсетілетін қызметті алушыға хабарламаны беру',
      ru: 'Выдача уведомления услугополучателю',
    },
    duration: minutes(10),
    source: withParagraph(at(615, 617)),
  },
];

const s05EgovSteps: Step[] = [
  egovSubmit(at(653, 656)),
  egovAccept(at(657, 660)),
  ...perParagraph5(s05ProviderSteps.slice(1, 3), at(604, 617)),
  egovResult(at(665, 667)),
];

const service05: Service = {
  id: '000-05',
  actId: '000',
  name: {
    kk: 'Жұмыссыз азаматтарды тіркеу және есепке қою',
    ru: 'Регистрация и постановка на учёт безработных граждан',
  },
  gloss: 'Registration of unemployed citizens',
  isDeleted: false,
  provider: { text: LOCAL_EXECUTIVE_BODIES, source: at(580, 583) },
  channels: {
    provider: {
      steps: s05ProviderSteps,
      total: computedTotal(s05ProviderSteps),
      submissionDayCounts: null,
      source: at(604, 617),
    },
    pso: channelInMissingAppendix(at(642, 648), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
    egov: {
      steps: s05EgovSteps,
      total: computedTotal(s05EgovSteps),
      submissionDayCounts: null,
      source: at(649, 667),
    },
  },
  results: [
    {
      text: {
        kk: 'Қағаз немесе электрондық түрде жұмыссыз ретінде тіркеу және есепке қою туралы хабарлама',
        ru: 'Уведомление о регистрации и постановке на учёт в качестве безработного в бумажной или электронной форме',
      },
      source: at(593, 595),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9(
      {
        kk: 'Жұмыссыз азаматтарды тіркеу және есепке қою',
        ru: 'Регистрация и постановка на учёт безработных граждан',
      },
      {
        kk: 'Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрлігінің 2015 жылғы 28 сәуірдегі № 279 бұйрығымен бекітілген',
        ru: 'утверждённого приказом Министерства здравоохранения и социального развития Республики Казахстан от 28 апреля 2015 года № 279',
      },
    ),
    source: at(601, 603),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [],
  source: at(569, 681),
};

// --- 000-06: certificates for unemployed citizens (appendix 6) ---

const S06_NO_STEP_TERM: Localized = {
  kk: 'Қадамның жеке мерзімі жоқ; үш қадамнан кейін бір рет "Ұзақтығы – 10 (он) минуттан аспайды" деп жазылған (730-жол). 0 — жеке мерзім көрсетілмеген.',
  ru: 'Отдельного срока у шага нет; после трёх шагов один раз сказано "Продолжительность – не более 10 (десяти) минут" (стр. 730). 0 — отдельный срок не указан.',
};

const s06ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау және тіркеу, анықтаманы ресімдеу және басшыға қол қоюға жолдау',
      ru: 'Приём и регистрация документов, оформление справки и направление руководителю на подпись',
    },
    duration: minutes(0),
    note: S06_NO_STEP_TERM,
    source: withParagraph(at(723, 725)),
  },
  {
    id: 'sign',
    role: 'district_head',
    stage: 'sign',
    action: { kk: 'Анықтамаға қол қою', ru: 'Подписание справки' },
    duration: minutes(0),
    note: S06_NO_STEP_TERM,
    source: withParagraph(at(726, 727)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: { kk: 'Анықтама беру', ru: 'Выдача справки' },
    duration: minutes(0),
    note: S06_NO_STEP_TERM,
    source: withParagraph(at(728, 729)),
  },
];

const s06EgovSteps: Step[] = [
  egovSubmit(at(765, 768)),
  egovAccept(at(769, 772)),
  ...perParagraph5(
    [
      {
        id: 'draft',
        role: 'district_executor',
        stage: 'review',
        action: {
          kk: 'Анықтаманы ресімдеу және басшыға қол қоюға жолдау',
          ru: 'Оформление справки и направление руководителю на подпись',
        },
        duration: minutes(0),
        note: S06_NO_STEP_TERM,
        source: withParagraph(at(723, 725)),
      },
      ...s06ProviderSteps.slice(1, 2),
    ],
    at(721, 730),
  ),
  egovResult(at(777, 779)),
];

const service06: Service = {
  id: '000-06',
  actId: '000',
  name: {
    kk: 'Жұмыссыз азаматтарға анықтама беру',
    ru: 'Выдача справки безработным гражданам',
  },
  gloss: 'Certificate for an unemployed citizen',
  isDeleted: false,
  provider: { text: LOCAL_EXECUTIVE_BODIES, source: at(698, 701) },
  channels: {
    provider: {
      steps: s06ProviderSteps,
      total: {
        value: 10,
        unit: 'minutes',
        isStated: true,
        note: {
          kk: '"Ұзақтығы – 10 (он) минуттан аспайды" үш қадамнан кейін бөлек жолда тұр; бүкіл рәсімнің мерзімі деп оқылды (тек 3-қадамның мерзімі болуы да мүмкін).',
          ru: '"Продолжительность – не более 10 (десяти) минут" стоит отдельной строкой после трёх шагов; прочитано как срок всей процедуры (возможно, это срок только шага 3).',
        },
        source: at(730, 730),
      },
      submissionDayCounts: null,
      source: at(721, 730),
    },
    pso: channelInMissingAppendix(at(754, 760), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
    egov: {
      steps: s06EgovSteps,
      total: computedTotal(s06EgovSteps),
      submissionDayCounts: null,
      notes: [
        {
          kk: 'Қызмет нысаны "электрондық (толық автоматтандырылған)" деп аталғанымен, портал арқылы рәсімде жауапты орындаушының қолмен орындайтын қадамдары бар (709–710, 769–779-жолдар).',
          ru: 'Хотя форма услуги названа "электронной (полностью автоматизированной)", в процедуре через портал есть ручные шаги ответственного исполнителя (строки 709–710, 769–779).',
        },
      ],
      source: at(761, 779),
    },
  },
  results: [
    {
      text: {
        kk: 'Қағаз немесе электрондық түрде жұмыссыз ретінде тіркеу туралы анықтама',
        ru: 'Справка о регистрации в качестве безработного в бумажной или электронной форме',
      },
      source: at(711, 712),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9(
      {
        kk: 'Жұмыссыз азаматтарға анықтамалар беру',
        ru: 'Выдача справок безработным гражданам',
      },
      {
        kk: 'Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрлігінің 2015 жылғы 28 сәуірдегі № 279 бұйрығымен бекітілген',
        ru: 'утверждённого приказом Министерства здравоохранения и социального развития Республики Казахстан от 28 апреля 2015 года № 279',
      },
    ),
    source: at(718, 720),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [],
  inconsistencies: [
    {
      text: {
        kk: 'Атауы: актінің 1-тармағында "Жұмыссыз азаматтарға анықтама беру" (54-жол), ал регламенттің тақырыбында және мәтінінде "Жұмыссыз азаматтарға анықтамалар беру" (693, 698, 704-жолдар).',
        ru: 'Название: в пункте 1 акта "Жұмыссыз азаматтарға анықтама беру" (стр. 54), а в заголовке и тексте регламента "Жұмыссыз азаматтарға анықтамалар беру" (стр. 693, 698, 704).',
      },
      source: at(54, 704),
    },
    {
      text: {
        kk: 'Тармақтардың нөмірленуі: "7" екі рет (736, 740-жолдар), 6-тармақ жоқ.',
        ru: 'Нумерация пунктов: "7" дважды (строки 736, 740), пункта 6 нет.',
      },
      source: at(736, 740),
    },
  ],
  source: at(687, 793),
};

// --- 000-07: housing assistance (appendix 7) ---

const s07ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау және тіркеу, басшыға бұрыштама қою және жауапты орындаушыны анықтау үшін жолдау',
      ru: 'Приём и регистрация документов, направление руководителю для резолюции и определения ответственного исполнителя',
    },
    duration: minutes(15),
    source: withParagraph(at(838, 841)),
  },
  {
    id: 'assign',
    role: 'district_head',
    stage: 'other',
    action: {
      kk: 'Құжаттарды қарау және жауапты орындаушысын анықтау',
      ru: 'Рассмотрение документов и определение ответственного исполнителя',
    },
    duration: minutes(20),
    source: withParagraph(at(842, 843)),
  },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: {
      kk: 'Ұсынылған құжаттарды қарау, хабарламаны және шешімді ресімдеу, басшыға қол қоюға жіберу',
      ru: 'Рассмотрение представленных документов, оформление уведомления и решения, направление руководителю на подпись',
    },
    duration: calendarDays(7),
    note: {
      kk: 'Мерзім күнтізбелік күнмен берілген. Нәтижесі — хабарламаға және шешімге қол қою, яғни басшының қол қоюы осы мерзімге кіреді.',
      ru: 'Срок дан в календарных днях. Результат — подписание уведомления и решения, то есть подпись руководителя входит в этот срок.',
    },
    source: withParagraph(at(844, 847)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Мемлекеттік көрсетілетін қызметтің нәтижесін (хабарламаны) беру',
      ru: 'Выдача результата государственной услуги (уведомления)',
    },
    duration: minutes(15),
    source: withParagraph(at(848, 849)),
  },
];

const s07EgovSteps: Step[] = [
  egovSubmit(at(884, 887)),
  egovAccept(at(888, 891)),
  ...perParagraph5(s07ProviderSteps.slice(1, 3), at(836, 849)),
  egovResult(at(896, 898)),
];

const service07: Service = {
  id: '000-07',
  actId: '000',
  name: { kk: 'Тұрғын үй көмегін тағайындау', ru: 'Назначение жилищной помощи' },
  gloss: 'Housing assistance',
  isDeleted: false,
  provider: {
    text: {
      kk: 'Аудандардың, облыстық маңызы бар қалалардың жұмыспен қамту және әлеуметтік бағдарламалар бөлімдері',
      ru: DISTRICT_DEPARTMENTS.ru,
    },
    source: at(812, 815),
  },
  channels: {
    provider: {
      steps: s07ProviderSteps,
      total: computedTotal(s07ProviderSteps),
      submissionDayCounts: null,
      source: at(836, 849),
    },
    pso: channelInMissingAppendix(at(873, 879), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
    egov: {
      steps: s07EgovSteps,
      total: computedTotal(s07EgovSteps),
      submissionDayCounts: null,
      source: at(880, 898),
    },
  },
  results: [
    {
      text: {
        kk: 'Тұрғын үй көмегін тағайындау туралы хабарлама',
        ru: 'Уведомление о назначении жилищной помощи',
      },
      source: at(825, 826),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9(
      { kk: 'Тұрғын үй көмегін тағайындау', ru: 'Назначение жилищной помощи' },
      {
        kk: 'Қазақстан Республикасы Ұлттық экономика министрінің 2015 жылғы 9 сәуірдегі № 319 бұйрығымен бекітілген',
        ru: 'утверждённого приказом Министра национальной экономики Республики Казахстан от 9 апреля 2015 года № 319',
      },
    ),
    source: at(832, 835),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(832, 835) },
  ],
  source: at(801, 912),
};

// --- 000-08: state benefit for children under eighteen (appendix 8) ---

const service08: Service = {
  id: '000-08',
  actId: '000',
  name: {
    kk: 'Он сегіз жасқа дейінгі балаларға мемлекеттік жәрдемақы тағайындау',
    ru: 'Назначение государственного пособия на детей до восемнадцати лет',
  },
  gloss: 'State benefit for children under 18',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: at(929, 932) },
  channels: {
    provider: channelInMissingAppendix(at(957, 961), {
      kk: 'регламенттің 1-қосымшасында',
      ru: 'приложении 1 к регламенту',
    }),
    akim: channelInMissingAppendix(
      at(967, 976),
      { kk: 'регламенттің 1- және 2-қосымшаларында', ru: 'приложениях 1 и 2 к регламенту' },
      [AKIM_FROM_PARTICIPANTS],
    ),
    pso: channelInMissingAppendix(at(986, 992), {
      kk: 'регламенттің 3-қосымшасында',
      ru: 'приложении 3 к регламенту',
    }),
  },
  results: [
    {
      text: {
        kk: 'Он сегіз жасқа дейінгі балаларға мемлекеттік жәрдемақы тағайындау немесе тағайындаудан бас тарту туралы хабарлама (қағаз түрінде)',
        ru: 'Уведомление о назначении или об отказе в назначении государственного пособия на детей до восемнадцати лет (в бумажном виде)',
      },
      source: at(944, 947),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9(null),
    source: at(953, 956),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [],
  receiptContents: [],
  specialRules: [
    { kind: 'representative_by_power_of_attorney', text: POWER_OF_ATTORNEY, source: at(953, 956) },
    {
      kind: 'commission_inspection',
      text: {
        kk: 'Учаскелік комиссия мемлекеттік қызмет көрсету процесіне қатысады; оның міндеттері мен мерзімдері регламент мәтінінде сипатталмаған',
        ru: 'Участковая комиссия участвует в оказании услуги; её функции и сроки в тексте регламента не описаны',
      },
      source: at(967, 972),
    },
    {
      kind: 'other',
      text: {
        kk: 'Қызмет сондай-ақ Денсаулық сақтау және әлеуметтік даму министрінің 2015 жылғы 5 мамырдағы № 319 бұйрығымен бекітілген "Балалы отбасыларға берілетін мемлекеттік жәрдемақыларды тағайындау және төлеу қағидалары" негізінде көрсетіледі',
        ru: 'Услуга оказывается также на основании "Правил назначения и выплаты государственных пособий семьям, имеющим детей", утверждённых приказом Министра здравоохранения и социального развития от 5 мая 2015 года № 319',
      },
      source: at(935, 942),
    },
  ],
  inconsistencies: [
    {
      text: {
        kk: 'Стандарт аты аталмай, тек "№ 279 бұйрығымен (бұдан әрі – Стандарт)" деп берілген; Мемлекеттік корпорация "халыққа қызмет көрсету орталығы" және "орталық" деп аталған.',
        ru: 'Стандарт не назван по имени, только "приказом № 279 (далее – Стандарт)"; Госкорпорация названа "центром обслуживания населения" и "центром".',
      },
      source: at(933, 992),
    },
  ],
  source: at(918, 1020),
};

// --- 000-09: reimbursement of home-schooling costs for disabled children (appendix 9) ---

const s09ProviderSteps: Step[] = [
  {
    id: 'register',
    role: 'district_executor',
    stage: 'intake',
    action: {
      kk: 'Құжаттарды қабылдау және тіркеу, талон беру және басшыға бұрыштама қолын қою үшін жолдау',
      ru: 'Приём и регистрация документов, выдача талона и направление руководителю для наложения резолюции',
    },
    duration: minutes(30),
    note: {
      kk: 'Орындаушы аталмаған; қатысушылар тізбесінде — маман.',
      ru: 'Исполнитель не назван; в перечне участников — специалист.',
    },
    source: withParagraph(at(1068, 1072)),
  },
  {
    id: 'assign',
    role: 'district_head',
    stage: 'other',
    action: {
      kk: 'Ұсынылған құжаттарды қарау және жауапты орындаушысын анықтау',
      ru: 'Рассмотрение представленных документов и определение ответственного исполнителя',
    },
    duration: workingDays(1),
    source: withParagraph(at(1073, 1075)),
  },
  {
    id: 'review',
    role: 'district_executor',
    stage: 'review',
    action: {
      kk: 'Құжаттардың талаптарға сәйкестігін қарау, үйде оқитын мүгедек балаларға материалдық қамсыздандыруды тағайындау туралы шешімді және хабарламаны ресімдеу',
      ru: 'Рассмотрение документов на соответствие требованиям, оформление решения о назначении материального обеспечения детям-инвалидам, обучающимся на дому, и уведомления',
    },
    duration: workingDays(7),
    source: withParagraph(at(1076, 1079)),
  },
  {
    id: 'sign',
    role: 'district_head',
    stage: 'sign',
    action: {
      kk: 'Құжаттарды қарау, шешім мен хабарламаға қол қою',
      ru: 'Рассмотрение документов, подписание решения и уведомления',
    },
    duration: workingDays(1),
    source: withParagraph(at(1080, 1081)),
  },
  {
    id: 'handout',
    role: 'district_executor',
    stage: 'handout',
    action: {
      kk: 'Көрсетілетін қызметті алушыға хабарламаны беру',
      ru: 'Выдача уведомления услугополучателю',
    },
    duration: minutes(15),
    source: withParagraph(at(1082, 1083)),
  },
];

const s09EgovSteps: Step[] = [
  egovSubmit(at(1115, 1118)),
  egovAccept(at(1119, 1122)),
  ...perParagraph5(s09ProviderSteps.slice(1, 4), at(1066, 1083)),
  egovResult(at(1130, 1132)),
];

const service09: Service = {
  id: '000-09',
  actId: '000',
  name: {
    kk: 'Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу',
    ru: 'Возмещение затрат на обучение на дому детей-инвалидов',
  },
  gloss: 'Reimbursement of home-schooling costs for disabled children',
  isDeleted: false,
  provider: { text: DISTRICT_DEPARTMENTS, source: at(1039, 1046) },
  channels: {
    provider: {
      steps: s09ProviderSteps,
      total: computedTotal(s09ProviderSteps),
      submissionDayCounts: null,
      source: at(1066, 1083),
    },
    pso: channelInMissingAppendix(at(1106, 1110), {
      kk: 'регламенттің 2-қосымшасында',
      ru: 'приложении 2 к регламенту',
    }),
    egov: {
      steps: s09EgovSteps,
      total: computedTotal(s09EgovSteps),
      submissionDayCounts: null,
      source: at(1111, 1132),
    },
  },
  results: [
    {
      text: {
        kk: 'Жәрдемақы тағайындау туралы хабарлама (электрондық және (немесе) қағаз түрінде)',
        ru: 'Уведомление о назначении пособия (в электронной и (или) бумажной форме)',
      },
      source: at(1053, 1056),
    },
  ],
  fee: { kind: 'not_stated' },
  checklist: {
    kind: 'per_standard',
    reference: standardParagraph9({
      kk: 'Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу',
      ru: 'Возмещение затрат на обучение на дому детей-инвалидов',
    }),
    source: at(1063, 1065),
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [
    {
      text: { kk: 'Тіркелген күні', ru: 'Дата регистрации' },
      source: at(1068, 1070),
    },
    {
      text: { kk: 'Мемлекеттік қызметті алған күні', ru: 'Дата получения государственной услуги' },
      source: at(1068, 1070),
    },
    {
      text: {
        kk: 'Құжаттарды қабылдаған адамның тегі мен аты-жөні',
        ru: 'Фамилия и инициалы лица, принявшего документы',
      },
      source: at(1068, 1070),
    },
  ],
  receiptContents: [],
  specialRules: [],
  source: at(1028, 1150),
};

// --- 000-10: oralman status (appendix 10) ---

const s10Total = {
  value: 5,
  unit: 'working_days',
  isStated: true,
  note: {
    kk: 'Көрсетілетін қызметті беруші құжаттардың толық топтамасын тіркеген сәттен бастап.',
    ru: 'С момента регистрации услугодателем полного пакета документов.',
  },
  source: at(1180, 1183),
} satisfies Channel['total'];

const s10NoSteps: Localized = {
  kk: 'Регламентте рәсімдер мен қатысушылар сипатталмаған (мәтін Стандарттың мәтінінен құралған); тек жалпы мерзім берілген.',
  ru: 'Процедуры и участники в регламенте не описаны (текст составлен из текста Стандарта); дан только общий срок.',
};

const service10: Service = {
  id: '000-10',
  actId: '000',
  name: { kk: 'Оралман мәртебесін беру', ru: 'Присвоение статуса оралмана' },
  gloss: 'Oralman (ethnic Kazakh repatriate) status',
  isDeleted: false,
  provider: {
    text: { kk: 'Жергілікті атқарушы органдар', ru: 'Местные исполнительные органы' },
    source: at(1171, 1176),
  },
  channels: {
    provider: {
      steps: [],
      total: s10Total,
      submissionDayCounts: null,
      notes: [
        s10NoSteps,
        {
          kk: 'Құжаттар топтамасын тапсыру үшін күтудің ең ұзақ уақыты — 30 минут.',
          ru: 'Максимальное время ожидания для сдачи пакета документов — 30 минут.',
        },
        {
          kk: 'Өтінішті қабылдау және нәтижені беру: сағат 9.00-ден 17.30-ға дейін, түскі үзіліс 13.00-ден 14.30-ға дейін; алдын ала жазылусыз, кезек тәртібінде.',
          ru: 'Приём заявлений и выдача результатов: с 9.00 до 17.30, перерыв на обед с 13.00 до 14.30; без предварительной записи, в порядке очереди.',
        },
      ],
      source: at(1180, 1205),
    },
    pso: {
      steps: [],
      total: s10Total,
      submissionDayCounts: null,
      notes: [
        s10NoSteps,
        {
          kk: 'Құжаттар топтамасын және нәтижені курьермен жеткізу үшін аудандық (қалалық) Мемлекеттік корпорация бөлімшесінде өтініш білдірген кезде де — 5 (бес) жұмыс күні.',
          ru: 'При обращении в районное (городское) отделение Госкорпорации для курьерской доставки пакета документов и результата — также 5 (пять) рабочих дней.',
        },
        {
          kk: 'Құжаттар топтамасын тапсыру үшін күтудің ең ұзақ уақыты — 15 минут; "электрондық кезек" тәртібінде, кезекті портал арқылы броньдауға болады.',
          ru: 'Максимальное время ожидания для сдачи пакета документов — 15 минут; в порядке "электронной очереди", очередь можно забронировать через портал.',
        },
      ],
      source: at(1180, 1211),
    },
  },
  results: [
    {
      text: {
        kk: 'Көрсетілетін қызметті алушыға оралман куәлігін беру (қағаз түрінде)',
        ru: 'Выдача услугополучателю удостоверения оралмана (в бумажном виде)',
      },
      source: at(1191, 1193),
    },
  ],
  fee: { kind: 'free', source: at(1194, 1195) },
  checklist: {
    kind: 'listed',
    documents: [
      {
        id: 'application',
        name: {
          kk: 'Мемлекеттік көрсетілетін қызмет стандартына 1-қосымшаға сәйкес нысан бойынша өтініш',
          ru: 'Заявление по форме согласно приложению 1 к стандарту государственной услуги',
        },
        source: at(1212, 1215),
      },
      {
        id: 'autobiography',
        name: { kk: 'Өмірбаян (еркін нысанда)', ru: 'Автобиография (в произвольной форме)' },
        source: at(1216, 1216),
      },
      {
        id: 'photos',
        name: {
          kk: 'Отбасы отағасының, сондай-ақ отбасының әрбір мүшесінің мөлшері 3х4 сантиметр екі фотосуреті',
          ru: 'Две фотографии размером 3х4 сантиметра главы семьи, а также каждого члена семьи',
        },
        source: at(1217, 1218),
      },
      {
        id: 'identity_documents',
        name: {
          kk: 'Нотариат куәландырған аудармасымен өтініш білдіруші үміткердің және онымен бірге қоныс аударушы отбасы мүшелерінің жеке басын куәландыратын құжаттардың (шетелдік паспорттың, кәмелетке толмаған балалардың туу туралы куәлігінің, қазақ ұлтына жататынын растайтын тағы басқаларының) көшірмелері',
          ru: 'Копии документов, удостоверяющих личность кандидата и переселяющихся с ним членов семьи (заграничного паспорта, свидетельств о рождении несовершеннолетних детей, иных документов, подтверждающих принадлежность к казахской национальности), с нотариально засвидетельствованным переводом',
        },
        source: at(1219, 1223),
      },
      {
        id: 'iin_certificates',
        name: {
          kk: 'Отбасы отағасына, сондай-ақ отбасының әрбір мүшесіне (бар болса) ЖСН берілгені туралы анықтаманың көшірмесі немесе ЖСН бар екендігін растайтын өзге де құжаттар',
          ru: 'Копия справки о присвоении ИИН главе семьи, а также каждому члену семьи (при наличии) либо иные документы, подтверждающие наличие ИИН',
        },
        source: at(1224, 1226),
      },
      {
        id: 'ethnic_kazakh_proof',
        name: {
          kk: 'Этникалық қазақтарға жатқызылғанын растайтын құжаттардың (аттестат, диплом, білім алғаны туралы куәлік, еңбек кітапшасы және тағы басқалар) көшірмелері',
          ru: 'Копии документов, подтверждающих отнесение к этническим казахам (аттестат, диплом, свидетельство об образовании, трудовая книжка и другие)',
        },
        condition: {
          kk: 'жеке басын куәландыратын құжатта қазақ ұлтына жататыны туралы ақпарат болмаған жағдайда — алушыға, онымен бірге көшіп келген отбасы мүшелеріне және олардың Қазақстан Республикасы егемендік алғаннан кейін одан тыс жерлерде туған ұлты қазақ балаларына',
          ru: 'если в документе, удостоверяющем личность, нет сведений о казахской национальности — на услугополучателя, прибывших с ним членов семьи и их детей казахской национальности, родившихся за пределами РК после обретения ею суверенитета',
        },
        source: at(1227, 1236),
      },
    ],
  },
  refusalGrounds: { kind: 'not_stated' },
  talonContents: [
    {
      text: {
        kk: 'Көрсетілетін қызметті берушіде — өтінішті тіркеу туралы хабарлама: тіркелген күні',
        ru: 'У услугодателя — уведомление о регистрации заявления: дата регистрации',
      },
      source: at(1240, 1243),
    },
    {
      text: {
        kk: 'Көрсетілетін қызметті берушіде — өтінішті тіркеу туралы хабарлама: құжаттарды қабылдаған адамның тегі мен аты-жөні',
        ru: 'У услугодателя — уведомление о регистрации заявления: фамилия и инициалы лица, принявшего документы',
      },
      source: at(1240, 1243),
    },
  ],
  receiptContents: [
    {
      text: {
        kk: 'Мемлекеттік корпорацияда — тиісті құжаттардың қабылданғаны туралы қолхат (мазмұны регламентте көрсетілмеген)',
        ru: 'В Госкорпорации — расписка о приёме соответствующих документов (содержание в регламенте не указано)',
      },
      source: at(1247, 1248),
    },
  ],
  specialRules: [
    {
      kind: 'return_incomplete_package',
      text: {
        kk: 'Көрсетілетін қызметті алушы 9-тармақта көзделген тізбеге сәйкес құжаттардың толық топтамасын ұсынбаған жағдайда, Мемлекеттік корпорация қызметкері стандартқа 2-қосымшаға сәйкес нысан бойынша құжаттарды қабылдаудан бас тарту туралы қолхат береді',
        ru: 'Если услугополучатель не представил полный пакет документов по перечню пункта 9, работник Госкорпорации выдаёт расписку об отказе в приёме документов по форме согласно приложению 2 к стандарту',
      },
      source: at(1249, 1253),
    },
    {
      kind: 'other',
      text: {
        kk: 'Салыстырып тексеру үшін түпнұсқалар мен көшірмелер ұсынылады, содан кейін құжаттардың түпнұсқалары (өмірбаян мен фотосуреттен басқа) көрсетілетін қызметті алушыға қайтарылады',
        ru: 'Для сверки представляются оригиналы и копии, после чего оригиналы документов (кроме автобиографии и фотографий) возвращаются услугополучателю',
      },
      source: at(1237, 1239),
    },
  ],
  inconsistencies: [
    {
      text: {
        kk: 'Регламент мәтіні Стандарттың мәтінінен құралған ("Стандартты Министрлік әзірлейді"); 1-тармақ аяқталмаған сөйлем; 10-тармақ "осы регламенттің 9-тармағына" және "осы ... стандартына 2-қосымшаға" деп регламент пен стандартты араластырады.',
        ru: 'Текст регламента составлен из текста Стандарта ("Стандарт разрабатывает Министерство"); пункт 1 — незаконченное предложение; пункт 10 смешивает "пункт 9 настоящего регламента" и "приложение 2 к настоящему ... стандарту".',
      },
      source: at(1166, 1253),
    },
  ],
  source: at(1154, 1259),
};

export const services000: Service[] = [
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
