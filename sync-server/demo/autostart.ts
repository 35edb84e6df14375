/**
 * A fresh demo district opens with work in it: the first time the server starts on a demo
 * district nobody has worked in yet, it runs `demo-activity` once, so Today, the work lists and
 * the reports have something to show the first person who opens them.
 *
 * The run is a child process of the CLI (`npm run -s cli -- demo-activity`): it runs the app's
 * device code, which the server never loads, and the server stays responsive meanwhile (the
 * run takes half a minute or so, half of it the first sign-ins of its thirteen people at the
 * standard PIN cost). The store keeps a mark that it was started, claimed under
 * the sync write lock, so a restart — or a second instance starting at the same moment — never
 * runs it again. `DEMO_ACTIVITY=0` leaves a fresh demo district empty.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import {
  type DemoActivityMark,
  getDemoActivityMark,
  hasEvents,
  setDemoActivityMark,
} from '../queries/demo-activity';
import { isDemoWanted } from '../seed/demo';
import { notDemoDistrict } from './guard';

/** Four weeks of office days; the seed is fixed so every fresh demo looks the same. */
export const AUTOSTART_DAYS = 20;
export const AUTOSTART_SEED = 1;

/** False when the environment says `DEMO_ACTIVITY=0` (or `false`, `no`, `off`), or `DEMO=0`. */
export function isDemoActivityWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.DEMO_ACTIVITY?.trim().toLowerCase();
  const isOff = value === '0' || value === 'false' || value === 'no' || value === 'off';
  return !isOff && isDemoWanted(env);
}

/**
 * Whether this start should run the demo's activity; true claims the run. Only in the demo
 * district, only if it never ran (or was claimed) here, and only while the store has no event
 * at all: a demo district people already work in keeps its own history.
 */
export async function claimDemoActivity(
  db: Db,
  now: Date,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!isDemoActivityWanted(env)) return false;
  if ((await notDemoDistrict(db)) !== null) return false;
  if ((await getDemoActivityMark(db)) || (await hasEvents(db))) return false;
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    // Another instance may have claimed it, or a device pushed, since the look above.
    if ((await getDemoActivityMark(tx)) || (await hasEvents(tx))) return false;
    const mark: DemoActivityMark = {
      state: 'started',
      at: now.toISOString(),
      days: AUTOSTART_DAYS,
      seed: AUTOSTART_SEED,
    };
    await setDemoActivityMark(tx, mark);
    return true;
  });
}

export interface ActivityLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Starts the run in a child process of the CLI in `root` (the project's directory), on the same
 * store (the child inherits the environment). Returns the child, so a shutdown can stop it, or
 * null when the CLI's sources are not there to run.
 */
export function startDemoActivity(
  root: string,
  log: ActivityLog,
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess | null {
  const cli = join(root, 'sync-server', 'cli.ts');
  const args = [
    'demo-activity',
    '--days',
    String(AUTOSTART_DAYS),
    '--seed',
    String(AUTOSTART_SEED),
    '--json',
  ];
  if (!existsSync(cli)) {
    log.error(`demo activity: ${cli} is missing; run npm run -s cli -- ${args.join(' ')}`);
    return null;
  }
  const started = Date.now();
  log.info(
    `demo activity: making ${AUTOSTART_DAYS} office days of work in the demo district in the background`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  // Only the end of the progress lines is kept, for a failure's report.
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      log.error(
        `demo activity: stopped (${signal ?? `exit code ${code}`}) after ${seconds} s\n${stderr}`,
      );
      return;
    }
    try {
      const s = JSON.parse(stdout) as { cases: number; open: number; overdue: number };
      log.info(
        `demo activity: done in ${seconds} s: ${s.cases} applications, ${s.open} open, ${s.overdue} overdue`,
      );
    } catch {
      log.info(`demo activity: done in ${seconds} s`);
    }
  });
  return child;
}
