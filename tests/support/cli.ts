/**
 * The command line as a script runs it: a child process of `sync-server/cli.ts`, with DATA_DIR
 * set to a directory that does not exist yet (a reference command must never create it) and no
 * DATABASE_URL (a store command would open that instead). One harness per test file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

export interface CliAnswer {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliHarness(name: string) {
  let parent = '';
  let dataDir = '';
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), `qabyldau-${name}-`));
    dataDir = join(parent, 'never-created');
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  /** `env` adds to or overrides the environment (another DATA_DIR, DEMO=0). */
  async function cli(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<CliAnswer> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
    delete env.DATABASE_URL;
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'sync-server/cli.ts', ...args],
        { cwd: root, env },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  return { cli, dataDir: () => dataDir, parent: () => parent };
}
