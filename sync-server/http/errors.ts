/**
 * The one error envelope of the API, `{ error: { code, message, details? }, serverTime }`, and
 * the one place that turns failures into it. Statuses come from `httpStatusFor` in the domain's
 * error registry, so a code means the same status everywhere.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, httpStatusFor, type Problem } from '../../src/domain/errors';
import type { ErrorEnvelope } from '../../src/domain/sync/protocol';
import type { Clock } from '../clock';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Problem['details'],
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, clock: Clock, error: ApiError): FastifyReply {
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
    serverTime: clock.now().toISOString(),
  };
  return reply.code(httpStatusFor(error.code)).send(body);
}

/** Fastify's own failures (body parser, limits, routing) in our codes; anything else is ours. */
function toApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('body-too-large', 'request body is larger than 1 MiB');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new ApiError('body-invalid', error.message);
    // Request decompression (@fastify/compress): a device gzips large pushes, nothing else.
    case 'FST_CP_ERR_INVALID_CONTENT':
      return new ApiError('body-invalid', 'request body is not valid gzip');
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return new ApiError('body-invalid', 'only gzip request bodies are accepted');
    default:
      break;
  }
  // A status below 500 set by fastify or a plugin is a problem with the request; treat it as a
  // malformed body rather than let it turn into a server error.
  if (error.statusCode === 413) return new ApiError('body-too-large', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError('body-invalid', error.message);
  }
  if (error instanceof SyntaxError) return new ApiError('body-invalid', error.message);
  return new ApiError('server-error', 'internal error');
}

export function installErrorHandler(app: FastifyInstance, clock: Clock): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.code === 'server-error') request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, clock, apiError);
  });
}

/**
 * Fastify's own early refusals, before a route is chosen: a path that is not valid
 * percent-encoding matches no route, so it is a 404 in the envelope like any unknown path.
 */
export function handleFrameworkError(clock: Clock) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    const apiError =
      error.code === 'FST_ERR_BAD_URL'
        ? new ApiError('not-found', 'the path is not a valid URL')
        : toApiError(error);
    sendError(reply, clock, apiError);
  };
}

/**
 * Requests Node's HTTP parser refuses (a broken request line or header, headers over its limit)
 * never reach Fastify. They get the envelope too, and the connection closes, since the rest of
 * the stream cannot be trusted. A request that timed out half-sent gets no answer: its sender
 * has gone quiet, and a device retries a dropped request anyway.
 */
export function handleClientError(clock: Clock) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
      socket.destroy();
      return;
    }
    const body: ErrorEnvelope = {
      error: {
        code: 'body-invalid',
        message:
          error.code === 'HPE_HEADER_OVERFLOW'
            ? 'request headers are too large'
            : 'malformed HTTP request',
      },
      serverTime: clock.now().toISOString(),
    };
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${httpStatusFor('body-invalid')} Bad Request\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  };
}
