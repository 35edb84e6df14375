/**
 * Serves the built app from `dist/` with an SPA fallback: any GET outside /api and the status
 * page's /s/ that is not a file gets index.html, so deep links work after a reload. index.html and sw.js must never be
 * cached, or a device would keep an old app after an update; hashed assets may be cached forever.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import { ApiError, sendError } from './errors';

const NEVER_CACHED = new Set(['index.html', 'sw.js']);

export async function registerStatic(
  app: FastifyInstance,
  distDir: string | undefined,
  clock: Clock,
): Promise<void> {
  const hasApp = distDir !== undefined && existsSync(join(distDir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: distDir,
      cacheControl: false,
      setHeaders: (reply, path) => {
        if (NEVER_CACHED.has(basename(path))) reply.header('cache-control', 'no-cache');
        else if (path.includes(`${join(distDir, 'assets')}`)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        } else reply.header('cache-control', 'public, max-age=3600');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // `/s/…` is the citizen's status page (`public-status.ts`), never the app.
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api') &&
      !path.startsWith('/s/');
    if (hasApp && isPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, clock, new ApiError('not-found', `no route ${request.method} ${path}`));
  });
}
