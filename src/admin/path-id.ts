import { positiveId } from '../params/positive-id.js';
import { adminErrors } from '../errors/index.js';

/** The id of an admin path (a token, webhook, invitation, user), or the 404 when it is not one. */
export function pathId(raw: string | undefined): number {
  const id = positiveId(raw);
  if (id === null) throw adminErrors.notFound();
  return id;
}
