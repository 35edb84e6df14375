/**
 * Sync answers compressed here rather than by the server-wide plugin, at a quality chosen for
 * their size: Brotli, which every browser accepts for responses, and gzip for clients that take
 * only that. A body sent whole also goes with its length, not in chunks.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, compression's own header costs about what it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * The quality for a sync answer of this many bytes. A pull page a village device fetches over
 * 2G after a day offline is tens of kilobytes: quality 10 makes it about a tenth smaller than
 * quality 5, for about 10 ms of a thread-pool thread, not of the main thread. Bigger pages (a
 * district catching up) would take that many times longer, and take quality 5.
 */
export function brotliQualityFor(bytes: number): number {
  return bytes <= 64 * 1024 ? 10 : 5;
}

export async function sendCompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  text: string,
  quality: number,
): Promise<FastifyReply> {
  const body = Buffer.from(text);
  reply.header('content-type', 'application/json; charset=utf-8');
  if (body.length < COMPRESS_FROM_BYTES) return reply.send(body);
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepted)) {
    reply.header('content-encoding', 'br');
    return reply.send(
      await brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  }
  if (/\bgzip\b/.test(accepted)) {
    reply.header('content-encoding', 'gzip');
    return reply.send(await gzipAsync(body));
  }
  return reply.send(body);
}
