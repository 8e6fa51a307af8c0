import type { IncomingHttpHeaders } from 'node:http';

/** `type/subtype` with optional parameters, as Fastify reads a Content-Type (RFC 9110 tokens). */
const MEDIA_TYPE = /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(?:;.*)?$/s;

/**
 * Drops a Content-Type header that is not a media type (`json`, `application json`, empty), so
 * that the body is read as JSON like any other (docs/api.md: bodies are JSON whatever
 * Content-Type says). Fastify would refuse it with a 415 before any parser ran.
 */
export function dropMalformedContentType(headers: IncomingHttpHeaders): void {
  const value = headers['content-type'];
  if (value !== undefined && !MEDIA_TYPE.test(value)) delete headers['content-type'];
}
