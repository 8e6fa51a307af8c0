import { purgeTrash } from '../../history/trash/purge-trash.js';
import { trashRef } from '../../history/trash/trash-params.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { callerActor } from '../write/caller-actor.js';

/** DELETE /v2/trash/<kind>/<trash_id>/: 204, purged for good with its history. */
export const purgeTrashEndpoint: Endpoint = {
  auth: 'write',
  async handle(call: ApiCall) {
    const ref = trashRef(call.params.kind, call.params.trashId);
    await purgeTrash(call.ctx.store.db, call.caller.accountId, ref, callerActor(call), call.ctx.clock());
    return null;
  },
};
