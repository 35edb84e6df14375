/**
 * The bytes one child-benefit case (004-01, through the rural akim) puts on the wire when it
 * walks its whole process with the precinct commission: registered, the akim's order to the
 * commission, the commission's act and conclusion, forwarded in a batch, received at the
 * district, assigned, drafted, the sector head's visa, the head's signature, the result sent,
 * received back at the village and handed out — twelve events, made by the app's own commands
 * and pushed by the app's own sync code (`pushOutbox` over `createHttp`, which gzips a body from
 * 1 KiB on) to the real server through the byte-counting relay.
 *
 * The devices are the app's code in Node over fake-indexeddb, as the server tests run it, not
 * Chromium: the bodies are byte for byte what the app sends; the request headers are Node
 * fetch's, a little shorter than Chromium's. Two ways a day goes are measured:
 *
 * - online: each person's step is pushed as it is recorded (the app pushes after every write
 *   when it has a connection): twelve pushes;
 * - offline: each side pushes what it recorded at its desk in one round: the village (intake,
 *   order, act, batch), the district (six steps), the village (received, handed out).
 *
 * Only the pushes are counted; the pulls that bring the case to the other side are not. Each
 * device's people sign in first as the app signs them in (`signInOnDevice`, through the server
 * and not counted), so every event pushed carries its person's proof (ADR 0015).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { type Actor, type Commands, createCommands } from '../src/db/commands';
import { getMeta } from '../src/db/meta';
import { QabyldauDb } from '../src/db/schema';
import { findService } from '../src/domain/catalog';
import { controlDigit } from '../src/domain/iin';
import type { StaffRole } from '../src/domain/roles';
import { enrollDevice } from '../src/sync/enroll';
import { createHttp, type HttpPort } from '../src/sync/http';
import { signInOnDevice } from '../src/sync/identity';
import { pullEvents, pullReference } from '../src/sync/pull';
import { pushOutbox } from '../src/sync/push';
import { DEMO_PINS } from '../sync-server/seed/aktogay';
import type { CountingProxy } from './lib/proxy';
import { type BenchStore, enrollCode } from './lib/server';

export interface CommissionPushes {
  /** how the pushes were grouped */
  mode: 'online' | 'offline';
  events: number;
  pushes: number;
  /** the push bodies as the app sends them (gzip where it gzips) */
  bodyBytes: number;
  /** how many of them went gzipped */
  gzipped: number;
  /** the push requests through the relay: request line, headers and body */
  upBytes: number;
  /** the server's answers to them (each carries the device's next pull page) */
  downBytes: number;
}

export interface CommissionCaseResult {
  service: string;
  channel: string;
  /** the event types in the order they were recorded */
  events: string[];
  online: CommissionPushes;
  offline: CommissionPushes;
}

/** Counts what the app's HTTP port hands to fetch: the body as it goes, gzipped or not. */
class BodyMeter {
  bytes = 0;
  requests = 0;
  gzipped = 0;
  reset(): void {
    this.bytes = 0;
    this.requests = 0;
    this.gzipped = 0;
  }
  fetch: typeof fetch = async (input, init) => {
    const body = init?.body;
    if (typeof body === 'string') this.bytes += Buffer.byteLength(body);
    else if (body instanceof ArrayBuffer) this.bytes += body.byteLength;
    else if (body !== undefined && body !== null) throw new Error('unexpected body type');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (headers['content-encoding'] === 'gzip') this.gzipped++;
    if (body !== undefined && body !== null) this.requests++;
    return fetch(input, init);
  };
}

interface SimDevice {
  db: QabyldauDb;
  as(role: StaffRole): Commands;
  staffId(role: StaffRole): string;
  /** the app's push; what it returns is applied with `settle`, as the sync engine does */
  push(): Promise<Awaited<ReturnType<typeof pushOutbox>>>;
  settle(page: Awaited<ReturnType<typeof pushOutbox>>['page']): Promise<void>;
  pull(): Promise<void>;
}

async function simDevice(
  proxy: CountingProxy,
  meter: BodyMeter,
  store: BenchStore,
  officeId: string,
  kind: 'akimat' | 'district',
): Promise<SimDevice> {
  const db = new QabyldauDb(`wire-commission-${uuidv7()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  // Enrollment and reference data go straight to the relay, uncounted by the meter.
  const plain = createHttp(proxy.url);
  await enrollDevice(db, plain, await enrollCode(store, officeId, kind), proxy.url, new Date());
  const creds = await getMeta(db, 'credentials');
  if (!creds) throw new Error(`${officeId}: not enrolled`);
  await pullReference(db, plain, creds);
  const staff = await db.staff.where('officeId').equals(officeId).toArray();
  const roles: StaffRole[] =
    kind === 'akimat'
      ? ['akimat_specialist', 'akim']
      : ['district_executor', 'district_sector_head', 'district_head'];
  const signedIn = new Map<StaffRole, Actor>();
  for (const role of roles) {
    const found = staff.find((s) => s.role === role);
    if (!found) throw new Error(`${officeId}: no ${role} in the reference data`);
    const outcome = await signInOnDevice(
      { db, credentials: creds, http: plain },
      found.id,
      DEMO_PINS[role],
    );
    if (!outcome.ok) throw new Error(`${found.id}: sign-in ${outcome.problem.code}`);
    signedIn.set(role, { staff: outcome.staff, credentials: creds, proofKey: outcome.proofKey });
  }
  const person = (role: StaffRole): Actor => {
    const actor = signedIn.get(role);
    if (!actor) throw new Error(`${officeId}: ${role} is not signed in`);
    return actor;
  };
  const metered: HttpPort = createHttp(proxy.url, meter.fetch);
  return {
    db,
    as: (role) => createCommands(db, { now: () => new Date(), newId: uuidv7 }, () => person(role)),
    staffId: (role) => person(role).staff.id,
    async push() {
      const report = await pushOutbox(db, metered, creds);
      if (report.rejected > 0) throw new Error(`${officeId}: ${report.rejected} events rejected`);
      return report;
    },
    async settle(page) {
      await pullEvents(db, plain, creds, () => new Date(), page);
    },
    async pull() {
      await pullEvents(db, plain, creds, () => new Date());
    },
  };
}

function ok<T>(name: string, result: { ok: true; value: T } | { ok: false; problem: unknown }): T {
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problem)}`);
  return result.value;
}

function iin(serial: number): string {
  for (let s = serial; ; s++) {
    // born 12 April 1985, a woman of the 20th century
    const first11 = `8504124${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
}

/**
 * One case through its whole process. `online`: a push after each step; `offline`: each side
 * pushes once at the end of its part.
 */
async function walk(
  proxy: CountingProxy,
  meter: BodyMeter,
  store: BenchStore,
  officeId: string,
  mode: 'online' | 'offline',
): Promise<{ pushes: CommissionPushes; events: string[] }> {
  const village = await simDevice(proxy, meter, store, officeId, 'akimat');
  const district = await simDevice(proxy, meter, store, 'akt-district', 'district');
  const totals = { up: 0, down: 0, body: 0, requests: 0, gzipped: 0 };
  const pushOf = async (device: SimDevice) => {
    proxy.reset();
    meter.reset();
    const report = await device.push();
    totals.body += meter.bytes;
    totals.requests += meter.requests;
    totals.gzipped += meter.gzipped;
    totals.up += proxy.up;
    totals.down += proxy.down;
    // The pull that finishes the round is not counted.
    await device.settle(report.page);
  };
  const step = async (device: SimDevice, action: () => Promise<unknown>) => {
    await action();
    if (mode === 'online') await pushOf(device);
  };
  const endOfDesk = async (device: SimDevice) => {
    if (mode === 'offline') await pushOf(device);
  };

  const service = findService('004-01');
  const documents =
    service?.checklist.kind === 'listed'
      ? service.checklist.documents.filter((d) => !d.condition).map((d) => d.id)
      : [];
  const specialist = village.as('akimat_specialist');
  let caseId = '';
  await step(village, async () => {
    const registered = ok(
      'registerCase',
      await specialist.registerCase({
        serviceId: '004-01',
        channel: 'akim',
        applicant: {
          iin: iin(mode === 'online' ? 10 : 20),
          surname: 'Жұмабекова',
          givenName: 'Гүлнар',
          patronymic: 'Серікқызы',
          phone: '+7 701 234 56 78',
        },
        personalDataConsent: true,
        presentedDocuments: documents,
      }),
    );
    caseId = registered.caseId;
  });
  await step(village, async () =>
    ok(
      'orderCommission',
      await village
        .as('akim')
        .orderCommission(caseId, 'Отбасының материалдық жағдайын тексеріп, акт жасалсын'),
    ),
  );
  await step(village, async () =>
    ok(
      'recordInspection',
      await specialist.recordInspection(caseId, {
        actDate: new Date().toISOString().slice(0, 10),
        members: ['Әбенова Сәуле Қайратқызы', 'Тоқтаров Ержан Болатұлы', 'Исина Дана Маратқызы'],
        findings:
          'Отбасы төрт адамнан тұрады: ана, үш бала (2012, 2016, 2021 ж.т.). Ана ауылдық мектепте ' +
          'техникалық қызметкер, айлық табысы 95 000 теңге; әкесі қайтыс болған. Отбасы екі бөлмелі ' +
          'үйде тұрады, жеке қосалқы шаруашылығы: бір сиыр, он тауық. Басқа табыс көздері жоқ.',
        conclusion: 'needy',
        conclusionText:
          'Отбасының жан басына шаққандағы орташа айлық табысы азық-түлік себетінің құнынан төмен; ' +
          'балаларға арналған жәрдемақы тағайындау ұсынылады.',
      }),
    ),
  );
  await step(village, async () => ok('sendBatch', await specialist.sendBatch([caseId])));
  await endOfDesk(village);

  await district.pull();
  const executor = district.as('district_executor');
  await step(district, async () => ok('receiveCase', await executor.receiveCase(caseId)));
  await step(district, async () =>
    ok(
      'assignCase',
      await district.as('district_head').assignCase(caseId, district.staffId('district_executor')),
    ),
  );
  await step(district, async () =>
    ok('decideCase', await executor.decideCase(caseId, { outcome: 'approved' })),
  );
  await step(district, async () =>
    ok('endorseCase', await district.as('district_sector_head').endorseCase(caseId)),
  );
  await step(district, async () =>
    ok('signCase', await district.as('district_head').signCase(caseId)),
  );
  await step(district, async () => ok('sendResult', await executor.sendResult(caseId)));
  await endOfDesk(district);

  await village.pull();
  await step(village, async () => ok('receiveResult', await specialist.receiveResult(caseId)));
  await step(village, async () =>
    ok('handOutResult', await specialist.handOutResult(caseId, { to: 'applicant' })),
  );
  await endOfDesk(village);

  const [villageEvents, districtEvents] = await Promise.all([
    village.db.events.where('caseId').equals(caseId).toArray(),
    district.db.events.where('caseId').equals(caseId).toArray(),
  ]);
  const mine = [...villageEvents, ...districtEvents].filter((e) => e.status === 'synced');
  const events = [...new Map(mine.map((e) => [e.id, e])).values()]
    .sort((a, b) => (a.serverSeq ?? 0) - (b.serverSeq ?? 0))
    .map((e) => e.type);
  village.db.close();
  district.db.close();
  return {
    events,
    pushes: {
      mode,
      events: events.length,
      pushes: totals.requests,
      bodyBytes: totals.body,
      gzipped: totals.gzipped,
      upBytes: totals.up,
      downBytes: totals.down,
    },
  };
}

export async function benchCommissionCase(
  proxy: CountingProxy,
  store: BenchStore,
): Promise<CommissionCaseResult> {
  const meter = new BodyMeter();
  const online = await walk(proxy, meter, store, 'akt-05', 'online');
  const offline = await walk(proxy, meter, store, 'akt-06', 'offline');
  return {
    service: '004-01',
    channel: 'akim',
    events: online.events,
    online: online.pushes,
    offline: offline.pushes,
  };
}
