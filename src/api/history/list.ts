import { enabledLocale } from '../../content/enabled-locale.js';
import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { listVersions } from '../../history/versions/list-versions.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { listMeta, parsePagination } from '../params.js';
import { pathSubject } from './version-path.js';

/** GET <page, item or post>/versions/: its versions in `?locale=` (posts: none), newest first, paginated. */
export function listVersionsEndpoint(kind: SubjectKind): Endpoint {
  return {
    auth: 'write',
    async handle(call: ApiCall) {
      const pagination = parsePagination(call.query);
      const locale = kind === 'post' ? null : enabledLocale(call.schema, call.query.locale);
      const subject = await pathSubject(call, kind);
      const { versions, count } = await listVersions(call.ctx.store.db, subject, locale, pagination);
      return { body: { meta: listMeta(pagination, count), data: versions } };
    },
  };
}
