/**
 * The district server as a child process, for the browser tests, the chaos run and the bench: on
 * a given port and store (the store's environment — DATA_DIR, DATABASE_URL — comes from the
 * caller), killed like a power cut or stopped cleanly, started again on the same port and data,
 * with the administrator's CLI on the same store.
 *
 * Two ways to run it:
 * - `built` — `dist-server/main.js` with the Node flags of `npm start` (read from package.json's
 *   start script, so what runs here is what a district runs). Built first when missing or older
 *   than the server's sources, so a test never runs stale server code.
 * - `source` — `sync-server/main.ts` under the tsx loader, for suites that run before the build.
 *
 * Either way the child is Node itself running the server (no npm or tsx launcher in between), so
 * SIGKILL reaches the server and /proc shows the server's own memory.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, '..', '..');
const BUILT_ENTRY = join(ROOT, 'dist-server', 'main.js');
const SOURCE_ARGS = ['--import', 'tsx', 'sync-server/main.ts'];
/** What the built server is made from (sync-server/vite.config.ts). */
const SERVER_SOURCES = [join(ROOT, 'sync-server'), join(ROOT, 'src', 'domain')];
/** Output lines kept for a failure report: the server logs every request. */
const TAIL_CHUNKS = 200;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The Node flags `npm start` runs the built server with, from package.json's start script. */
export function startNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode((?:\s+--\S+)*)\s+dist-server\/main\.js\b/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error('package.json start script does not run dist-server/main.js');
  return (match[1] ?? '').split(/\s+/).filter(Boolean);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the server (as `npm run build` does) when dist-server is missing or stale. */
export function ensureServerBuilt(): void {
  if (existsSync(BUILT_ENTRY)) {
    const built = statSync(BUILT_ENTRY).mtimeMs;
    const sources = Math.max(
      ...SERVER_SOURCES.map(newestMtime),
      statSync(join(ROOT, 'package.json')).mtimeMs,
    );
    if (sources <= built) return;
  }
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'sync-server/vite.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`server build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface DistrictServerOptions {
  port: number;
  /** the store: DATA_DIR for SQLite, DATABASE_URL for PostgreSQL, and any other setting */
  env: Record<string, string>;
  /** the built server as `npm start` runs it (default), or the sources under tsx */
  mode?: 'built' | 'source';
  /** more Node flags, e.g. `--cpu-prof` */
  nodeArgs?: readonly string[];
  /**
   * Send the server's output to a file instead of through a pipe into this process: a load
   * generator then spends nothing on the server's request log.
   */
  logToFile?: boolean;
}

export class DistrictServer {
  private child: ChildProcess | null = null;
  private tail: string[] = [];
  private logDir: string | null = null;
  readonly port: number;
  starts = 0;
  kills = 0;

  constructor(private readonly options: DistrictServerOptions) {
    this.port = options.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** The server's last output, for a failure report. */
  recentOutput(): string {
    if (this.logDir) {
      const file = join(this.logDir, 'server.log');
      return existsSync(file) ? readFileSync(file, 'utf8').slice(-20_000) : '';
    }
    return this.tail.join('');
  }

  /**
   * The environment of the server and the CLI: SQLite unless the store names PostgreSQL. A fresh
   * demo district stays empty (`DEMO_ACTIVITY=0`): the suites count their own cases and time
   * their own work; a test that wants the demo's weeks of work sets `DEMO_ACTIVITY` itself.
   */
  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DEMO_ACTIVITY: '0',
      ...this.options.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
    };
    if (!this.options.env.DATABASE_URL) delete env.DATABASE_URL;
    return env;
  }

  private args(): string[] {
    const extra = this.options.nodeArgs ?? [];
    if (this.options.mode === 'source') return [...extra, ...SOURCE_ARGS];
    ensureServerBuilt();
    return [...startNodeArgs(), ...extra, BUILT_ENTRY];
  }

  private spawn(): ChildProcess {
    const args = this.args();
    if (this.options.logToFile) {
      this.logDir ??= mkdtempSync(join(tmpdir(), 'qabyldau-server-log-'));
      const log = openSync(join(this.logDir, 'server.log'), 'a');
      try {
        return spawn(process.execPath, args, {
          cwd: ROOT,
          env: this.env(),
          stdio: ['ignore', log, log],
        });
      } finally {
        closeSync(log);
      }
    }
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const remember = (chunk: unknown) => {
      this.tail.push(String(chunk));
      if (this.tail.length > TAIL_CHUNKS) this.tail.splice(0, this.tail.length - TAIL_CHUNKS);
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    return child;
  }

  /** Starts the server and waits until it answers its health check. */
  async start(): Promise<void> {
    const child = this.spawn();
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${this.recentOutput()}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) {
          this.starts++;
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start:\n${this.recentOutput()}`);
  }

  /** A power cut: no graceful shutdown, requests in flight die mid-way. */
  async kill(): Promise<void> {
    if (await this.signal('SIGKILL')) this.kills++;
  }

  /** A clean shutdown: requests in flight finish, the store closes. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<boolean> {
    const child = this.child;
    if (!child || child.exitCode !== null) return false;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    this.child = null;
    return true;
  }

  /** Removes the log file, if any; call after the last stop. */
  dispose(): void {
    if (this.logDir) rmSync(this.logDir, { recursive: true, force: true });
    this.logDir = null;
  }

  /** Resident set size and its peak, MiB, from /proc. */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** The administrator's CLI on the same store as the server; its standard output. */
  async cli(args: readonly string[]): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'sync-server/cli.ts', ...args],
      {
        cwd: ROOT,
        env: this.env(),
      },
    );
    return stdout;
  }

  async enrollCode(officeId: string, role: 'akimat' | 'district'): Promise<string> {
    const out = await this.cli(['enroll-code', '--office', officeId, '--role', role, '--json']);
    return (JSON.parse(out) as { code: string }).code;
  }
}
