/**
 * The one error envelope of the API, `{ error: { code, message, details? }, serverTime }`, and
 * the one place that turns failures into it. Statuses come from `httpStatusFor` in the domain's
 * error registry, so a code means the same status everywhere.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
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
