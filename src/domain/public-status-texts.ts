/**
 * The citizen's status lookup in Kazakh and Russian: the stages in plain words, and the labels of
 * the answer as the public page and the village office's screen show it. Here rather than in the
 * app's dictionaries because the server renders them too (`public-status.ts`).
 */
import type { Place } from './process';
import type { PublicLang, PublicStage } from './public-status';

type PlaceStage = Extract<PublicStage, { place: Place }>['id'];
type PlainStage = Exclude<PublicStage['id'], PlaceStage>;

export const PLACE_STAGES: Record<PublicLang, Record<PlaceStage, Record<Place, string>>> = {
  kk: {
    accepted: {
      village: 'Құжаттар ауылдық округ әкімі аппаратында қабылданды',
      district: 'Құжаттар аудандық бөлімде қабылданды',
      pso: 'Құжаттар ХҚО-да қабылданды',
    },
    review: {
      village: 'Ауылдық округ әкімі аппаратында қаралуда',
      district: 'Аудандық бөлімде қаралуда',
      pso: 'ХҚО-да қаралуда',
    },
    ready: {
      village: 'Нәтиже дайын, ауылдық округ әкімі аппаратынан алуға болады',
      district: 'Нәтиже дайын, аудандық бөлімнен алуға болады',
      pso: 'Нәтиже дайын, ХҚО-дан алуға болады',
    },
  },
  ru: {
    accepted: {
      village: 'Документы приняты в аппарате акима сельского округа',
      district: 'Документы приняты в районном отделе',
      pso: 'Документы приняты в ЦОН',
    },
    review: {
      village: 'Рассматривается в аппарате акима сельского округа',
      district: 'Рассматривается в районном отделе',
      pso: 'Рассматривается в ЦОН',
    },
    ready: {
      village: 'Результат готов, его можно получить в аппарате акима сельского округа',
      district: 'Результат готов, его можно получить в районном отделе',
      pso: 'Результат готов, его можно получить в ЦОН',
    },
  },
};

export const STAGES: Record<PublicLang, Record<PlainStage, string>> = {
  kk: {
    commission: 'Учаскелік комиссия отбасының материалдық жағдайын тексеруде',
    returned:
      'Құжаттар толықтыру үшін ауылдық округ әкімі аппаратына қайтарылды, аппаратқа хабарласыңыз',
    sent: 'Құжаттар аудандық бөлімге жіберілді',
    result_on_way: 'Шешім қабылданды, нәтиже ауылдық округ әкімі аппаратына жіберілуде',
    issued: 'Нәтиже берілді',
    refused: 'Қызмет көрсетуден бас тартылды, бас тарту туралы шешім берілді',
    cancelled: 'Өтініштің тіркелуі күшін жойды',
    refused_at_intake:
      'Құжаттар толық болмағандықтан өтініш қабылданбады, бас тарту қолхаты берілді',
  },
  ru: {
    commission: 'Участковая комиссия обследует материальное положение семьи',
    returned:
      'Документы возвращены в аппарат акима сельского округа для дополнения, обратитесь в аппарат',
    sent: 'Документы направлены в районный отдел',
    result_on_way: 'Решение принято, результат направляется в аппарат акима сельского округа',
    issued: 'Результат выдан',
    refused: 'В оказании услуги отказано, решение об отказе выдано',
    cancelled: 'Регистрация заявления отменена',
    refused_at_intake:
      'Заявление не принято из-за неполного пакета документов, выдана расписка об отказе',
  },
};

/** The answer's labels, the form's and the page's messages. */
export const STATUS_LABELS = {
  kk: {
    title: 'Өтініштің күйі',
    number: 'Өтініштің нөмірі',
    iin4: 'ЖСН-ның соңғы төрт цифры',
    iin4Hint: 'Өтініш берушінің ЖСН-ы, тек цифрлар',
    check: 'Тексеру',
    service: 'Қызмет',
    stage: 'Кезеңі',
    expectedDate: 'Нәтиже дайын болатын күн',
    finishedDate: 'Аяқталған күні',
    notFound:
      'Бұл нөмір мен ЖСН-ның соңғы цифрлары бойынша өтініш табылмады. Талондағы нөмірді және ЖСН-ды тексеріңіз.',
    iin4Invalid: 'ЖСН-ның соңғы төрт цифрын енгізіңіз (тек цифрлар).',
    rateLimited: 'Тексеру тым жиі сұралды. {{seconds}} секундтан кейін қайталап көріңіз.',
    otherLanguage: 'Русский',
  },
  ru: {
    title: 'Статус заявления',
    number: 'Номер заявления',
    iin4: 'Последние четыре цифры ИИН',
    iin4Hint: 'ИИН заявителя, только цифры',
    check: 'Проверить',
    service: 'Услуга',
    stage: 'Этап',
    expectedDate: 'Дата готовности результата',
    finishedDate: 'Дата завершения',
    notFound:
      'Заявление с таким номером и последними цифрами ИИН не найдено. Проверьте номер на талоне и ИИН.',
    iin4Invalid: 'Введите последние четыре цифры ИИН (только цифры).',
    rateLimited: 'Слишком много проверок. Попробуйте снова через {{seconds}} с.',
    otherLanguage: 'Қазақша',
  },
} as const satisfies Record<PublicLang, Record<string, string>>;
