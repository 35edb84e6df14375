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
    refused_at_intake: 'қабылдаудан бас тартылды',
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
