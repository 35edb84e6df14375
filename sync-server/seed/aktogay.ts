/**
 * The demo district: Aktogay district of Karaganda oblast, from seed 004 (regulation on child
 * benefit, Aktogay district akimat resolution N 03/09 of 30 January 2013).
 *
 * - The district department is the authorised body of para 7 (seed 004, lines 102–106).
 * - The 17 akimat offices are the rows of Appendix 1 (seed 004, lines 302–406), in its order:
 *   row N is office `akt-NN` with code `NN`. Addresses (Kazakh) and phones are the seed's; the
 *   institution name, which the seed prints inside the address cell, is the office name instead.
 *   Names use today's form "ауылдық округ" for the seed's "селолық округ" (para 3, line 77 gives
 *   both as one term). Russian texts are translations; the seed has Kazakh only.
 * - The staff are invented demo people. `isDemo` makes the app show a demo banner.
 */
import type { District, Office } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';

export const DEMO_DISTRICT: District = {
  id: 'aktogay',
  name: { kk: 'Ақтоғай ауданы', ru: 'Актогайский район' },
  isDemo: true,
  actIds: ['003', '004'],
};

const REGION_KK = 'Қарағанды облысы, Ақтоғай ауданы';
const REGION_RU = 'Карагандинская область, Актогайский район';

/** Seed 004, para 7 (lines 102–106); the seed's Latin "i" in Kazakh words written as Cyrillic "і". */
export const DISTRICT_OFFICE: Office = {
  id: 'akt-district',
  kind: 'district',
  code: '00',
  districtId: DEMO_DISTRICT.id,
  name: {
    kk: 'Ақтоғай ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
    ru: 'Отдел занятости и социальных программ Актогайского района',
  },
  address: {
    kk: `100200, ${REGION_KK}, Ақтоғай селосы, Бөкейхан көшесі 7`,
    ru: `100200, ${REGION_RU}, село Актогай, улица Бокейхана, 7`,
  },
  phone: '8 (71037) 21416',
};

interface AkimatRow {
  nameKk: string;
  nameRu: string;
  /** the address cell of Appendix 1 after the oblast and district, without the institution */
  placeKk: string;
  placeRu: string;
  phone: string;
}

/** Russian spelling of the two okrugs whose names are two words, which Russian does not decline. */
const RU_UNDECLINED: Record<string, string> = {
  'Қараменде би': 'Караменде би',
  'Шабанбай би': 'Шабанбай би',
};

/** Seed 004, Appendix 1 (lines 302–406), rows 1–17. */
const APPENDIX_1: readonly AkimatRow[] = [
  {
    nameKk: 'Ақтоғай ауылы әкімінің аппараты',
    nameRu: 'Аппарат акима села Актогай',
    placeKk: 'Ақтоғай селосы, Бөкейхан көшесі 11',
    placeRu: 'село Актогай, улица Бокейхана, 11',
    phone: '87103721044',
  },
  okrug('Абай', 'Абайского', 'Абайский', '87104123543', 'Абай көшесі 8', 'улица Абая, 8'),
  okrug('Айыртас', 'Айыртасского', 'Айыртасский', '87104152433'),
  okrug(
    'Жидебай',
    'Жидебайского',
    'Жидебайский',
    '87103730074',
    'Жастар көшесі 1',
    'улица Жастар, 1',
  ),
  okrug('Кежек', 'Кежекского', 'Кежекский', '87104129721'),
  okrug('Қараменде би', null, null, '87103730255'),
  okrug('Қусақ', 'Кусакского', 'Кусакский', '87105952225'),
  okrug(
    'Қызыларай',
    'Кызыларайского',
    'Кызыларайский',
    '87103724213',
    'Сеңкібай би көшесі 37',
    'улица Сенкибай би, 37',
  ),
  okrug('Қарабұлақ', 'Карабулакского', 'Карабулакский', '87105952943'),
  okrug('Нүркен', 'Нуркенского', 'Нуркенский', '87103723223'),
  okrug('Ортадересін', 'Ортадересинского', 'Ортадересинский', '87103870240'),
  okrug('Сарытерек', 'Сарытерекского', 'Сарытерекский', '87103730358'),
  {
    nameKk: 'Сарышаған кенті әкімінің аппараты',
    nameRu: 'Аппарат акима поселка Сарышаган',
    placeKk: 'Сарышаған поселкесі, Абай көшесі 1',
    placeRu: 'поселок Сарышаган, улица Абая, 1',
    phone: '87103822253',
  },
  okrug('Тасарал', 'Тасаральского', 'Тасаральский', '87104126484'),
  okrug('Тораңғалық', 'Торангалыкского', 'Торангалыкский', '87103870032'),
  okrug('Шабанбай би', null, null, '87103726218'),
  {
    nameKk: 'Шашубай кенті әкімінің аппараты',
    nameRu: 'Аппарат акима поселка Шашубай',
    placeKk: 'Шашубай кенті, Ж. Ақбергенұлы көшесі 16',
    placeRu: 'поселок Шашубай, улица Ж. Акбергенулы, 16',
    phone: '87103821257',
  },
];

/**
 * A rural okrug row. `genitiveRu`/`nominativeRu` are the Russian adjective forms ("Абайского",
 * "Абайский"); null for two-word names, which Russian writes after "сельский округ".
 */
function okrug(
  nameKk: string,
  genitiveRu: string | null,
  nominativeRu: string | null,
  phone: string,
  streetKk?: string,
  streetRu?: string,
): AkimatRow {
  const plainRu = RU_UNDECLINED[nameKk] ?? nameKk;
  const okrugRu = nominativeRu ? `${nominativeRu} сельский округ` : `сельский округ ${plainRu}`;
  return {
    nameKk: `${nameKk} ауылдық округі әкімінің аппараты`,
    nameRu: genitiveRu
      ? `Аппарат акима ${genitiveRu} сельского округа`
      : `Аппарат акима сельского округа ${plainRu}`,
    placeKk: [`${nameKk} селолық округі`, streetKk].filter(Boolean).join(', '),
    placeRu: [okrugRu, streetRu].filter(Boolean).join(', '),
    phone,
  };
}

export const AKIMAT_OFFICES: readonly Office[] = APPENDIX_1.map((row, index) => {
  const code = String(index + 1).padStart(2, '0');
  return {
    id: `akt-${code}`,
    kind: 'akimat',
    code,
    districtId: DEMO_DISTRICT.id,
    name: { kk: row.nameKk, ru: row.nameRu },
    address: { kk: `${REGION_KK}, ${row.placeKk}`, ru: `${REGION_RU}, ${row.placeRu}` },
    phone: row.phone,
  };
});

export interface DemoPerson {
  officeId: string;
  role: StaffRole;
  surname: string;
  givenName: string;
  patronymic: string;
}

/** Invented people; one specialist and the akim per akimat, in Appendix 1 order. */
const SPECIALISTS = [
  'Әбенова Гүлнар Серікқызы',
  'Жұмабаева Айгүл Болатқызы',
  'Омарова Сәуле Нұрланқызы',
  'Төлеуова Динара Ерланқызы',
  'Сейітова Жанар Маратқызы',
  'Қасымова Ботагөз Асқарқызы',
  'Нұрланова Мөлдір Ержанқызы',
  'Бекова Ләззат Қайратқызы',
  'Серікова Әсел Бауыржанқызы',
  'Ахметова Гүлмира Талғатқызы',
  'Мұратова Айнұр Дәуренқызы',
  'Есенова Жұлдыз Қанатқызы',
  'Бейсенова Салтанат Берікқызы',
  'Тұрсынова Назерке Азаматқызы',
  'Қуанышева Меруерт Еркінқызы',
  'Ибраева Раушан Сәкенқызы',
  'Сәрсенова Арайлым Бақытқызы',
];
const AKIMS = [
  'Жақсылықов Бауыржан Серікұлы',
  'Әлімжанов Ерлан Қуатұлы',
  'Нұрпейісов Марат Жомартұлы',
  'Оспанов Қайрат Болатұлы',
  'Дүйсенов Асқар Мұратұлы',
  'Қалиев Талғат Ерғалиұлы',
  'Мұхаметжанов Дархан Сейітұлы',
  'Тоқтаров Нұрлан Әбілұлы',
  'Байжанов Ержан Төлеуұлы',
  'Смағұлов Бекзат Қанатұлы',
  'Исабеков Ғалым Нұрланұлы',
  'Ерғалиев Серік Айдарұлы',
  'Құрманов Дәурен Бахытұлы',
  'Темірбеков Асхат Маратұлы',
  'Шәкенов Арман Еркінұлы',
  'Әуелбеков Мейрам Тұрарұлы',
  'Садықов Жандос Ринатұлы',
];
const DISTRICT_STAFF: Record<
  'district_executor' | 'district_sector_head' | 'district_head' | 'district_admin',
  string
> = {
  district_executor: 'Қожахметова Ақмарал Бекқызы',
  district_sector_head: 'Жамбылова Гаухар Әскербекқызы',
  district_head: 'Бөкейханов Ерболат Нұрланұлы',
  district_admin: 'Сұлтанова Алия Маратқызы',
};

function person(officeId: string, role: StaffRole, fullName: string): DemoPerson {
  const [surname = '', givenName = '', patronymic = ''] = fullName.split(' ');
  return { officeId, role, surname, givenName, patronymic };
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...AKIMAT_OFFICES.flatMap((office, i) => [
    person(office.id, 'akimat_specialist', SPECIALISTS[i] ?? ''),
    person(office.id, 'akim', AKIMS[i] ?? ''),
  ]),
  ...Object.entries(DISTRICT_STAFF).map(([role, name]) =>
    person(DISTRICT_OFFICE.id, role as StaffRole, name),
  ),
];

/** Printed at start and shown nowhere else; real districts set their own PINs. */
export const DEMO_PINS: Record<StaffRole, string> = {
  akimat_specialist: '111111',
  akim: '222222',
  district_executor: '333333',
  district_sector_head: '666666',
  district_head: '444444',
  district_admin: '555555',
};

/** Stable ids: `akt-01-akimat_specialist`, `akt-district-district_head`, … */
export const demoStaffId = (p: Pick<DemoPerson, 'officeId' | 'role'>): string =>
  `${p.officeId}-${p.role}`;
