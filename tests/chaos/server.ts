/**
 * The district server as the chaos run sees it: the real `sync-server/main.ts` in a child
 * process (Node with tsx as a loader, so SIGKILL reaches the server itself, like a power cut),
 * on a fixed port behind the proxy, on SQLite in a temporary DATA_DIR or on PostgreSQL in a
 * schema of its own. The administrator's CLI issues enrollment codes against the same store,
 * and the verifier opens the store directly to read what was really committed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const NODE_ARGS = ['--import', 'tsx'];

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

/** Where the server keeps its data for one run, and how to read it afterwards. */
export interface ChaosStore {
  name: 'sqlite' | 'postgres';
  /** environment for the server and the CLI */
  env: Record<string, string>;
  /** a direct connection for verification */
  open(): Db;
  dispose(): Promise<void>;
}

export function sqliteStore(): ChaosStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-chaos-'));
  return {
    name: 'sqlite',
    env: { DATA_DIR: dataDir },
    open: () => openSqlite(join(dataDir, 'qabyldau.db')),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh schema on the given PostgreSQL server. The server reads only DATABASE_URL, so the
 * schema travels in the URL as the connection's `options` (`-c search_path=…`), which `pg`
 * passes to PostgreSQL at startup.
 */
export async function postgresStore(baseUrl: string, tag: string): Promise<ChaosStore> {
  const schema = `chaos_${tag}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-chaos-'));
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openPostgres(baseUrl, { schema }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export class ServerChild {
  private child: ChildProcess | null = null;
  /** the last lines the server printed, for a failure report */
  private tail: string[] = [];
  starts = 0;
  kills = 0;

  constructor(
    readonly port: number,
    private readonly store: ChaosStore,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  recentOutput(): string {
    return this.tail.join('');
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...this.store.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
    };
    if (!this.store.env.DATABASE_URL) delete env.DATABASE_URL;
    return env;
  }

  private remember(chunk: unknown): void {
    this.tail.push(String(chunk));
    // The server logs every request; keep only enough to explain a failure.
    if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...NODE_ARGS, 'sync-server/main.ts'], {
      cwd: ROOT,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk) => this.remember(chunk));
    child.stderr?.on('data', (chunk) => this.remember(chunk));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`server exited early:\n${this.recentOutput()}`);
      }
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
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
    this.kills++;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /** `enroll-code` from the administrator's CLI, on the same store as the server. */
  async enrollCode(officeId: string, role: 'akimat' | 'district'): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      [
        ...NODE_ARGS,
        'sync-server/cli.ts',
        'enroll-code',
        '--office',
        officeId,
        '--role',
        role,
        '--json',
      ],
      { cwd: ROOT, env: this.env() },
    );
    return (JSON.parse(stdout) as { code: string }).code;
  }
}
