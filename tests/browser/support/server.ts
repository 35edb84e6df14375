/**
 * The district server for the browser tests: built, as `npm start` runs it after the build, on
 * SQLite in a temporary DATA_DIR of its own, with the real CLI against the same store. Tests can
 * kill it (SIGKILL, like a power cut) and start it again on the same port and data.
 *
 * PINs are checked at the low test cost (`PIN_COST=low`, taken only with `NODE_ENV=test`): the
 * suites sign in dozens of times, and the devices seal at the cost the server names, so the
 * browser's Argon2 is cheap too. The standard cost's timing is the benchmark's business.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DistrictServer } from '../../support/server-process';

export { freePort } from '../../support/server-process';

export class ServerProcess extends DistrictServer {
  readonly dataDir: string;

  /** `env`: more settings, e.g. `PUBLIC_URL` */
  constructor(port: number, env: Record<string, string> = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-e2e-'));
    super({ port, env: { NODE_ENV: 'test', PIN_COST: 'low', ...env, DATA_DIR: dataDir } });
    this.dataDir = dataDir;
  }
}
