/**
 * Act 001: Almaty oblast akimat resolution No. 275 of 2 June 2016, which sets out in new wording
 * two child-protection (guardianship) service regulations approved by resolution No. 321 of
 * 17 July 2015. Both are rendered by district local executive bodies at their own office and
 * through the e-gov portal; neither has a rural-akim or ХҚО procedure. The two regulations are
 * word for word the same except for the name, the review term and the Standard's appendix of the
 * result form, so one function builds both from their seed lines.
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

const SEED = '001_97309b8c33ef0322.txt';
const at = (from: number, to: number = from): SeedRef => ({ seed: SEED, lines: [from, to] });
const minutes = (value: number): Duration => ({ value, unit: 'minutes' });
const workingDays = (value: number): Duration => ({ value, unit: 'working_days' });

/** The sum of a channel's steps (the regulations state no total); minutes go to the note. */
function computedTotal(steps: Step[]): NonNullable<Channel['total']> {
  const sum = (unit: Duration['unit']) =>
    steps.filter((s) => s.duration.unit === unit).reduce((acc, s) => acc + s.duration.value, 0);
  const mins = sum('minutes');
  return {
    value: sum('working_days'),
    unit: 'working_days',
    isStated: false,
    note: {
      kk: `Регламентте жалпы мерзім көрсетілмеген; қадамдар мерзімдерінің қосындысы${mins > 0 ? `, оған қоса ${mins} минут` : ''}.`,
      ru: `Общий срок в регламенте не указан; сумма сроков шагов${mins > 0 ? `, плюс ${mins} минут` : ''}.`,
    },
  };
}

const NO_TERM: Localized = {
  kk: 'Ұзақтығы көрсетілмеген; 0 — мерзім жоқ дегенді білдіреді.',
  ru: 'Срок не указан; 0 означает отсутствие срока.',
};

export const act001 = {
  id: '001',
  title: {
    kk: 'Алматы облысы әкімдігінің 2015 жылғы 17 шілдедегі "Білім саласындағы мемлекеттік көрсетілетін қызмет регламенттерін бекіту туралы" № 321 қаулысына өзгерістер енгізу туралы',
    ru: 'О внесении изменений в постановление акимата Алматинской области от 17 июля 2015 года № 321 "Об утверждении регламентов государственных услуг в сфере образования"',
  },
  issuer: { kk: 'Алматы облысы әкімдігі', ru: 'Акимат Алматинской области' },
  number: '275',
  date: '2016-06-02',
  justiceRegistration: { number: '3898', date: '2016-07-13' },
  repeal: {
    number: '42',
    date: '2019-01-28',
    note: {
      kk: 'Күші жойылды - Алматы облысы әкімдігінің 28.01.2019 № 42 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)',
      ru: 'Утратило силу постановлением акимата Алматинской области от 28.01.2019 № 42 (вводится в действие по истечении десяти календарных дней после дня первого официального опубликования)',
    },
  },
  region: { kk: 'Алматы облысы', ru: 'Алматинская область' },
  seed: SEED,
  source: at(1, 48),
  inconsistencies: [
    {
      text: {
        kk: 'Кіріспеде Білім және ғылым министрінің 2015 жылғы 13 сәуірдегі бұйрығының нөмірі жоқ; регламенттерде ол № 198 (70, 180-жолдар).',
        ru: 'В преамбуле номер приказа Министра образования и науки от 13 апреля 2015 года не указан; в регламентах — № 198 (строки 70, 180).',
      },
      source: at(14, 20),
    },
    {
      text: {
        kk: '№ 321 қаулының жариялану деректеріндегі "№ 18093" мәтінде ығысқан; мағынасы анық емес (газет нөмірі болуы мүмкін).',
        ru: '"№ 18093" в сведениях об опубликовании постановления № 321 в тексте смещён; значение неясно (вероятно, номер газеты).',
      },
      source: at(21, 26),
    },
  ],
} satisfies Act;

type Lines = [number, number];

/** Where each part of a regulation is in the seed. */
interface RegulationLines {
  whole: Lines;
  /** provider, recipients and "free of charge" (para 1) */
  provider: Lines;
  /** form of the service (para 2) */
  form: Lines;
  result: Lines;
  /** para 4: applying with the documents of Standard para 9 */
  basis: Lines;
  /** paras 4–5: the in-office procedure */
  process: Lines;
  steps: [Lines, Lines, Lines, Lines, Lines];
  participants: Lines;
  psoHeading: Lines;
  egov: Lines;
  egovSteps: [Lines, Lines, Lines, Lines];
}

function regulation(input: {
  id: string;
  name: Localized;
  gloss: string;
  reviewDays: number;
  resultText: Localized;
  signAction: Localized;
  lines: RegulationLines;
  inconsistencies?: TextItem[];
}): Service {
  const { lines } = input;
  const [l1, l2, l3, l4, l5] = lines.steps;
  const providerSteps: Step[] = [
    {
      id: 'register',
      role: 'district_executor',
      stage: 'intake',
      action: {
        kk: 'Құжаттарды қабылдау, тіркеу және көрсетілетін қызметті берушінің басшысына жолдау',
        ru: 'Приём, регистрация документов и направление руководителю услугодателя',
      },
      duration: minutes(15),
      note: {
        kk: 'Орындаушы аталмаған; қатысушылар тізбесінде — көрсетілетін қызметті берушінің маманы.',
        ru: 'Исполнитель не назван; в перечне участников — специалист услугодателя.',
      },
      source: withParagraph(at(...l1)),
    },
    {
      id: 'assign',
      role: 'district_head',
      stage: 'other',
      action: {
        kk: 'Құжаттарды қарау және көрсетілетін қызметті берушінің жауапты орындаушысын анықтау',
        ru: 'Рассмотрение документов и определение ответственного исполнителя услугодателя',
      },
      duration: workingDays(1),
      source: withParagraph(at(...l2)),
    },
    {
      id: 'review',
      role: 'district_executor',
      stage: 'review',
      action: {
        kk: 'Құжаттарды қарау, шешімді әзірлеу және көрсетілетін қызметті берушінің басшысына қол қоюға жолдау',
        ru: 'Рассмотрение документов, подготовка решения и направление руководителю услугодателя на подпись',
      },
      duration: workingDays(input.reviewDays),
      source: withParagraph(at(...l3)),
    },
    {
      id: 'sign',
      role: 'district_head',
      stage: 'sign',
      action: input.signAction,
      duration: workingDays(1),
      source: withParagraph(at(...l4)),
    },
    {
      id: 'handout',
      role: 'district_executor',
      stage: 'handout',
      action: {
        kk: 'Көрсетілетін қызметті алушыға мемлекеттік көрсетілетін қызметтің нәтижесін (шешімді) беру',
        ru: 'Выдача услугополучателю результата государственной услуги (решения)',
      },
      duration: minutes(15),
      note: {
        kk: 'Орындаушы аталмаған.',
        ru: 'Исполнитель не назван.',
      },
      source: withParagraph(at(...l5)),
    },
  ];

  const [e1, e2, e3, e4] = lines.egovSteps;
  const egovSteps: Step[] = [
    {
      id: 'submit',
      role: 'applicant',
      stage: 'intake',
      action: {
        kk: 'Көрсетілетін қызметті алушы порталда тіркеледі, ЭЦҚ-мен куәландырылған электрондық құжат нысанындағы сұрау салу және Стандарттың 9-тармағына сәйкес құжаттарды жолдайды',
        ru: 'Услугополучатель регистрируется на портале, направляет запрос в форме электронного документа, удостоверенного ЭЦП, и документы согласно пункту 9 Стандарта',
      },
      duration: minutes(0),
      note: NO_TERM,
      source: withParagraph(at(...e1)),
    },
    {
      id: 'accepted_notice',
      role: 'information_system',
      stage: 'intake',
      action: {
        kk: '"Жеке кабинетке" сұрау салудың қабылданғаны туралы мәртебе, сондай-ақ нәтижені алатын күні мен уақыты көрсетілген хабарлама жолданады',
        ru: 'В "личный кабинет" направляется уведомление со статусом о принятии запроса, а также с датой и временем получения результата',
      },
      duration: minutes(0),
      note: NO_TERM,
      source: withParagraph(at(...e2)),
    },
    ...providerSteps.slice(1, 4).map((step) => ({
      ...step,
      note: {
        kk: `8-тармақтың 3) тармақшасы бойынша 5-тармаққа сәйкес (${e3[0]}–${e3[1]}-жолдар).`,
        ru: `По подпункту 3) пункта 8 — согласно пункту 5 (строки ${e3[0]}–${e3[1]}).`,
      },
    })),
    {
      id: 'send_result',
      role: 'information_system',
      stage: 'handout',
      action: {
        kk: 'Нәтиже көрсетілетін қызметті берушінің уәкілетті тұлғасының ЭЦҚ куәландырылған электрондық құжат нысанында "жеке кабинетке" жіберіледі',
        ru: 'Результат направляется в "личный кабинет" в форме электронного документа, удостоверенного ЭЦП уполномоченного лица услугодателя',
      },
      duration: minutes(0),
      note: NO_TERM,
      source: withParagraph(at(...e4)),
    },
  ];

  return {
    id: input.id,
    actId: '001',
    name: input.name,
    gloss: input.gloss,
    isDeleted: false,
    provider: {
      text: {
        kk: 'Аудандық және облыстық маңызы бар қалалық жергілікті атқарушы органдар',
        ru: 'Местные исполнительные органы районов и городов областного значения',
      },
      source: at(...lines.provider),
    },
    channels: {
      provider: {
        steps: providerSteps,
        total: computedTotal(providerSteps),
        submissionDayCounts: null,
        notes: [
          {
            kk: 'Көрсетілетін қызметті берушінің кеңсесі арқылы жүгіну арнасы тікелей аталмаған; ол 4-тармақ пен 5-тармақтың 1) тармақшасынан шығады.',
            ru: 'Канал обращения в офис услугодателя прямо не назван; он следует из пункта 4 и подпункта 1) пункта 5.',
          },
        ],
        source: at(...lines.process),
      },
      egov: {
        steps: egovSteps,
        total: computedTotal(egovSteps),
        submissionDayCounts: null,
        source: at(...lines.egov),
      },
    },
    results: [{ text: input.resultText, source: at(...lines.result) }],
    fee: { kind: 'free', source: at(...lines.provider) },
    checklist: {
      kind: 'per_standard',
      reference: {
        kk: `Қазақстан Республикасы Білім және ғылым министрінің 2015 жылғы 13 сәуірдегі № 198 бұйрығымен бекітілген "${input.name.kk}" мемлекеттік көрсетілетін қызмет стандартының 9-тармағы`,
        ru: `Пункт 9 стандарта государственной услуги "${input.name.ru}", утверждённого приказом Министра образования и науки Республики Казахстан от 13 апреля 2015 года № 198`,
      },
      source: at(...lines.basis),
    },
    refusalGrounds: { kind: 'not_stated' },
    talonContents: [],
    receiptContents: [],
    specialRules: [],
    inconsistencies: [
      {
        text: {
          kk: '4-бөлімнің тақырыбы "Азаматтарға арналған үкімет" мемлекеттік корпорациясын атайды, бірақ бөлімде тек портал арқылы рәсім сипатталған; ХҚО арқылы жүгіну тәртібі жоқ.',
          ru: 'Заголовок раздела 4 называет Госкорпорацию "Правительство для граждан", но в разделе описана только процедура через портал; порядка обращения через ЦОН нет.',
        },
        source: at(...lines.psoHeading),
      },
      {
        text: {
          kk: 'Қатысушылар тізбесінде "көрсетілетін" орнына "көрсетілген қызметті берушінің маманы" деп жазылған.',
          ru: 'В перечне участников написано "көрсетілген қызметті берушінің маманы" вместо "көрсетілетін".',
        },
        source: at(...lines.participants),
      },
      {
        text: {
          kk: 'Қызмет нысаны "электрондық (толық автоматтандырылған)" деп аталғанымен, портал арқылы өтініш 5-тармақтың қолмен орындалатын қадамдары бойынша өңделеді.',
          ru: 'Хотя форма услуги названа "электронной (полностью автоматизированной)", запрос через портал обрабатывается по ручным шагам пункта 5.',
        },
        source: at(...lines.form),
      },
      ...(input.inconsistencies ?? []),
    ],
    source: at(...lines.whole),
  };
}

export const services001: Service[] = [
  regulation({
    id: '001-01',
    name: {
      kk: 'Патронат тәрбиешілерге берілген баланы (балаларды) асырап-бағуға ақшалай қаражат төлеуді тағайындау',
      ru: 'Назначение выплаты денежных средств на содержание ребёнка (детей), переданного патронатным воспитателям',
    },
    gloss: 'Payment for the maintenance of a child placed with foster (patronage) caregivers',
    reviewDays: 2,
    resultText: {
      kk: 'Стандарттың 1-қосымшасына сәйкес нысан бойынша патронат тәрбиешілерге берілген баланы (балаларды) асырап-бағуға ақшалай қаражат төлеуді тағайындау туралы шешім',
      ru: 'Решение о назначении выплаты денежных средств на содержание ребёнка (детей), переданного патронатным воспитателям, по форме согласно приложению 1 к Стандарту',
    },
    signAction: {
      kk: 'Ақшалай қаражат төлеуді тағайындау туралы шешімді қарау және қол қою',
      ru: 'Рассмотрение и подписание решения о назначении выплаты денежных средств',
    },
    lines: {
      whole: [51, 154],
      provider: [63, 68],
      form: [74, 75],
      result: [76, 79],
      basis: [87, 89],
      process: [87, 105],
      steps: [
        [92, 94],
        [95, 97],
        [98, 100],
        [101, 102],
        [103, 105],
      ],
      participants: [111, 115],
      psoHeading: [121, 124],
      egov: [128, 146],
      egovSteps: [
        [132, 135],
        [136, 139],
        [140, 143],
        [144, 146],
      ],
    },
    inconsistencies: [
      {
        text: {
          kk: 'Атауында сидте "тәрбиешiлерге", "берiлген" сөздері латынның "i" әрпімен жазылған (27, 57, 63, 71, 150-жолдар); мұнда кириллицаның "і" әрпімен берілді, сөздер өзгермеген.',
          ru: 'В названии в сиде слова "тәрбиешiлерге", "берiлген" написаны с латинской "i" (строки 27, 57, 63, 71, 150); здесь — с кириллической "і", слова не изменены.',
        },
        source: at(57, 58),
      },
    ],
  }),
  regulation({
    id: '001-02',
    name: {
      kk: 'Жетім баланы және (немесе) ата-анасының қамқорлығынсыз қалған баланы асырап алуға байланысты біржолғы ақшалай төлемді тағайындау',
      ru: 'Назначение единовременной денежной выплаты в связи с усыновлением ребёнка-сироты и (или) ребёнка, оставшегося без попечения родителей',
    },
    gloss: 'One-time payment on adoption of an orphan or a child left without parental care',
    reviewDays: 6,
    resultText: {
      kk: 'Стандарттың 2-қосымшасына сәйкес нысан бойынша жетім баланы және (немесе) ата-анасының қамқорлығынсыз қалған баланы асырап алуға байланысты біржолғы ақшалай төлемді тағайындау туралы шешім',
      ru: 'Решение о назначении единовременной денежной выплаты в связи с усыновлением ребёнка-сироты и (или) ребёнка, оставшегося без попечения родителей, по форме согласно приложению 2 к Стандарту',
    },
    signAction: {
      kk: 'Біржолғы ақшалай төлемді тағайындау туралы шешімді қарау және қол қою',
      ru: 'Рассмотрение и подписание решения о назначении единовременной денежной выплаты',
    },
    lines: {
      whole: [159, 268],
      provider: [173, 178],
      form: [184, 185],
      result: [186, 189],
      basis: [195, 197],
      process: [195, 216],
      steps: [
        [200, 202],
        [203, 205],
        [206, 208],
        [209, 210],
        [211, 216],
      ],
      participants: [222, 226],
      psoHeading: [232, 235],
      egov: [237, 258],
      egovSteps: [
        [241, 244],
        [245, 248],
        [249, 252],
        [253, 258],
      ],
    },
  }),
];
