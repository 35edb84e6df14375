/**
 * Every printed word of every paper, in Kazakh and in Russian: one table, two objects of one
 * shape (the type checker holds Russian to the Kazakh keys). Papers read their words from here
 * and never from the interface's dictionaries, so a paper's language is the one chosen for the
 * paper, whatever the interface speaks.
 *
 * Within a paper's group, plain strings are printed on every copy of that paper (the browser
 * tests look for each of them in the PDF); nested groups and functions hold what is printed only
 * in some cases or with a number in it.
 */
import type { DurationUnit } from '../../domain/catalog/schema';
import type { CaseStatus } from '../../domain/process';

export type { PaperLang } from '../../domain/paper-dates';

/** Russian's three forms after a number: 1 день, 2 дня, 5 дней (and 1,5 дня). */
function ruPlural(n: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(n)) return few;
  const last2 = n % 100;
  const last = n % 10;
  if (last === 1 && last2 !== 11) return one;
  if (last >= 2 && last <= 4 && (last2 < 12 || last2 > 14)) return few;
  return many;
}

/** Numbers as people write them in each language: a decimal comma. */
const num = (n: number) => String(n).replace('.', ',');

const kk = {
  /** words shared by every paper's header and signature lines */
  common: {
    phone: 'Байланыс телефоны',
    fullName: 'аты-жөні',
    signature: 'қолы',
    date: 'күні',
    /** a power of attorney's particulars, its date already in words */
    powerOfAttorney: (number: string, date: string, issuer: string) =>
      `сенімхат №\u00a0${number}, ${date}, берген: ${issuer}`,
  },
  talon: {
    title: 'ТАЛОН',
    subtitle: 'құжаттардың қабылданғаны туралы',
    number: 'Тіркеу нөмірі',
    registeredAt: 'Құжаттар қабылданған күн мен уақыт',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    iin: 'ЖСН',
    resultDue: 'Нәтижені алу күні',
    acceptedBy: 'Құжаттарды қабылдаған',
    qr: 'Өтініштің күйін білу үшін QR-кодты сканерлеңіз',
    signature: 'Қабылдаған маманның қолы',
    cutLine: 'қию сызығы',
    stubTitle: 'ТАЛОН ТҮБІРТЕГІ',
    stubKept: 'кеңседе қалады',
    stubReceived: 'Талонды алдым, өтініш берушінің қолы',
    /** what the regulation says about the term, where it says it */
    term: {
      workingDays: 'Мерзім жұмыс күндерімен есептеледі: демалыс және мереке күндері кірмейді.',
      dayCounts: 'Құжат тапсырылған күн мерзімге кіреді.',
      dayNotCounted: 'Құжат тапсырылған күн мерзімге кірмейді.',
    },
  },
  register: {
    title: 'Берілетін құжаттардың тізілімі',
    number: 'Тізілім нөмірі',
    sentAt: 'Жіберілген күні',
    from: 'Жіберуші',
    to: 'Алушы',
    services: 'Қызметтер',
    handedOver: 'Тапсырды',
    received: 'Қабылдады',
    columns: {
      n: '№',
      regNumber: 'Тіркеу нөмірі',
      registeredAt: 'Тіркелген күні',
      applicant: 'Өтініш беруші, ЖСН',
      service: 'Қызмет',
      resultDue: 'Нәтиже мерзімі',
      documents: 'Құжат саны',
    },
    total: (cases: number, documents: number) => `Барлығы: ${cases} іс, ${documents} құжат`,
  },
  journal: {
    title: 'Өтініштерді есепке алу журналы',
    period: 'Кезең',
    printedAt: 'Басып шығарылған күні',
    columns: {
      n: '№',
      regNumber: 'Тіркеу нөмірі',
      registeredAt: 'Тіркелген күні мен уақыты',
      applicant: 'Өтініш беруші',
      iin: 'ЖСН',
      service: 'Мемлекеттік қызмет',
      resultDue: 'Нәтиже мерзімі',
      status: 'Күйі',
      handedOut: 'Нәтиже берілген күн',
      acceptedBy: 'Қабылдаған',
    },
    words: { empty: 'Бұл кезеңде тіркелген өтініш жоқ.' },
    total: (n: number) => `Барлығы: ${n} өтініш`,
  },
  sheet: {
    title: 'Мемлекеттік қызмет туралы ақпарат',
    provider: 'Көрсетілетін қызметті беруші',
    results: 'Қызмет көрсету нәтижесі',
    documents: 'Қажетті құжаттар',
    term: 'Қызмет көрсету мерзімі',
    fee: 'Қызмет ақысы',
    where: 'Құжаттарды қайда және қашан тапсыруға болады',
    hours: 'Жұмыс уақыты',
    act: 'Негіздеме',
    words: {
      steps: 'Қызмет көрсету кезеңдері',
      free: 'тегін',
      notStated: 'регламентте көрсетілмеген',
      perStandard: 'Құжаттар тізбесі мемлекеттік қызмет стандартында',
      optional: 'болған жағдайда',
      weekdays: 'дүйсенбі – жұма',
      lunch: 'түскі үзіліс',
      actNumber: '№',
      repealed: 'күшін жойған',
      sumOfSteps: 'кезеңдер мерзімдерінің қосындысы',
      noTerm: 'регламентте көрсетілмеген',
    },
  },
  receipt: {
    title: 'ҚОЛХАТ',
    subtitle: 'құжаттардың қабылданғаны туралы',
    number: 'Тіркеу нөмірі',
    registeredAt: 'Құжаттар қабылданған күн мен уақыт',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    documents: 'Қабылданған құжаттар',
    resultAt: 'Нәтижені беру күні мен уақыты',
    resultPlace: 'Нәтижені беру орны',
    acceptedBy: 'Құжаттарды қабылдаған',
    qr: 'Өтініштің күйін білу үшін QR-кодты сканерлеңіз',
    handedOver: 'Қолхатты берген',
    received: 'Қолхатты алдым',
    columns: { n: '№', name: 'Құжаттың атауы', form: 'Түпнұсқа / көшірме' },
    words: {
      iin: 'ЖСН',
      address: 'мекенжайы',
      representative: 'Сенімхат бойынша өкіл',
      original: 'түпнұсқа',
      copy: 'көшірме',
      noForm: 'көрсетілмеген',
      none: 'Құжаттар тізбесі мемлекеттік қызмет стандартында; бұл өтініште құжат белгіленбеген.',
      during: 'жұмыс уақытында',
    },
    count: (n: number) => `Барлығы: ${n} құжат`,
  },
  refusal: {
    title: 'ҚОЛХАТ',
    subtitle: 'құжаттарды қабылдаудан бас тарту туралы',
    number: 'Бас тарту тізіліміндегі нөмірі',
    refusedAt: 'Бас тартылған күн мен уақыт',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    ground: 'Бас тарту негізі',
    documents: 'Жетіспейтін немесе мерзімі өткен құжаттар',
    refusedBy: 'Бас тартқан маман',
    received: 'Қолхатты алдым',
    columns: { n: '№', name: 'Құжаттың атауы', problem: 'Себебі' },
    /**
     * The incomplete package in the regulations' words (e.g. 003 para 12: "құжаттардың толық
     * топтамасын ұсынбаған жағдайда"); documents out of date as the Law on public services
     * names the second ground for refusing an application at the desk.
     */
    grounds: {
      missing:
        'Көрсетілетін қызметті алушы мемлекеттік көрсетілетін қызмет стандартында көзделген тізбеге сәйкес құжаттардың толық топтамасын ұсынбады.',
      expired: 'Көрсетілетін қызметті алушы қолданылу мерзімі өткен құжаттарды ұсынды.',
    },
    problems: { missing: 'ұсынылмаған', expired: 'қолданылу мерзімі өткен' },
    words: {
      iin: 'ЖСН',
      representative: 'Сенімхат бойынша өкіл',
      again: 'Құжаттардың толық топтамасын жинағаннан кейін өтінішті қайта беруге болады.',
    },
  },
  handout: {
    title: 'ҚОЛХАТ',
    subtitle: 'мемлекеттік қызмет көрсету нәтижесінің берілгені туралы',
    number: 'Тіркеу нөмірі',
    registeredAt: 'Өтініш тіркелген күн',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    result: 'Берілген нәтиже',
    handedOutAt: 'Нәтиже берілген күн мен уақыт',
    recipient: 'Нәтижені алған',
    handedOutBy: 'Нәтижені берген',
    received: 'Нәтижені алдым',
    words: {
      iin: 'ЖСН',
      applicantHimself: 'өтініш берушінің өзі',
      representative: 'сенімхат бойынша өкіл',
      powerOfAttorney: 'сенімхат',
      grounds: 'Бас тарту негіздері',
      other: 'Өзге негіз',
    },
  },
  order: {
    title: 'ТАПСЫРМА',
    subtitle: 'тұтынушының отбасы материалдық жағдайына тексеріс жүргізуге',
    addressee: 'Учаскелік комиссияға',
    number: 'Өтініштің тіркеу нөмірі',
    orderedAt: 'Тапсырма берілген күн',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    text: 'Тұтынушының (оның отбасының) материалдық жағдайына тексеріс жүргізіп, отбасының материалдық жағдайы туралы акті жасауды және отбасының мұқтаждығы туралы қорытындыны ұсынуды тапсырамын.',
    term: 'Орындау мерзімі',
    orderedBy: 'Тапсырма берген',
    words: { iin: 'ЖСН', address: 'Тұрғылықты мекенжайы', note: 'Ескертпе' },
  },
  act: {
    title: 'ТЕКСЕРУ АКТІСІ',
    subtitle: 'отбасының материалдық жағдайы туралы',
    actDate: 'Актінің күні',
    number: 'Өтініштің тіркеу нөмірі',
    service: 'Мемлекеттік қызмет',
    applicant: 'Өтініш беруші',
    members: 'Учаскелік комиссияның құрамы',
    findings: 'Тексеріс кезінде анықталды',
    conclusion: 'Отбасының мұқтаждығы туралы қорытынды',
    member: 'Комиссия мүшесі',
    acquainted: 'Актімен таныстым',
    conclusions: { needy: 'Отбасы көмекке мұқтаж', not_needy: 'Отбасы көмекке мұқтаж емес' },
    words: { iin: 'ЖСН', address: 'Тұрғылықты мекенжайы' },
  },
  result: {
    title: 'АНЫҚТАМА',
    number: 'Тіркеу нөмірі',
    issuedAt: 'Берілген күні',
    forPresentation: 'Анықтама талап етілген жерге ұсыну үшін берілді.',
    signer: 'Ауылдық округ әкімі',
    stamp: 'М.О.',
    /** the certificate of belonging to targeted social assistance recipients (000-01, 003-16) */
    asp: {
      belongs: (name: string, iin: string) =>
        `Осы анықтама ${name}, ЖСН ${iin}, өтініш берушінің (отбасының) атаулы әлеуметтік көмек алушыларға тиесілі екенін растайды.`,
      notBelongs: (name: string, iin: string) =>
        `Осы анықтама ${name}, ЖСН ${iin}, өтініш берушінің (отбасының) атаулы әлеуметтік көмек алушыларға тиесілі еместігін растайды.`,
      quarter: (quarter: number, year: number) =>
        `Анықтама ${year}\u00a0жылғы ${quarter}-тоқсанға жарамды.`,
      address: 'Мекенжайы',
    },
  },
  notice: {
    title: 'ХАБАРЛАМА',
    subtitle: 'мемлекеттік қызмет көрсету нәтижесі туралы',
    to: 'Кімге',
    number: 'Өтініштің тіркеу нөмірі',
    registeredAt: 'Өтініш тіркелген күн',
    service: 'Мемлекеттік қызмет',
    decision: 'Қабылданған шешім',
    decidedAt: 'Шешімге қол қойылған күн',
    collect: 'Нәтижені алу орны',
    executor: 'Орындаушы',
    signer: 'Бөлім басшысы',
    stamp: 'М.О.',
    words: { iin: 'ЖСН', grounds: 'Бас тарту негіздері', other: 'Өзге негіз' },
    /** what the applicant is told, by the decision */
    statement: {
      approved: 'Сіздің өтінішіңіз қаралып, оң шешім қабылданды: мемлекеттік қызмет көрсетіледі.',
      refused: 'Сіздің өтінішіңіз қаралып, мемлекеттік қызмет көрсетуден бас тартылды.',
      appeal:
        'Шешімге Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасауға болады.',
    },
  },
  results: {
    title: 'Әкімдікке жіберілетін нәтижелердің тізілімі',
    number: 'Тізілім нөмірі',
    sentAt: 'Жіберілген күні',
    from: 'Жіберуші',
    to: 'Алушы',
    handedOver: 'Тапсырды',
    received: 'Қабылдады',
    columns: {
      n: '№',
      regNumber: 'Тіркеу нөмірі',
      applicant: 'Өтініш беруші, ЖСН',
      service: 'Қызмет',
      outcome: 'Шешім',
      signedAt: 'Қол қойылған күні',
    },
    total: (n: number) => `Барлығы: ${n} нәтиже`,
  },
  status: {
    registered: 'тіркелді',
    commission_ordered: 'комиссияға тексеру тапсырылды',
    inspected: 'комиссия тексерді',
    forwarded: 'ауданға жіберілді',
    received: 'ауданда қабылданды',
    returned: 'аудан әкімдікке қайтарды',
    assigned: 'орындаушыға тапсырылды',
    decided: 'шешім жобасы дайын',
    endorsed: 'сектор меңгерушісі келісті',
    rework: 'пысықтауға қайтарылды',
    signed: 'қол қойылды',
    result_sent: 'нәтиже әкімдікке жіберілді',
    result_received: 'нәтиже әкімдікте',
    closed: 'жабылды',
    cancelled: 'тіркеудің күші жойылды',
    refused_at_intake: 'құжаттарды қабылдаудан бас тартылды',
  } satisfies Record<CaseStatus, string>,
  outcome: { approved: 'оң шешім', refused: 'бас тарту' },
  /** "5 жұмыс күні": Kazakh nouns keep one form after a number */
  duration: (value: number, unit: DurationUnit) =>
    `${num(value)} ${{ minutes: 'минут', hours: 'сағат', working_days: 'жұмыс күні', calendar_days: 'күнтізбелік күн' }[unit]}`,
};

/** The shape every language's words have: Kazakh's, with its texts as any string. */
type Shape<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Shape<T[K]> };
export type PaperLabels = Shape<typeof kk>;

const ru: PaperLabels = {
  common: {
    phone: 'Контактный телефон',
    fullName: 'Ф.И.О.',
    signature: 'подпись',
    date: 'дата',
    powerOfAttorney: (number, date, issuer) =>
      `доверенность №\u00a0${number} от ${date}, выдана: ${issuer}`,
  },
  talon: {
    title: 'ТАЛОН',
    subtitle: 'о приёме документов',
    number: 'Регистрационный номер',
    registeredAt: 'Дата и время приёма документов',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    iin: 'ИИН',
    resultDue: 'Дата получения результата',
    acceptedBy: 'Документы принял(а)',
    qr: 'Отсканируйте QR-код, чтобы узнать статус заявления',
    signature: 'Подпись принявшего специалиста',
    cutLine: 'линия отреза',
    stubTitle: 'КОРЕШОК ТАЛОНА',
    stubKept: 'остаётся в учреждении',
    stubReceived: 'Талон получил(а), подпись заявителя',
    term: {
      workingDays: 'Срок исчисляется в рабочих днях: выходные и праздничные дни не учитываются.',
      dayCounts: 'День подачи документов входит в срок.',
      dayNotCounted: 'День подачи документов в срок не входит.',
    },
  },
  register: {
    title: 'Реестр передаваемых документов',
    number: 'Номер реестра',
    sentAt: 'Дата отправки',
    from: 'Отправитель',
    to: 'Получатель',
    services: 'Услуги',
    handedOver: 'Сдал(а)',
    received: 'Принял(а)',
    columns: {
      n: '№',
      regNumber: 'Регистрационный номер',
      registeredAt: 'Дата регистрации',
      applicant: 'Заявитель, ИИН',
      service: 'Услуга',
      resultDue: 'Срок результата',
      documents: 'Кол-во документов',
    },
    total: (cases, documents) =>
      `Всего: ${cases} ${ruPlural(cases, 'дело', 'дела', 'дел')}, ${documents} ${ruPlural(documents, 'документ', 'документа', 'документов')}`,
  },
  journal: {
    title: 'Журнал учёта заявлений',
    period: 'Период',
    printedAt: 'Дата печати',
    columns: {
      n: '№',
      regNumber: 'Регистрационный номер',
      registeredAt: 'Дата и время регистрации',
      applicant: 'Заявитель',
      iin: 'ИИН',
      service: 'Государственная услуга',
      resultDue: 'Срок результата',
      status: 'Статус',
      handedOut: 'Дата выдачи результата',
      acceptedBy: 'Принял(а)',
    },
    words: { empty: 'За этот период заявлений не зарегистрировано.' },
    total: (n) => `Всего: ${n} ${ruPlural(n, 'заявление', 'заявления', 'заявлений')}`,
  },
  sheet: {
    title: 'Информация о государственной услуге',
    provider: 'Услугодатель',
    results: 'Результат оказания услуги',
    documents: 'Необходимые документы',
    term: 'Срок оказания услуги',
    fee: 'Стоимость',
    where: 'Где и когда подать документы',
    hours: 'Время работы',
    act: 'Основание',
    words: {
      steps: 'Этапы оказания услуги',
      free: 'бесплатно',
      notStated: 'в регламенте не указана',
      perStandard: 'Перечень документов — в стандарте государственной услуги',
      optional: 'при наличии',
      weekdays: 'понедельник – пятница',
      lunch: 'обед',
      actNumber: '№',
      repealed: 'утратил силу',
      sumOfSteps: 'сумма сроков этапов',
      noTerm: 'в регламенте не указан',
    },
  },
  receipt: {
    title: 'РАСПИСКА',
    subtitle: 'о приёме документов',
    number: 'Регистрационный номер',
    registeredAt: 'Дата и время приёма документов',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    documents: 'Принятые документы',
    resultAt: 'Дата и время выдачи результата',
    resultPlace: 'Место выдачи результата',
    acceptedBy: 'Документы принял(а)',
    qr: 'Отсканируйте QR-код, чтобы узнать статус заявления',
    handedOver: 'Расписку выдал(а)',
    received: 'Расписку получил(а)',
    columns: { n: '№', name: 'Наименование документа', form: 'Оригинал / копия' },
    words: {
      iin: 'ИИН',
      address: 'адрес',
      representative: 'Представитель по доверенности',
      original: 'оригинал',
      copy: 'копия',
      noForm: 'не указано',
      none: 'Перечень документов — в стандарте государственной услуги; в этом заявлении документы не отмечены.',
      during: 'в рабочее время',
    },
    count: (n) => `Всего: ${n} ${ruPlural(n, 'документ', 'документа', 'документов')}`,
  },
  refusal: {
    title: 'РАСПИСКА',
    subtitle: 'об отказе в приёме документов',
    number: 'Номер в реестре отказов',
    refusedAt: 'Дата и время отказа',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    ground: 'Основание отказа',
    documents: 'Недостающие или просроченные документы',
    refusedBy: 'Отказал(а) специалист',
    received: 'Расписку получил(а)',
    columns: { n: '№', name: 'Наименование документа', problem: 'Причина' },
    grounds: {
      missing:
        'Услугополучатель не представил полный пакет документов согласно перечню, предусмотренному стандартом государственной услуги.',
      expired: 'Услугополучатель представил документы с истёкшим сроком действия.',
    },
    problems: { missing: 'не представлен', expired: 'истёк срок действия' },
    words: {
      iin: 'ИИН',
      representative: 'Представитель по доверенности',
      again: 'Заявление можно подать снова, собрав полный пакет документов.',
    },
  },
  handout: {
    title: 'РАСПИСКА',
    subtitle: 'о выдаче результата оказания государственной услуги',
    number: 'Регистрационный номер',
    registeredAt: 'Дата регистрации заявления',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    result: 'Выданный результат',
    handedOutAt: 'Дата и время выдачи результата',
    recipient: 'Результат получил(а)',
    handedOutBy: 'Результат выдал(а)',
    received: 'Получил(а)',
    words: {
      iin: 'ИИН',
      applicantHimself: 'лично заявитель',
      representative: 'представитель по доверенности',
      powerOfAttorney: 'доверенность',
      grounds: 'Основания отказа',
      other: 'Иное основание',
    },
  },
  order: {
    title: 'ПОРУЧЕНИЕ',
    subtitle: 'на проведение обследования материального положения семьи заявителя',
    addressee: 'Участковой комиссии',
    number: 'Регистрационный номер заявления',
    orderedAt: 'Дата поручения',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    text: 'Поручаю провести обследование материального положения заявителя (его семьи), составить акт о материальном положении семьи и представить заключение о нуждаемости семьи.',
    term: 'Срок исполнения',
    orderedBy: 'Поручение дал(а)',
    words: { iin: 'ИИН', address: 'Адрес проживания', note: 'Примечание' },
  },
  act: {
    title: 'АКТ ОБСЛЕДОВАНИЯ',
    subtitle: 'материального положения семьи',
    actDate: 'Дата акта',
    number: 'Регистрационный номер заявления',
    service: 'Государственная услуга',
    applicant: 'Заявитель',
    members: 'Состав участковой комиссии',
    findings: 'В ходе обследования установлено',
    conclusion: 'Заключение о нуждаемости семьи',
    member: 'Член комиссии',
    acquainted: 'С актом ознакомлен(а)',
    conclusions: { needy: 'Семья нуждается в помощи', not_needy: 'Семья не нуждается в помощи' },
    words: { iin: 'ИИН', address: 'Адрес проживания' },
  },
  result: {
    title: 'СПРАВКА',
    number: 'Регистрационный номер',
    issuedAt: 'Дата выдачи',
    forPresentation: 'Справка выдана для предъявления по месту требования.',
    signer: 'Аким сельского округа',
    stamp: 'М.П.',
    asp: {
      belongs: (name, iin) =>
        `Настоящая справка подтверждает, что заявитель ${name}, ИИН ${iin}, (его семья) относится к получателям адресной социальной помощи.`,
      notBelongs: (name, iin) =>
        `Настоящая справка подтверждает, что заявитель ${name}, ИИН ${iin}, (его семья) не относится к получателям адресной социальной помощи.`,
      quarter: (quarter, year) => `Справка действительна на ${quarter}-й квартал ${year}\u00a0г.`,
      address: 'Адрес',
    },
  },
  notice: {
    title: 'УВЕДОМЛЕНИЕ',
    subtitle: 'о результате оказания государственной услуги',
    to: 'Кому',
    number: 'Регистрационный номер заявления',
    registeredAt: 'Дата регистрации заявления',
    service: 'Государственная услуга',
    decision: 'Принятое решение',
    decidedAt: 'Дата подписания решения',
    collect: 'Место получения результата',
    executor: 'Исполнитель',
    signer: 'Руководитель отдела',
    stamp: 'М.П.',
    words: { iin: 'ИИН', grounds: 'Основания отказа', other: 'Иное основание' },
    statement: {
      approved:
        'Ваше заявление рассмотрено, принято положительное решение: государственная услуга будет оказана.',
      refused: 'Ваше заявление рассмотрено, в оказании государственной услуги отказано.',
      appeal:
        'Решение может быть обжаловано в порядке, установленном законодательством Республики Казахстан.',
    },
  },
  results: {
    title: 'Реестр результатов, направляемых в акимат',
    number: 'Номер реестра',
    sentAt: 'Дата отправки',
    from: 'Отправитель',
    to: 'Получатель',
    handedOver: 'Сдал(а)',
    received: 'Принял(а)',
    columns: {
      n: '№',
      regNumber: 'Регистрационный номер',
      applicant: 'Заявитель, ИИН',
      service: 'Услуга',
      outcome: 'Решение',
      signedAt: 'Дата подписания',
    },
    total: (n) => `Всего: ${n} ${ruPlural(n, 'результат', 'результата', 'результатов')}`,
  },
  status: {
    registered: 'зарегистрировано',
    commission_ordered: 'поручено обследование комиссии',
    inspected: 'комиссия провела обследование',
    forwarded: 'передано в район',
    received: 'принято в районе',
    returned: 'возвращено районом в акимат',
    assigned: 'передано исполнителю',
    decided: 'проект решения готов',
    endorsed: 'согласовано заведующим сектором',
    rework: 'возвращено на доработку',
    signed: 'подписано',
    result_sent: 'результат отправлен в акимат',
    result_received: 'результат в акимате',
    closed: 'закрыто',
    cancelled: 'регистрация аннулирована',
    refused_at_intake: 'отказано в приёме документов',
  },
  outcome: { approved: 'положительное решение', refused: 'отказ' },
  duration: (value, unit) => {
    const forms = {
      minutes: ['минута', 'минуты', 'минут'],
      hours: ['час', 'часа', 'часов'],
      working_days: ['рабочий день', 'рабочих дня', 'рабочих дней'],
      calendar_days: ['календарный день', 'календарных дня', 'календарных дней'],
    }[unit] as [string, string, string];
    return `${num(value)} ${ruPlural(value, ...forms)}`;
  },
};

export const PAPER_LABELS: Readonly<Record<'kk' | 'ru', PaperLabels>> = { kk, ru };
