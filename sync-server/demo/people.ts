/**
 * The citizens who come to the demo's village offices: Kazakh names (surname, given name and a
 * patronymic in -ұлы / -қызы, the surname in its feminine form for women), an IIN that passes
 * the domain's own check (birth date, century and sex digit, serial, the two-pass mod-11 check
 * digit), a mobile phone as people write it, an address in the office's settlement, and now and
 * then a relative who applies for them by a power of attorney. All invented.
 *
 * Who applies depends on the service: child benefits are mostly asked for by mothers, help for
 * specialists of the social sphere by teachers and doctors of working age, the social help of
 * 003-13 often by older people.
 */
import { addDays, type IsoDate } from '../../src/domain/calendar/dates';
import type { PersonInput, RepresentativeInput } from '../../src/domain/case/intake';
import { controlDigit } from '../../src/domain/iin';
import type { Office } from '../../src/domain/reference';
import type { Rng } from './random';

/** Surnames in the masculine form; `feminine` makes the other. */
const SURNAMES = [
  'Оспанов',
  'Жұмабаев',
  'Қасымов',
  'Нұрланов',
  'Сейітов',
  'Ахметов',
  'Мұратов',
  'Бекенов',
  'Тоқтаров',
  'Смағұлов',
  'Байжанов',
  'Есенов',
  'Ибраев',
  'Сәрсенов',
  'Әбенов',
  'Қуанышев',
  'Төлеуов',
  'Ержанов',
  'Қалиев',
  'Мұқанов',
  'Омаров',
  'Серікбаев',
  'Ысқақов',
  'Әлиев',
  'Дүйсенов',
  'Жақыпов',
  'Рахымжанов',
  'Шәріпов',
  'Ерғали',
  'Бекболат',
];
const MEN = [
  'Ерлан',
  'Нұрлан',
  'Бауыржан',
  'Асқар',
  'Дәурен',
  'Ержан',
  'Қайрат',
  'Серік',
  'Мұрат',
  'Талғат',
  'Жандос',
  'Әділет',
  'Бекзат',
  'Нұржан',
  'Арман',
  'Ғалым',
  'Мейрам',
  'Азамат',
  'Санжар',
  'Болат',
];
const WOMEN = [
  'Айгүл',
  'Гүлнар',
  'Салтанат',
  'Әсел',
  'Динара',
  'Мөлдір',
  'Жанар',
  'Ақбота',
  'Аружан',
  'Назерке',
  'Гүлмира',
  'Сәуле',
  'Ләззат',
  'Айнұр',
  'Меруерт',
  'Жұлдыз',
  'Балнұр',
  'Перизат',
  'Дана',
  'Камила',
];
const STREETS = [
  'Абай',
  'Бейбітшілік',
  'Жастар',
  'Тәуелсіздік',
  'Мектеп',
  'Орталық',
  'Достық',
  'Жеңіс',
  'Бөкейхан',
  'Сәкен Сейфуллин',
];
const MOBILE_CODES = ['701', '702', '705', '707', '747', '771', '775', '776', '777', '778'];
const NOTARIES = [
  'Ақтоғай ауданының нотариусы Сейтқалиева Ж. Б.',
  'Балқаш қаласының нотариусы Мұқашев Е. С.',
  'Ақтоғай ауылы әкімінің аппараты',
];

/** Who usually applies for a service: age range and how many of them are women. */
interface Applicants {
  ages: [number, number];
  women: number;
}
const APPLICANTS: Record<string, Applicants> = {
  '003-06': { ages: [20, 45], women: 0.85 },
  '004-01': { ages: [20, 45], women: 0.85 },
  '003-07': { ages: [20, 63], women: 0.6 },
  '003-13': { ages: [35, 80], women: 0.55 },
  '003-15': { ages: [23, 60], women: 0.65 },
  '003-16': { ages: [20, 63], women: 0.6 },
};
const ANYONE: Applicants = { ages: [18, 75], women: 0.55 };

export type Sex = 'male' | 'female';

export interface Citizen extends PersonInput {
  sex: Sex;
  birthDate: IsoDate;
  patronymic: string;
}

/** -ов/-ев/-ин take -а for a woman; surnames of other forms stay as they are. */
function feminine(surname: string): string {
  return /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
}

/**
 * A valid IIN for a birth date and sex: YYMMDD, the century-and-sex digit (3/4 born in the
 * 1900s, 5/6 in the 2000s, odd for men), a serial, and the check digit. A serial for which the
 * rule gives no check digit is never issued, so the next one is taken.
 */
export function makeIin(birthDate: IsoDate, sex: Sex, serial: number): string {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const century = Number(year) >= 2000 ? 5 : 3;
  const digit = century + (sex === 'female' ? 1 : 0);
  for (let s = serial; s < serial + 100; s++) {
    const first11 = `${year.slice(2)}${month}${day}${digit}${String(s % 10_000).padStart(4, '0')}`;
    const check = controlDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no IIN with a check digit near serial ${serial}`);
}

export class Citizens {
  constructor(private readonly rng: Rng) {}

  /** Someone who applies for the service, as of `today`. */
  applicant(serviceId: string, today: IsoDate): Citizen {
    const who = APPLICANTS[serviceId] ?? ANYONE;
    return this.person(this.rng.chance(who.women) ? 'female' : 'male', who.ages, today);
  }

  person(sex: Sex, ages: [number, number], today: IsoDate): Citizen {
    const age = this.rng.int(ages[0], ages[1]);
    const birthDate = addDays(today, -(age * 365 + this.rng.int(0, 364)));
    const surname = this.rng.pick(SURNAMES);
    const father = this.rng.pick(MEN);
    return {
      sex,
      birthDate,
      iin: makeIin(birthDate, sex, this.rng.int(1, 9_999)),
      surname: sex === 'female' ? feminine(surname) : surname,
      givenName: this.rng.pick(sex === 'female' ? WOMEN : MEN),
      patronymic: `${father}${sex === 'female' ? 'қызы' : 'ұлы'}`,
    };
  }

  /** A mobile number as people write it: +7 7XX XXX XX XX. */
  phone(): string {
    const n = () => String(this.rng.int(0, 99)).padStart(2, '0');
    return `+7 ${this.rng.pick(MOBILE_CODES)} ${this.rng.int(200, 999)} ${n()} ${n()}`;
  }

  /** An address in the settlement of the office. */
  address(office: Office): string {
    const settlement = office.name.kk.replace(/ әкімінің аппараты$/, '');
    const house = this.rng.int(1, 60);
    const flat = this.rng.chance(0.2) ? `, ${this.rng.int(1, 24)}-пәтер` : '';
    return `${settlement}, ${this.rng.pick(STREETS)} көшесі, ${house}${flat}`;
  }

  /** A grown-up relative with a power of attorney dated before `today`. */
  representative(applicant: Citizen, today: IsoDate): RepresentativeInput {
    const sex: Sex = this.rng.chance(0.5) ? 'female' : 'male';
    let person = this.person(sex, [20, 60], today);
    // The applicant cannot represent themselves (the intake refuses it).
    while (person.iin === applicant.iin) person = this.person(sex, [20, 60], today);
    return {
      iin: person.iin,
      surname: person.surname,
      givenName: person.givenName,
      patronymic: person.patronymic,
      powerOfAttorney: {
        number: `${this.rng.int(1, 3)}-${this.rng.int(100, 9_999)}`,
        date: addDays(today, -this.rng.int(3, 300)),
        issuer: this.rng.pick(NOTARIES),
      },
    };
  }

  /** A name as a hand-out receipt records it: surname and initials. */
  static initials(person: Pick<PersonInput, 'surname' | 'givenName' | 'patronymic'>): string {
    const initial = (name?: string) => (name ? ` ${name.charAt(0)}.` : '');
    return `${person.surname}${initial(person.givenName)}${initial(person.patronymic)}`;
  }
}
