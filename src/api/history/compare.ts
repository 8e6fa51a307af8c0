import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { compareVersions } from '../../history/versions/compare-versions.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { pathSubject, versionsContext } from './version-path.js';

/** GET <page, item or post>/versions/<a>/compare/<b>/: what changed from version a to version b, field by field. */
export function compareVersionsEndpoint(kind: SubjectKind): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const subject = await pathSubject(call, kind);
      const { versionId, otherId } = call.params;
      return { body: { data: await compareVersions(versionsContext(call), versionId!, otherId!, subject) } };
    },
  };
}
