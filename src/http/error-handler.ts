import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errors, GheeError } from '../errors/index.js';
import { isAdminApi } from './admin-paths.js';
import { isV2 } from './cors.js';
import { errorHeaders } from './error-headers.js';
import { STATUS_OF } from './error-status.js';
import { sendJson } from './send.js';
import { sendWhileDraining } from './drain-body.js';
import { MediaStoreUnavailableError } from '../media/media-store-unavailable.js';
import { DatabaseUnavailableError } from '../store/database-unavailable.js';
import { StorageFullError } from '../store/storage-full.js';

/** A known error and the status it answers with. */
interface Refusal {
  error: GheeError;
  status: number;
}

const refusal = (error: GheeError): Refusal => ({ error, status: STATUS_OF[error.code] });

/** Fastify's own client errors, mapped to the contract's texts. */
function fromFramework(error: FastifyError): Refusal | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refusal(errors.jsonParse());
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal(errors.bodyTooLarge());
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return refusal(errors.malformedUrl());
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return refusal(errors.jsonParse());
  // Any other client error keeps the framework's status (415 for an unknown body type, ...).
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { error: errors.badRequest(), status: error.statusCode };
  }
  return null;
}

/**
 * The store's refusals (docs/operations.md): nothing the client did wrong, and nothing was saved.
 * Logged here, as the request's, so an outage shows in the log without stack traces per request.
 */
function fromStore(error: Error, request: FastifyRequest): Refusal | null {
  if (error instanceof DatabaseUnavailableError) {
    request.log.warn({ reason: error.reason, cause: String(error.cause) }, 'database unavailable');
    return refusal(errors.databaseUnavailable());
  }
  if (error instanceof MediaStoreUnavailableError) {
    request.log.warn(
      { failure: error.failure, where: error.where, cause: String(error.cause) },
      'media store unavailable',
    );
    return refusal(errors.mediaStoreUnavailable());
  }
  if (error instanceof StorageFullError) {
    request.log.error({ where: error.where, cause: String(error.cause) }, 'out of storage space');
    return refusal(errors.storageFull());
  }
  return null;
}

/**
 * The answer's body: `{"detail": ...}` as ButterCMS words it; the admin API adds the `code` its
 * dashboard decides on (docs/admin-api.md), /v2 stays wire-exact.
 */
function errorBody(error: GheeError, url: string): { detail: GheeError['detail']; code?: string } {
  return isAdminApi(url) ? { detail: error.detail, code: error.code } : { detail: error.detail };
}

/**
 * The one place errors become responses: a GheeError's code chooses the status (error-status.ts),
 * its hints the headers. Anything that is not a known error is the generic 500; its cause goes to
 * the log under the request id, never to the client.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Router errors (bad URL encoding) skip the onRequest hook, yet every answer carries these.
  reply.header('x-request-id', request.id);
  if (isV2(request.url)) reply.header('access-control-allow-origin', '*');
  const known =
    error instanceof GheeError ? refusal(error) : (fromStore(error, request) ?? fromFramework(error as FastifyError));
  if (!known) request.log.error({ err: error }, 'unexpected error');
  const { error: answer, status } = known ?? refusal(errors.internal());
  reply.headers(errorHeaders(answer.hints));
  const body = errorBody(answer, request.url);
  // Refused before its body was read, or part-way through it (a media upload streamed to disk):
  // the client must still be able to read the answer.
  const partRead = request.raw.readableDidRead && !request.raw.readableEnded;
  if (known && (status === 413 || partRead)) return sendWhileDraining(request, reply, status, body);
  return sendJson(reply, status, body);
}
