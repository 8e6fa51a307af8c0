import { restoreFromTrash } from '../../history/trash/restore-trash.js';
import { trashRef } from '../../history/trash/trash-params.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject } from '../write/body.js';
import { callerActor } from '../write/caller-actor.js';

/** POST /v2/trash/<kind>/<trash_id>/restore/: 202; 409 when its slug was taken meanwhile. */
export const restoreTrashEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const ref = trashRef(call.params.kind, call.params.trashId);
    bodyObject(call.request.body, []);
    await restoreFromTrash(
      { db: call.ctx.store.db, schema: call.schema, actor: callerActor(call) },
      ref,
      call.ctx.clock(),
    );
    return ACCEPTED;
  },
};
