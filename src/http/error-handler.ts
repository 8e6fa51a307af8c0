import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { isV2 } from './cors.js';
import { errors } from './errors.js';
import { sendJson } from './send.js';
import { sendWhileDraining } from './drain-body.js';
import { DatabaseUnavailableError } from '../store/database-unavailable.js';
import { StorageFullError } from '../store/storage-full.js';

/** Fastify's own client errors, mapped to the contract's texts. */
function fromFramework(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.jsonParse();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge();
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return errors.malformedUrl();
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return errors.jsonParse();
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(error.statusCode, 'bad_request', 'Bad request');
  }
  return null;
}

/**
 * The store's refusals (docs/operations.md): nothing the client did wrong, and nothing was saved.
 * Logged here, as the request's, so an outage shows in the log without stack traces per request.
 */
function fromStore(error: Error, request: FastifyRequest): ApiError | null {
  if (error instanceof DatabaseUnavailableError) {
    request.log.warn({ reason: error.reason, cause: String(error.cause) }, 'database unavailable');
    return errors.databaseUnavailable();
  }
  if (error instanceof StorageFullError) {
    request.log.error({ where: error.where, cause: String(error.cause) }, 'out of storage space');
    return errors.storageFull();
  }
  return null;
}

/**
 * The one place errors become responses. Anything that is not a known client error is the
 * generic 500; its cause goes to the log under the request id, never to the client.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Router errors (bad URL encoding) skip the onRequest hook, yet every answer carries these.
  reply.header('x-request-id', request.id);
  if (isV2(request.url)) reply.header('access-control-allow-origin', '*');
  const known = error instanceof ApiError ? error : (fromStore(error, request) ?? fromFramework(error as FastifyError));
  if (known) {
    for (const [name, value] of Object.entries(known.headers)) reply.header(name, value);
    // Refused before its body was read, or part-way through it (a media upload streamed to disk):
    // the client must still be able to read the answer.
    const partRead = request.raw.readableDidRead && !request.raw.readableEnded;
    if (known.status === 413 || partRead) return sendWhileDraining(request, reply, known.status, { detail: known.detail });
    return sendJson(reply, known.status, { detail: known.detail });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendJson(reply, 500, { detail: errors.internal().detail });
}
