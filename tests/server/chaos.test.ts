/**
 * Sync never loses or doubles a case, under faults: twenty simulated devices (real device
 * databases on fake-indexeddb, the app's own commands and sync engine) work through a proxy
 * that drops, repeats, delays, reorders and cuts their requests, while the real server in a
 * child process is killed with SIGKILL and restarted. After a calm phase the server's store
 * and every device must agree: nothing acknowledged is missing, nothing is stored twice, every
 * projection matches the server's, no outbox holds anything. Every person signed in through the
 * server's sign-in, and every event the server holds is proved by her key on her device — also
 * after a power cut, when she signs in again by her seal.
 *
 * The seed is fixed so `npm test` is repeatable; `CHAOS_SEED=<n>` runs another one (and
 * replays a failure: the seed is printed at the start and in every failure message). The
 * harness lives in tests/chaos/; `npm run test:chaos` runs the long version.
 */
import { describe, expect, it } from 'vitest';
import { isClean, runChaos, summaryLine } from '../chaos/world';

const SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : 20260318;
const postgresUrl = process.env.TEST_DATABASE_URL;
const STORES = postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(STORES)('chaos on %s', (store) => {
  it('twenty devices, a faulty network, server kills and device power cuts lose and double nothing', async () => {
    console.log(`chaos seed ${SEED} (${store}); replay with CHAOS_SEED=${SEED}`);
    const report = await runChaos({
      seed: SEED,
      devices: 20,
      eventsPerDevice: 25,
      restarts: 3,
      store,
      ...(postgresUrl ? { databaseUrl: postgresUrl } : {}),
      maxStormMs: 90_000,
    });
    const context = [
      summaryLine(report),
      `seed ${SEED} (replay: CHAOS_SEED=${SEED} npx vitest run tests/server/chaos.test.ts)`,
      ...report.problems,
    ].join('\n');
    console.log(context);

    expect(report.problems, context).toEqual([]);
    expect(isClean(report), context).toBe(true);
    // The run really was a storm: enough work, every kind of fault, every power cut.
    expect(report.restarts, context).toBeGreaterThanOrEqual(3);
    expect(report.events, context).toBeGreaterThanOrEqual(400);
    // Everything the server holds is on its device, but for rejections of events a power cut
    // took from the device before it heard the answer.
    expect(report.serverEvents + report.serverRejected, context).toBe(
      report.deviceEvents + report.forgottenRejections,
    );
    expect(report.powerCuts, context).toBeGreaterThan(0);
    // A key per person on each device, each from a first sign-in there; after every power cut
    // the device's people signed in again by their seals, with the same keys.
    expect(report.unproved, context).toBe(0);
    expect(report.proofKeys, context).toBe(report.signedIn);
    expect(report.signedIn, context).toBe(report.villageDevices * 2 + report.districtDevices * 3);
    expect(report.signInsBySeal, context).toBeGreaterThan(0);
    for (const [fault, n] of Object.entries(report.faults)) {
      expect(n, `${fault} never happened\n${context}`).toBeGreaterThan(0);
    }
    expect(report.cutShort, context).toBe(false);
  }, 150_000);
});
