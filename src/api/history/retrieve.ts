import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { readVersion } from '../../history/versions/read-version.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { pathSubject, versionsContext } from './version-path.js';

/** GET <page, item or post>/versions/<id>/: one of its versions with its fields. */
export function retrieveVersionEndpoint(kind: SubjectKind): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const subject = await pathSubject(call, kind);
      return { body: { data: await readVersion(versionsContext(call), call.params.versionId!, subject) } };
    },
  };
}
