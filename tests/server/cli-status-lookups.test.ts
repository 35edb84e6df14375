/**
 * `status-lookups`: the record of the public status page's tries, newest first, for an
 * administrator on the command line; a wrong `--limit` refused before the store is touched.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../sync-server/db/migrations';
import { openSqlite } from '../../sync-server/db/sqlite';
import { recordLookup } from '../../sync-server/queries/status';
import { cliHarness } from '../support/cli';

const { cli, parent } = cliHarness('status-lookups');

describe('status-lookups', () => {
  it('refuses a wrong limit with exit code 2 and creates nothing', async () => {
    const dataDir = join(parent(), 'untouched');
    const reply = await cli(['status-lookups', '--limit', 'many', '--json'], {
      DATA_DIR: dataDir,
    });
    expect(reply.code).toBe(2);
    expect(reply.stderr).toMatch(/--limit/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lists the latest tries, newest first, with stable keys', async () => {
    const dataDir = join(parent(), 'store');
    mkdirSync(dataDir);
    const db = openSqlite(join(dataDir, 'qabyldau.db'));
    await migrate(db);
    const tries = [
      ['2026-12-07T10:00:00.000Z', 'found', 'page'],
      ['2026-12-07T10:01:00.000Z', 'not_found', 'api'],
      ['2026-12-07T10:02:00.000Z', 'rate_limited', 'api'],
    ] as const;
    for (const [i, [at, outcome, via]] of tries.entries()) {
      await recordLookup(db, {
        id: `0190a000-0000-7000-8000-00000000000${i}`,
        at,
        address: '10.0.3.0/24',
        number: '01-26-01-0007',
        via,
        outcome,
      });
    }
    await db.close();
    const reply = await cli(['status-lookups', '--limit', '2', '--json'], { DATA_DIR: dataDir });
    expect(reply.code).toBe(0);
    expect(JSON.parse(reply.stdout)).toEqual([
      {
        at: '2026-12-07T10:02:00.000Z',
        address: '10.0.3.0/24',
        number: '01-26-01-0007',
        via: 'api',
        outcome: 'rate_limited',
      },
      {
        at: '2026-12-07T10:01:00.000Z',
        address: '10.0.3.0/24',
        number: '01-26-01-0007',
        via: 'api',
        outcome: 'not_found',
      },
    ]);
    const table = await cli(['status-lookups'], { DATA_DIR: dataDir });
    expect(table.stdout.trim().split('\n')).toHaveLength(3);
  });
});
