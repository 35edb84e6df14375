/**
 * The long chaos run: `npm run test:chaos -- --devices 50 --events 1000 --seed 42`.
 *
 * Options: `--devices N` (all devices, 2–3 of them district devices; default 50), `--events M`
 * * (events per device on average, devices × M in all; default 1000), `--restarts R` (server SIGKILLs during the storm;
 * default 5), `--seed S` (default: a fresh one, printed first), `--store sqlite|postgres`
 * (default sqlite; postgres needs TEST_DATABASE_URL or --database-url), `--max-storm SECONDS`
 * (the storm ends there even with cases still open; default 1800), `--json` (the whole report as
 * JSON before the last line).
 *
 * Ends with `chaos: devices=N events=E restarts=R lost=L duplicated=D diverged=V unsent=U
 * unproved=P` and exits 1 when any of L, D, V, U, P is not zero, printing the seed to replay.
 */
import { parseArgs } from 'node:util';
import { randomSeed } from './random';
import { isClean, runChaos, summaryLine } from './world';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    devices: { type: 'string', default: '50' },
    events: { type: 'string', default: '1000' },
    restarts: { type: 'string', default: '5' },
    seed: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
    'max-storm': { type: 'string', default: '1800' },
    'database-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

function positive(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`error: --${name} must be an integer ≥ ${min}`);
    process.exit(2);
  }
  return n;
}

const store = values.store === 'postgres' ? 'postgres' : 'sqlite';
const databaseUrl = values['database-url'] ?? process.env.TEST_DATABASE_URL;
if (store === 'postgres' && !databaseUrl) {
  console.error('error: --store postgres needs --database-url or TEST_DATABASE_URL');
  process.exit(2);
}
const seed = values.seed === undefined ? randomSeed() : positive('seed', values.seed, 0);

try {
  const report = await runChaos({
    seed,
    devices: positive('devices', values.devices, 3),
    eventsPerDevice: positive('events', values.events, 1),
    restarts: positive('restarts', values.restarts, 0),
    maxStormMs: positive('max-storm', values['max-storm'], 1) * 1000,
    store,
    ...(databaseUrl ? { databaseUrl } : {}),
    log: (line) => console.log(line),
  });
  for (const problem of report.problems) console.log(`  ${problem}`);
  for (const remark of report.remarks.slice(0, 10)) console.log(`  (${remark})`);
  console.log(
    `chaos: store=${report.store} offices=${report.offices} villages=${report.villageDevices} district=${report.districtDevices} server events=${report.serverEvents} rejected=${report.serverRejected} refused=${report.refused} ms=${JSON.stringify(report.ms)}`,
  );
  console.log(`chaos: actions ${JSON.stringify(report.actions)}`);
  console.log(`chaos: faults ${JSON.stringify(report.faults)}`);
  console.log(`chaos: rejections ${JSON.stringify(report.rejections)}`);
  console.log(
    `chaos: open cases ${JSON.stringify(report.open)}${report.cutShort ? ' (cut short)' : ''}`,
  );
  console.log(
    `chaos: power cuts=${report.powerCuts} forgotten=${report.forgotten} number clashes=${report.numberClashes} offline refusals=${report.offlineRefusals}`,
  );
  console.log(
    `chaos: signed in=${report.signedIn} proof keys=${report.proofKeys} again by seal=${report.signInsBySeal}`,
  );
  if (values.json) console.log(JSON.stringify(report));
  if (!isClean(report)) console.log(`chaos: FAILED — replay with --seed ${seed}`);
  console.log(summaryLine(report));
  process.exit(isClean(report) ? 0 : 1);
} catch (error) {
  console.error(error);
  console.error(`chaos: run failed — replay with --seed ${seed}`);
  process.exit(1);
}
