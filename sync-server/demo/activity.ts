/**
 * Weeks of work in the demo district, made the way real offices make it: a few village akimat
 * offices and the district department, each with a device running the app's own code, work
 * through the last `days` office days one after another — registrations and refusals at the
 * desk, the commission, transfer batches, returns, drafts, visas, signatures, results, hand-outs,
 * corrections and cancellations — and sync with the district server over HTTP every morning and
 * evening. Everything random comes from the seed: the same seed on the same day gives the same
 * applicants, registration numbers, services and outcomes.
 *
 * The server the devices sync with is the real one (`buildServer`) on the same store, started
 * in this process on a port of its own: the run needs no server to be up, and the store's time
 * for what it receives (server time, device last contact) is the simulated evening's, not the
 * moment the demo was made. It refuses any store but the demo district's.
 *
 * The offices' clocks run in UTC+05:00: the app formats a device's times in the zone it runs
 * in, so this process takes Kazakhstan's (see `setOfficeTimeZone`).
 */
import type { AddressInfo } from 'node:net';
import { calendarWithYears } from '../../src/domain/calendar';
import { CATALOG, servicesFor } from '../../src/domain/catalog';
import type { PinCost } from '../../src/domain/identity/pin';
import { buildServer } from '../app';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import { listCalendarYears, listEditions } from '../queries/admin';
import { setDemoActivityMark } from '../queries/demo-activity';
import { AKIMAT_OFFICES, DEMO_DISTRICT, DISTRICT_OFFICE } from '../seed/aktogay';
import { issueEnrollCode } from '../sync/enroll';
import { DemoDevice } from './device';
import { DistrictDepartment } from './district-department';
import { notDemoDistrict } from './guard';
import { Fates, Ledger } from './ledger';
import { MORNING } from './office-clock';
import { Citizens } from './people';
import { officeDays } from './period';
import { Deck, Rng } from './random';
import { type DemoActivitySummary, summarize } from './summary';
import { VillageOffice } from './village-office';
import type { DemoWorld } from './world';

export interface DemoActivityOptions {
  days: number;
  seed: number;
  /** the real time: the period ends today, and nothing happens after now */
  now: Date;
  /**
   * The PIN cost of the server the devices sign in with, the district server's (`PIN_COST`):
   * the standard one unless a test or the benchmark lowered it.
   */
  pinCost?: PinCost;
  log?: (line: string) => void;
}

/** How many akimat offices work in the demo besides Ақтоғай ауылы (akt-01). */
const OTHER_OFFICES = 4;

/**
 * How often each service is asked for, of those with an akim channel: the child benefits and
 * the certificate of 003-16 most, the others now and then. A deck, so every one of them comes up
 * in every 13 applicants.
 */
const SERVICE_WEIGHTS: Record<string, number> = {
  '003-06': 3,
  '004-01': 3,
  '003-16': 3,
  '003-07': 2,
};

/**
 * The office's time zone for this process. Kazakhstan has one (UTC+05:00 since 1 March 2024);
 * set before any device formats a time, and it stays so for the life of the process (the CLI
 * process runs one command).
 */
export function setOfficeTimeZone(): void {
  process.env.TZ = 'Asia/Almaty';
}

export async function runDemoActivity(
  db: Db,
  options: DemoActivityOptions,
): Promise<DemoActivitySummary> {
  const log = options.log ?? (() => undefined);
  const problem = await notDemoDistrict(db);
  if (problem) throw new Error(problem);
  setOfficeTimeZone();
  const rng = new Rng(options.seed);
  const calendar = calendarWithYears(await listCalendarYears(db));
  const days = officeDays(calendar, options.now, options.days);
  const first = days[0];
  if (!first) throw new Error('no office days to simulate');

  // Ақтоғай ауылы always (the village code the server prints at start is for it), and a few
  // other okrugs the seed picks.
  const [home, ...rest] = AKIMAT_OFFICES;
  if (!home) throw new Error('the demo district has no akimat office');
  const offices = [home, ...rng.fork('offices').sample(rest, OTHER_OFFICES)].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );

  // The server's clock follows the device that talks to it: a sync at six on a Tuesday three
  // weeks ago is received at six on that Tuesday.
  let serverNow = new Date(options.now);
  const clock: Clock = { now: () => new Date(serverNow) };
  const beforeSync = (deviceTime: Date) => {
    serverNow = deviceTime;
  };
  const app = await buildServer({
    db,
    clock,
    logger: false,
    // One process talking to itself: the per-device limit is for devices in the field.
    rateLimit: { devicePerMinute: 0, addressPerMinute: 0 },
    ...(options.pinCost ? { pinCost: options.pinCost } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const services = servicesFor(CATALOG, DEMO_DISTRICT.actIds, 'akim').map((s) => s.id);
  const world: DemoWorld = {
    ledger: new Ledger(),
    fates: new Fates(rng.fork('fates')),
    citizens: new Citizens(rng.fork('citizens')),
    calendar,
    services: new Deck(
      rng.fork('services'),
      services.flatMap((id) => Array.from({ length: SERVICE_WEIGHTS[id] ?? 1 }, () => id)),
    ),
    incomplete: Deck.oneIn(rng.fork('incomplete'), 1, 4),
    represented: Deck.oneIn(rng.fork('represented'), 1, 10),
    missingResult: Deck.oneIn(rng.fork('missing-result'), 1, 6),
    rng,
  };

  const devices: DemoDevice[] = [];
  // Time spent signing people in: at the standard PIN cost each first sign-in is two Argon2id
  // computations (the server's check, the device's seal), the better part of the run's set-up.
  let signInMs = 0;
  const signIn = async (device: DemoDevice) => {
    const started = performance.now();
    await device.signIn();
    signInMs += performance.now() - started;
  };
  try {
    // Enrolled one after another in a fixed order, the morning before the first day, so each
    // office's device number (part of every registration number) is the same every run.
    const enrollDay = (device: DemoDevice) => device.clock.startDay(first, MORNING - 30);
    const villages: VillageOffice[] = [];
    for (const office of offices) {
      const device = new DemoDevice(
        { officeId: office.id, kind: 'akimat' },
        options.now,
        beforeSync,
      );
      devices.push(device);
      enrollDay(device);
      await device.enroll(await issueEnrollCode(db, office.id, 'akimat', device.clock.now()), url);
      await signIn(device);
      // Ақтоғай ауылы is the district's centre: more people come to its desk.
      const perDay = office.id === home.id ? ([2, 4] as const) : ([0, 3] as const);
      villages.push(new VillageOffice(office, device, world, perDay));
    }
    const districtDevice = new DemoDevice(
      { officeId: DISTRICT_OFFICE.id, kind: 'district' },
      options.now,
      beforeSync,
    );
    devices.push(districtDevice);
    enrollDay(districtDevice);
    await districtDevice.enroll(
      await issueEnrollCode(db, DISTRICT_OFFICE.id, 'district', districtDevice.clock.now()),
      url,
    );
    await signIn(districtDevice);
    log(
      `demo-activity: ${devices.reduce((n, d) => n + d.signedIn, 0)} people signed in on ${devices.length} devices in ${(signInMs / 1000).toFixed(1)} s`,
    );
    const district = new DistrictDepartment(districtDevice, world);

    for (const day of days) {
      for (const village of villages) await village.morning(day);
      await district.morning(day);
      for (const village of villages) await village.work(day);
      await district.work(day);
      for (const village of villages) await village.evening();
      await district.evening();
      log(`demo-activity: ${day} done, ${world.ledger.cases.length} cases so far`);
    }

    const summary = await summarize(db, {
      days,
      seed: options.seed,
      offices: offices.map((o) => o.id),
      deviceIds: devices.map((d) => d.deviceId),
      calendar,
      editions: await listEditions(db),
      now: options.now,
    });
    await setDemoActivityMark(db, {
      state: 'done',
      at: options.now.toISOString(),
      days: options.days,
      seed: options.seed,
    });
    return summary;
  } finally {
    for (const device of devices) device.close();
    await app.close();
  }
}

export type { DemoActivitySummary };
