/**
 * The real district server (built, as `npm start` runs it; tests/support/server-process.ts) as a
 * child process on its own port and store: SQLite in a temporary DATA_DIR, or PostgreSQL in a
 * fresh schema that is dropped afterwards. The bench talks to it over HTTP like devices do and
 * reads its memory from /proc. Request limits are off: every simulated device comes from one
 * address, which the per-address limit would otherwise cut off. PINs are at the low cost
 * (`PIN_COST=low`, taken in the benchmark's mode, `BENCHMARK=1`): the load generator signs
 * hundreds of people in, and a PIN check at the standard cost is half a second of a core and
 * 128 MiB (ADR 0015), which would be measured instead of sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { LOW_PIN_COST, type PinCost } from '../../src/domain/identity/pin';
import type { OfficeKind } from '../../src/domain/roles';
import type { EnrollResponse } from '../../src/domain/sync/protocol';
import { migrate } from '../../sync-server/db/migrations';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { DistrictServer, freePort, ROOT } from '../../tests/support/server-process';
import { request } from './http';

export { freePort, ROOT };
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

/** `pinCost`: the cost of the demo people's verifiers, the low one unless a part asks. */
export async function sqliteStore(pinCost: PinCost = LOW_PIN_COST): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'qabyldau-bench-'));
  const file = join(dir, 'qabyldau.db');
  const db = openSqlite(file);
  await migrate(db);
  await ensureDemoDistrict(db, new Date(), process.env, pinCost);
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
  await ensureDemoDistrict(db, new Date(), process.env, LOW_PIN_COST);
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
  private constructor(private readonly process: DistrictServer) {}

  get url(): string {
    return this.process.url;
  }

  get pid(): number {
    return this.process.pid;
  }

  /** `isStandardPinCost`: the server as a district runs it, PINs at the standard cost. */
  static async start(store: BenchStore, isStandardPinCost = false): Promise<BenchServer> {
    // The built server with the Node flags of `npm start`: the figures are what a district runs.
    // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is for profiling.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = new DistrictServer({
      port: await freePort(),
      env: {
        ...store.env,
        RATE_LIMIT_DEVICE_PER_MINUTE: '0',
        RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
        ...(isStandardPinCost ? {} : { PIN_COST: 'low', BENCHMARK: '1' }),
      },
      nodeArgs,
      logToFile: true,
    });
    try {
      await child.start();
    } catch (error) {
      child.dispose();
      throw error;
    }
    return new BenchServer(child);
  }

  /** Resident set size and its peak, MiB, from /proc. */
  memory(): { rssMb: number; peakMb: number } {
    return this.process.memory();
  }

  async stop(): Promise<void> {
    await this.process.stop();
    this.process.dispose();
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
