import { errors } from '../../errors/index.js';
import { MEDIA_NAME } from '../../media/media-types.js';

/** The base path of an account's media library. */
export const MEDIA_BASE = '/admin/api/accounts/:accountId/media';

/** The `:name` of a library path, `<sha256>.<ext>`; anything else names no file (404). */
export function mediaName(params: Record<string, string>): string {
  const name = params.name ?? '';
  if (!MEDIA_NAME.test(name)) throw errors.notFound();
  return name;
}
