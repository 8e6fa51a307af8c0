import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { errors, libraryErrors } from '../../errors/index.js';
import { MediaError } from '../../media/media-error.js';
import { refuseDeclaredOver, uploadPartBody } from '../../media/read-body.js';
import type { UploadPart } from '../../media/upload-media.js';
import { MEDIA_FILES_PER_UPLOAD } from '../../shared/media.js';

/** What a multipart upload may hold besides its files: a little room for part headers. */
const ENVELOPE_BYTES = 1024 * 1024;

/**
 * The files of a multipart/form-data upload as they arrive: each part named `file` (at most
 * MEDIA_FILES_PER_UPLOAD, each refused past `maxBytes`); any other part is refused. Nothing is
 * held whole in memory: each file streams on to the store before the next one is read.
 */
export async function* multipartFiles(request: FastifyRequest, maxBytes: number): AsyncGenerator<UploadPart> {
  refuseDeclaredOver(request.raw, MEDIA_FILES_PER_UPLOAD * maxBytes + ENVELOPE_BYTES);
  const parts = request.parts({
    // One byte over the limit reaches uploadPartBody, which refuses it with the library's text.
    limits: {
      fileSize: maxBytes + 1,
      files: MEDIA_FILES_PER_UPLOAD,
      fields: 10,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: MEDIA_FILES_PER_UPLOAD + 10,
      headerPairs: 100,
    },
  });
  let finished = false;
  try {
    for (;;) {
      const next = await parts.next().catch((error: unknown) => {
        throw parserRefusal(error);
      });
      if (next.done) break;
      const part = next.value;
      if (part.type !== 'file' || part.fieldname !== 'file') throw libraryErrors.unexpectedPart(part.fieldname);
      yield { fileName: part.filename ?? '', chunks: partBytes(part.file, maxBytes) };
    }
    finished = true;
  } finally {
    // Refused part-way: the parser lets go of the request, whose rest the error answer drains.
    if (!finished) request.raw.unpipe();
  }
}

/** A part's bytes, refused past `maxBytes`; a part the parser cannot finish (a broken or cut-off form) is the 400. */
async function* partBytes(file: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  try {
    yield* uploadPartBody(file, maxBytes);
  } catch (error) {
    throw error instanceof MediaError ? error : errors.malformedRequest();
  }
}

/** The multipart parser's refusals, as the library's; a broken body is the 400 nobody reads. */
function parserRefusal(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return libraryErrors.tooManyFiles(MEDIA_FILES_PER_UPLOAD);
  if (code === 'FST_PROTO_VIOLATION') return libraryErrors.unexpectedPart('__proto__');
  if (code === 'FST_REQ_FILE_TOO_LARGE') return errors.bodyTooLarge();
  return errors.malformedRequest();
}

/**
 * A raw upload's refusal as the answer (the error handler drains a body left part-read): over
 * its limit the 413 of every body over its limit, a type Ghee does not store a 400 saying why,
 * a body its client broke off a 400 nobody reads; anything else (a multipart upload's refusals,
 * which name their file; a full disk) as it is.
 */
export function refusedUpload(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof MediaError && error.code === 'too_large') return errors.bodyTooLarge();
  if (error instanceof MediaError && error.code === 'type_not_allowed') return libraryErrors.typeRefused(error.message);
  return request.raw.errored || request.raw.aborted ? errors.malformedRequest() : error;
}
