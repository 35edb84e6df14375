/**
 * Serving the built app: files from dist/, the SPA fallback for deep links, and the cache
 * headers that let an update reach devices (index.html and sw.js never cached).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, STORES, startServer } from './helpers';

describe('static app', () => {
  let h: Harness;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'qabyldau-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Qabyldau</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), `console.log(${'"x",'.repeat(2000)}1);`);
    h = await startServer(STORES[0] as (typeof STORES)[number], dist);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and sw.js without caching', async () => {
    const index = await fetch(`${h.base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Qabyldau');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(`${h.base}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed assets for good and compresses them', async () => {
    const asset = await fetch(`${h.base}/assets/app-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
  });

  it('falls back to index.html for app routes but not for /api', async () => {
    const deep = await fetch(`${h.base}/journal/2026-03`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('Qabyldau');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const api = await fetch(`${h.base}/api/v1/unknown`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});
