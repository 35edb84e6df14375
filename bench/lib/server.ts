/**
 * The real district server (`sync-server/main.ts`, as `npm start` runs it after the build) as a
 * child process on its own port and store: SQLite in a temporary DATA_DIR, or PostgreSQL in a
 * fresh schema that is dropped afterwards. The bench talks to it over HTTP like devices do and
 * reads its memory from /proc. Request limits are off: every simulated device comes from one
 * address, which the per-address limit would otherwise cut off.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { OfficeKind } from '../../src/domain/roles';
import type { EnrollResponse } from '../../src/domain/sync/protocol';
import { migrate } from '../../sync-server/db/migrations';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { request } from './http';

export const ROOT = join(import.meta.dirname, '..', '..');
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

/** A store the server will run on: created, migrated and holding the demo district. */
export interface BenchStore {
  kind: 'sqlite' | 'postgres';
  /** environment for the server process */
  env: Record<string, string>;
  /** the SQLite file (SQLite only) */
  file?: string;
  /** a connection of the bench's own, for enrollment codes */
  db: Db;
  dispose(): Promise<void>;
}

export async function sqliteStore(): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'qabyldau-bench-'));
  const file = join(dir, 'qabyldau.db');
  const db = openSqlite(file);
  await migrate(db);
  await ensureDemoDistrict(db, new Date());
  return {
    kind: 'sqlite',
    env: { DATA_DIR: dir },
    file,
    db,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresStore(): Promise<BenchStore> {
  const schema = `qabyldau_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openPostgres(PG_URL, { schema });
  await migrate(db);
  await ensureDemoDistrict(db, new Date());
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    db,
    async dispose() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export class BenchServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  get pid(): number {
    return this.child.pid ?? 0;
  }

  static async start(store: BenchStore): Promise<BenchServer> {
    const port = await freePort();
    const logDir = mkdtempSync(join(tmpdir(), 'qabyldau-bench-log-'));
    const logFile = join(logDir, 'server.log');
    const log = openSync(logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...store.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_DEVICE_PER_MINUTE: '0',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
    };
    if (store.kind === 'sqlite') delete env.DATABASE_URL;
    // Node itself with tsx as a loader, so the child is the server and its RSS is the server's.
    // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is for profiling.
    const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'sync-server/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const server = new BenchServer(`http://127.0.0.1:${port}`, child, logFile);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`server exited early:\n${readFileSync(logFile, 'utf8')}`);
      }
      try {
        const res = await fetch(`${server.url}/api/v1/health`);
        if (res.ok) return server;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${readFileSync(logFile, 'utf8')}`);
  }

  /** Resident set size and its peak, MiB, from /proc. */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dirname(this.logFile), { recursive: true, force: true });
  }
}

/** A device enrolled the way a person does it: a code from the store, then POST /enroll. */
export async function enroll(
  server: { url: string },
  store: BenchStore,
  officeId: string,
  kind: OfficeKind,
): Promise<EnrollResponse> {
  const code = await issueEnrollCode(store.db, officeId, kind, new Date());
  const reply = await request<EnrollResponse>(server.url, 'POST', '/api/v1/enroll', {
    json: { code },
  });
  if (reply.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function enrollCode(store: BenchStore, officeId: string, kind: OfficeKind) {
  return issueEnrollCode(store.db, officeId, kind, new Date());
}
