/**
 * Runs the real district server (`tsx sync-server/main.ts`) as a child process on a free port
 * with its own DATA_DIR, the way `npm start` does after the build, and the real CLI against the
 * same store. Tests can kill it (SIGKILL, like a power cut) and start it again on the same port
 * and data.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Node itself with tsx as a loader, so the child *is* the server and SIGKILL reaches it. */
const SERVER_ARGS = ['--import', 'tsx', 'sync-server/main.ts'];

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

export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-e2e-'));
  output = '';

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
    };
    delete env.DATABASE_URL;
    return env;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk) => {
      this.output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      this.output += String(chunk);
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not start:\n${this.output}`);
  }

  /** Like a power cut: no graceful shutdown. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  async cli(args: string[]): Promise<string> {
    const { stdout } = await run(TSX, ['sync-server/cli.ts', ...args], {
      cwd: ROOT,
      env: this.env(),
    });
    return stdout;
  }

  async enrollCode(officeId: string, role: 'akimat' | 'district'): Promise<string> {
    const out = await this.cli(['enroll-code', '--office', officeId, '--role', role, '--json']);
    return (JSON.parse(out) as { code: string }).code;
  }
}
