/**
 * Initial JavaScript: the scripts the built index.html loads (script tags and module preloads),
 * each gzipped at zlib's default level as the server compresses them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/server';
import { round } from './lib/stats';

export interface BundleResult {
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  gzipKb: number;
}

export function benchBundle(): BundleResult {
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const paths = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(paths)].map((path) => {
    const content = readFileSync(join(dist, path.replace(/^\//, '')));
    return { path, bytes: content.length, gzip: gzipSync(content).length };
  });
  const gzip = files.reduce((n, f) => n + f.gzip, 0);
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip,
    gzipKb: round(gzip / 1024, 1),
  };
}
