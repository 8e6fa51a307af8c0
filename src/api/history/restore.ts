import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { restoreVersion } from '../../history/versions/restore-version.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { callerActor } from '../write/caller-actor.js';
import { ACCEPTED } from '../write/accepted.js';
import { bodyObject, optionalStatus } from '../write/body.js';
import { pathSubject, versionsContext } from './version-path.js';

/**
 * POST <page, item or post>/versions/<id>/restore/ `{"status": "draft" | "published"}` (default
 * draft): writes the version back; 202 with the fields it left out.
 */
export function restoreVersionEndpoint(kind: SubjectKind): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const status = optionalStatus(bodyObject(call.request.body, ['status'])) ?? 'draft';
      const subject = await pathSubject(call, kind);
      const { leftOut } = await restoreVersion(
        { ...versionsContext(call), actor: callerActor(call), now: call.ctx.clock() },
        call.params.versionId!,
        status,
        subject,
      );
      return { status: ACCEPTED.status, body: { ...ACCEPTED.body, left_out: leftOut } };
    },
  };
}
