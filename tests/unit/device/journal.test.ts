/**
 * The journal's search, filters and sort on a device database (fake-indexeddb) filled by the
 * app's own commands, and its index: built from the case rows, saved, read back from the saved
 * copy with the rows written since, and set right when a row is deleted or written without a
 * revision.
 */
import { describe, expect, it } from 'vitest';
import { JournalIndex, journalIndex } from '../../../src/db/journal';
import {
  DEFAULT_QUERY,
  type JournalQuery,
  readJournal,
  SORT_COLUMNS,
  type ViewOptions,
  viewOf,
} from '../../../src/db/journal-query';
import { toCaseRow } from '../../../src/db/projection';
import { loadCalendar, loadCatalog } from '../../../src/db/reference';
import type { QabyldauDb } from '../../../src/db/schema';
import { SERVICE_NAMES } from '../../../src/domain/catalog/names';
import { controlDigit } from '../../../src/domain/iin';
import { toLocalDateTime } from '../../../src/domain/time';
import { deadlineLens } from '../../../src/features/journal/deadlines';
import { AKIM, makeDevice, SPECIALIST, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error(`pick another serial than ${first11}`);
  return `${first11}${digit}`;
}

const PEOPLE = {
  gulnaz: {
    iin: iin('85041240123'),
    surname: 'Сейітқалиева',
    givenName: 'Гүлназ',
    patronymic: 'Бауыржанқызы',
  },
  erlan: { iin: iin('79030530456'), surname: 'Омаров', givenName: 'Ерлан', patronymic: 'Серікұлы' },
  aigul: {
    iin: iin('90111540789'),
    surname: 'Әбенова',
    givenName: 'Айгүл',
    patronymic: 'Ерланқызы',
  },
  pyotr: { iin: iin('68020330234'), surname: 'Жуков', givenName: 'Пётр', patronymic: 'Иванович' },
  askar: { iin: iin('01071250567'), surname: 'Ыбыраев', givenName: 'Асқар', patronymic: '' },
};

const names: ViewOptions = { serviceName: (id) => SERVICE_NAMES[id]?.kk ?? id };

/**
 * A village device with five cases over two weeks of March 2026: two waiting at the village,
 * one rendered at the village and handed out, one cancelled, one registered on the 13th.
 */
async function journalDevice() {
  const clock = new TestClock(new Date(2026, 2, 2, 10, 0));
  const device = await makeDevice(clock);
  const { commands, signIn } = device;
  const register = async (
    person: (typeof PEOPLE)[keyof typeof PEOPLE],
    serviceId: string,
  ): Promise<{ caseId: string; regNumber: string }> => {
    const { patronymic, ...rest } = person;
    const r = await commands.registerCase({
      serviceId,
      channel: 'akim',
      applicant: patronymic ? { ...rest, patronymic } : rest,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    clock.advanceMinutes(20);
    return r.value;
  };
  const gulnaz = await register(PEOPLE.gulnaz, '003-06');
  const erlan = await register(PEOPLE.erlan, '003-16');
  signIn(AKIM);
  expect((await commands.signCase(erlan.caseId, { outcome: 'approved' })).ok).toBe(true);
  signIn(SPECIALIST);
  expect((await commands.handOutResult(erlan.caseId, { to: 'applicant' })).ok).toBe(true);
  clock.advanceMinutes(24 * 60);
  const aigul = await register(PEOPLE.aigul, '003-06');
  expect((await commands.cancelCase(aigul.caseId, 'withdrawn')).ok).toBe(true);
  clock.advanceMinutes(24 * 60);
  const pyotr = await register(PEOPLE.pyotr, '003-07');
  clock.current = new Date(2026, 2, 13, 11, 0);
  const askar = await register(PEOPLE.askar, '003-06');
  return { ...device, clock, cases: { gulnaz, erlan, aigul, pyotr, askar } };
}

async function regNumbers(db: QabyldauDb, query: Partial<JournalQuery>, options = names) {
  const view = await readJournal(db, { ...DEFAULT_QUERY, ...query }, options);
  return view.rows.map((e) => e.regNumber);
}

describe('the journal', () => {
  it('finds any part of a number, an IIN or a name, in any letter case', async () => {
    const { db, cases } = await journalDevice();
    const { gulnaz, erlan, aigul, pyotr, askar } = cases;
    // Newest first, nothing narrowed.
    expect(await regNumbers(db, {})).toEqual([
      askar.regNumber,
      pyotr.regNumber,
      aigul.regNumber,
      erlan.regNumber,
      gulnaz.regNumber,
    ]);
    // The middle of a number: `01-26-03-0004` holds `6-03-0004`; not its beginning.
    expect(pyotr.regNumber).toBe('01-26-03-0004');
    expect(await regNumbers(db, { search: '6-03-0004' })).toEqual([pyotr.regNumber]);
    // The middle of an IIN.
    expect(await regNumbers(db, { search: PEOPLE.aigul.iin.slice(4, 10) })).toEqual([
      aigul.regNumber,
    ]);
    // Part of a patronymic, in capitals, with Kazakh letters.
    expect(await regNumbers(db, { search: 'ЖАНҚЫЗ' })).toEqual([gulnaz.regNumber]);
    // A given name inside other names: Ерлан is Омаров's name and Әбенова's father's.
    expect(await regNumbers(db, { search: 'ерлан' })).toEqual([aigul.regNumber, erlan.regNumber]);
    // Two words must both be found.
    expect(await regNumbers(db, { search: '  ерлан   омар ' })).toEqual([erlan.regNumber]);
    // ё typed as е.
    expect(await regNumbers(db, { search: 'петр' })).toEqual([pyotr.regNumber]);
    expect(await regNumbers(db, { search: 'ПЁТР' })).toEqual([pyotr.regNumber]);
    // Nothing found is an empty view of a journal that has cases.
    const none = await readJournal(db, { ...DEFAULT_QUERY, search: 'жоқ адам' }, names);
    expect(none.rows).toEqual([]);
    expect(none.total).toBe(5);
  });

  it('filters by service, status group, registration period and overdue', async () => {
    const { db, clock, cases } = await journalDevice();
    const { gulnaz, erlan, aigul, pyotr, askar } = cases;
    expect(await regNumbers(db, { serviceId: '003-06' })).toEqual([
      askar.regNumber,
      aigul.regNumber,
      gulnaz.regNumber,
    ]);
    expect(await regNumbers(db, { group: 'at_village' })).toEqual([
      askar.regNumber,
      pyotr.regNumber,
      gulnaz.regNumber,
    ]);
    expect(await regNumbers(db, { group: 'issued' })).toEqual([erlan.regNumber]);
    expect(await regNumbers(db, { group: 'cancelled' })).toEqual([aigul.regNumber]);
    expect(await regNumbers(db, { group: 'refused' })).toEqual([]);
    // Both ends of the period are included, each with its whole day.
    expect(await regNumbers(db, { from: '2026-03-03', to: '2026-03-04' })).toEqual([
      pyotr.regNumber,
      aigul.regNumber,
    ]);
    expect(await regNumbers(db, { from: '2026-03-04' })).toEqual([
      askar.regNumber,
      pyotr.regNumber,
    ]);
    expect(await regNumbers(db, { to: '2026-03-02' })).toEqual([erlan.regNumber, gulnaz.regNumber]);
    // An end before the start is not applied, and the view says so.
    const reversed = await readJournal(
      db,
      { ...DEFAULT_QUERY, from: '2026-03-10', to: '2026-03-01' },
      names,
    );
    expect(reversed.isPeriodReversed).toBe(true);
    expect(reversed.rows).toHaveLength(5);
    // Filters combine.
    expect(
      await regNumbers(db, { serviceId: '003-06', group: 'at_village', search: 'сейіт' }),
    ).toEqual([gulnaz.regNumber]);

    // Overdue, from the deadline engine, as of the clock: 003-06 is to be forwarded within 13
    // working days of registration (to 19 March for 2 March, Nauryz not yet passed).
    const overdueAsOf = async (at: Date) => {
      const { openEditions } = await readJournal(db, DEFAULT_QUERY, names);
      expect(openEditions.length).toBeGreaterThan(0);
      const catalogs = new Map(
        await Promise.all(openEditions.map(async (v) => [v, await loadCatalog(db, v)] as const)),
      );
      const lens = deadlineLens(await loadCalendar(db), catalogs, toLocalDateTime(at));
      return regNumbers(db, { isOverdueOnly: true }, { ...names, isOverdue: lens.isOverdue });
    };
    expect(await overdueAsOf(clock.now())).toEqual([]);
    const late = await overdueAsOf(new Date(2026, 2, 27, 10, 0));
    expect(late).toContain(gulnaz.regNumber);
    // A finished case is never overdue, whatever the date.
    expect(late).not.toContain(erlan.regNumber);
    expect(late).not.toContain(aigul.regNumber);
    // The case registered on the 13th still has time on the 27th.
    expect(late).not.toContain(askar.regNumber);
    const muchLater = await overdueAsOf(new Date(2026, 5, 1, 10, 0));
    expect(muchLater.sort()).toEqual([gulnaz.regNumber, pyotr.regNumber, askar.regNumber].sort());
  });

  it('sorts by each column both ways', async () => {
    const { db, commands, cases } = await journalDevice();
    const { gulnaz, erlan, aigul, pyotr, askar } = cases;
    const byApplicant = [aigul, pyotr, erlan, gulnaz, askar].map((c) => c.regNumber);
    expect(await regNumbers(db, { sort: 'applicant', isDescending: false })).toEqual(byApplicant);
    expect(await regNumbers(db, { sort: 'applicant', isDescending: true })).toEqual(
      [...byApplicant].reverse(),
    );
    // A case registered after the order was made takes its place in it, not the end.
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: iin('92122040111'), surname: 'Бекова', givenName: 'Дана' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await regNumbers(db, { sort: 'applicant', isDescending: false })).toEqual([
      aigul.regNumber,
      r.value.regNumber,
      ...byApplicant.slice(1),
    ]);
    await db.transaction('rw', db.cases, () => db.cases.delete(r.value.caseId));
    const byNumber = [gulnaz, erlan, aigul, pyotr, askar].map((c) => c.regNumber);
    expect(await regNumbers(db, { sort: 'number', isDescending: false })).toEqual(byNumber);
    expect(await regNumbers(db, { sort: 'date', isDescending: false })).toEqual(byNumber);
    // By status: waiting at the village, then issued, then cancelled (the groups' order).
    const byStatus = await regNumbers(db, { sort: 'status', isDescending: false });
    expect(byStatus.slice(3)).toEqual([erlan.regNumber, aigul.regNumber]);
    expect(await regNumbers(db, { sort: 'status', isDescending: true })).toEqual(
      [...byStatus].reverse(),
    );
    // By result date: 003-16 is rendered in minutes, so its date comes first.
    const byDue = await regNumbers(db, { sort: 'due', isDescending: false });
    expect(byDue[0]).toBe(erlan.regNumber);
    const view = await readJournal(
      db,
      { ...DEFAULT_QUERY, sort: 'due', isDescending: false },
      names,
    );
    const dues = view.rows.map((e) => e.resultDue);
    expect(dues).toEqual([...dues].sort());
    // By service name in the interface's language.
    for (const lang of ['kk', 'ru'] as const) {
      const options = { serviceName: (id: string) => SERVICE_NAMES[id]?.[lang] ?? id };
      const sorted = await readJournal(
        db,
        { ...DEFAULT_QUERY, sort: 'service', isDescending: false },
        options,
      );
      const shown = sorted.rows.map((e) => options.serviceName(e.serviceId));
      expect(shown, lang).toEqual([...shown].sort((a, b) => a.localeCompare(b, lang)));
    }
  });

  it('patches its sorted order after a save exactly as sorting afresh would', async () => {
    const { db, commands, clock, cases } = await journalDevice();
    let n = 0;
    for (const sort of SORT_COLUMNS) {
      for (const isDescending of [false, true]) {
        const query = { ...DEFAULT_QUERY, sort, isDescending };
        await readJournal(db, query, names);
        // A new case and a changed one: the next order is patched from this one.
        clock.advanceMinutes(7);
        const r = await commands.registerCase({
          serviceId: n % 2 === 0 ? '003-06' : '003-13',
          channel: 'akim',
          applicant: {
            iin: iin(`9212204${String(1000 + n).slice(-4)}`),
            surname: `Бек${'а'.repeat(n % 5)}`,
            givenName: 'Дана',
          },
          personalDataConsent: true,
          presentedDocuments: [],
        });
        if (!r.ok) throw new Error(JSON.stringify(r));
        n += 1;
        const patched = await readJournal(db, query, names);
        const snapshot = await journalIndex(db).read();
        expect(snapshot.delta, `${sort} ${isDescending}`).toBeDefined();
        const fresh = viewOf({ entries: [...snapshot.entries], version: -1 }, query, names);
        expect(
          patched.rows.map((e) => e.id),
          `${sort} ${isDescending}`,
        ).toEqual(fresh.rows.map((e) => e.id));
      }
    }
    expect(cases.gulnaz.regNumber).toBe('01-26-03-0001');
  });

  it('reads back its saved copy with the rows written since, and notices deletions and rows without a revision', async () => {
    const { db, commands, clock, cases } = await journalDevice();
    const built = await journalIndex(db).read();
    expect(built.source).toBe('built');
    expect(built.entries).toHaveLength(5);
    // The copy is saved in the background.
    await waitFor(async () => (await db.journalCache.get('journal'))?.count === 5);
    const saved = await db.journalCache.get('journal');
    expect(saved?.open.map((r) => r.id).sort()).toEqual(
      [cases.gulnaz, cases.pyotr, cases.askar].map((c) => c.caseId).sort(),
    );

    // A write after the copy: a new page (a new index, as after a reload) reads both.
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: iin('92122040111'), surname: 'Нұрланова', givenName: 'Дана' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const reloaded = new JournalIndex(db);
    const fromCopy = await reloaded.read();
    expect(fromCopy.source).toBe('saved');
    expect(fromCopy.entries.map((e) => e.regNumber).sort()).toEqual(
      [...Object.values(cases).map((c) => c.regNumber), r.value.regNumber].sort(),
    );
    // The entries read from the copy are the entries built from the rows.
    const strip = <E extends { id: string; rev: number }>(e: E) => ({ ...e, rev: 0 });
    const rebuilt = await journalIndex(db).read();
    const byId = (list: readonly { id: string; rev: number }[]) =>
      [...list].map(strip).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(fromCopy.entries)).toEqual(byId(rebuilt.entries));

    // A change to a case shows in the same index.
    clock.advanceMinutes(5);
    expect((await commands.cancelCase(r.value.caseId, 'registered_in_error')).ok).toBe(true);
    const after = await journalIndex(db).read();
    expect(after.entries.find((e) => e.id === r.value.caseId)?.group).toBe('cancelled');
    expect(after.version).toBeGreaterThan(rebuilt.version);

    // A row deleted (its registration refused by the server) leaves the journal.
    await db.transaction('rw', db.cases, () => db.cases.delete(cases.askar.caseId));
    expect((await journalIndex(db).read()).entries.map((e) => e.id)).not.toContain(
      cases.askar.caseId,
    );
    // A row written without a revision (an earlier release's code) comes in all the same.
    const row = await db.cases.get(cases.gulnaz.caseId);
    if (!row) throw new Error('no row');
    const { rev: _rev, ...copy } = toCaseRow({
      ...row,
      id: 'legacy-row',
      regNumber: '01-25-03-0099',
    });
    await db.cases.put(copy);
    const withLegacy = await journalIndex(db).read();
    expect(withLegacy.entries.find((e) => e.id === 'legacy-row')?.regNumber).toBe('01-25-03-0099');
    expect(withLegacy.entries).toHaveLength(6);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
