/**
 * The built app served from a copy of dist/ in a temporary folder, in front of the district
 * server whose API it passes through. A test publishes a "new version" by changing the copy's
 * files (the service worker's bytes, the release file), and can cut the API alone: the device
 * cannot reach the server, so its events stay unsent, while the app's files are still served
 * (a new version can still be found).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { ROOT } from '../../support/server-process';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/** Read on every visit, as the district server serves them (sync-server/http/static.ts). */
const NEVER_CACHED = new Set(['/index.html', '/sw.js', '/version.json']);

export class AppCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'qabyldau-app-'));
  /** the API refused at the connection, as when the server cannot be reached */
  isApiDown = false;
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly api: { port: number }) {
    const dist = join(ROOT, 'dist');
    if (!existsSync(join(dist, 'sw.js'))) throw new Error('dist/ has no sw.js: run npm run build');
    cpSync(dist, this.dir, { recursive: true });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/api/')) {
        if (this.isApiDown) {
          req.socket.destroy();
          return;
        }
        const upstream = request(
          {
            host: '127.0.0.1',
            port: this.api.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
        return;
      }
      const file = normalize(join(this.dir, path));
      const isFile = file.startsWith(this.dir) && existsSync(file) && statSync(file).isFile();
      // Any other address is the app's: index.html, as the district server answers.
      const served = isFile ? file : join(this.dir, 'index.html');
      const name = isFile ? path : '/index.html';
      res.writeHead(200, {
        'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
        'cache-control': NEVER_CACHED.has(name) ? 'no-cache' : 'public, max-age=3600',
      });
      res.end(readFileSync(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  /**
   * A new version on the server: the service worker's script changed (so the browser installs
   * it), with `workerCode` added to it, and the release file that says what it changes.
   */
  publish(release: object, workerCode: string): void {
    const sw = join(this.dir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n${workerCode}\n`);
    writeFileSync(join(this.dir, 'version.json'), JSON.stringify(release));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
