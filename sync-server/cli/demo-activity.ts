/**
 * `demo-activity`: weeks of realistic work in the demo district, made by simulated devices
 * running the app's own commands and syncing with the real server (sync-server/demo/). Only in
 * the demo district: any other store is refused before anything is written (exit code 1).
 *
 * The device code it runs (Dexie, fake-indexeddb, the sync client) is loaded only when this
 * command runs, so the other commands start as fast as before.
 */
import { notDemoDistrict } from '../demo/guard';
import { pinCostFromEnv } from '../sync/pin-work';
import {
  type Command,
  type CommandContext,
  CommandFailure,
  requireString,
  UsageError,
} from './command';

/** The most office days a run may cover: a year of them. */
const MAX_DAYS = 250;

function wholeNumber(value: string, name: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function daysAndSeed(context: CommandContext): { days: number; seed: number } {
  return {
    days: wholeNumber(requireString(context, 'days'), 'days', 1, MAX_DAYS),
    seed: wholeNumber(requireString(context, 'seed'), 'seed', 0, 2 ** 31 - 1),
  };
}

export const demoActivityCommand: Command = {
  summary: 'make weeks of realistic work in the demo district through real devices and sync',
  usage: 'demo-activity --days <n> --seed <n> [--json]',
  options: { days: { type: 'string' }, seed: { type: 'string' } },
  validate: daysAndSeed,
  async run(context) {
    const { days, seed } = daysAndSeed(context);
    const problem = await notDemoDistrict(context.db);
    if (problem) throw new CommandFailure('not-demo-district', problem);
    const { runDemoActivity } = await import('../demo/activity');
    const started = Date.now();
    const summary = await runDemoActivity(context.db, {
      days,
      seed,
      now: context.now,
      // The server's PIN cost, as the store's verifiers were made with it (`PIN_COST`).
      pinCost: pinCostFromEnv(process.env).cost,
      // Progress for people on stderr, so stdout stays one JSON document with --json.
      log: (line) => console.error(line),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const text = [
      `Demo activity: ${summary.days} office days ${summary.from} … ${summary.to}, seed ${summary.seed}, ${seconds} s`,
      `  offices ${summary.offices.join(', ')} and the district (${summary.devices} devices)`,
      `  ${summary.cases} applications registered, ${summary.refusedAtIntake} refused at the desk`,
      `  ${summary.commission} with the commission's act, ${summary.returned} returned, ${summary.sentBack} sent back, ${summary.corrected} corrected, ${summary.cancelled} cancelled`,
      `  ${summary.approved} approved, ${summary.refused} refused, ${summary.handedOut} handed out`,
      `  ${summary.open} open, ${summary.overdue} of them overdue; ${summary.events} events`,
    ].join('\n');
    return { json: summary, text };
  },
};
