import type { FastifyInstance } from 'fastify';
import { bodyObject, optionalStatus } from '../../api/write/body.js';
import { enabledLocale } from '../../content/enabled-locale.js';
import type { AppContext } from '../../http/context.js';
import { compareVersions } from '../../history/versions/compare-versions.js';
import { listVersions } from '../../history/versions/list-versions.js';
import { readVersion } from '../../history/versions/read-version.js';
import { restoreVersion } from '../../history/versions/restore-version.js';
import { itemSubject, pageSubject, postSubject, type VersionSubject } from '../../history/versions/version-subject.js';
import type { VersionsContext } from '../../history/versions/versions-context.js';
import type { SubjectKind } from '../../store/history-tables.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';
import { sessionActor } from '../session-actor.js';

// The dashboard's version history (docs/admin-api.md, "Versions"): the same operations and
// answers as /v2 (src/api/history/), viewers read, editors restore.

const BASE = '/admin/api/accounts/:accountId';

/** Where each kind's versions live. */
const BASES: Record<SubjectKind, string> = {
  page: `${BASE}/pages/:type/:slug/versions`,
  item: `${BASE}/items/:key/:id/versions`,
  post: `${BASE}/posts/:slug/versions`,
};

/** The page, item or post of the path, or its read's 404. */
async function subjectOf(call: AccountCall, kind: SubjectKind): Promise<VersionSubject> {
  const { ctx, params } = call;
  if (kind === 'post') return postSubject(ctx.store.db, call.account.id, params.slug!);
  const schema = await call.schema();
  if (kind === 'page') return pageSubject(ctx.store.db, schema, params.type!, params.slug!);
  return itemSubject(ctx.store.db, schema, params.key!, params.id);
}

async function versionsContext(call: AccountCall): Promise<VersionsContext> {
  return { db: call.ctx.store.db, schema: await call.schema(), urls: call.ctx.config };
}

/** Lists, reads, compares and restores the versions of pages, items and posts. */
export function registerHistoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [kind, base] of Object.entries(BASES) as [SubjectKind, string][]) {
    adminRoutes(app, ctx, base, {
      GET: {
        access: 'viewer',
        async handle(call) {
          const pagination = parsePagination(call.query);
          const locale = kind === 'post' ? null : enabledLocale(await call.schema(), call.query.locale);
          const { versions, count } = await listVersions(ctx.store.db, await subjectOf(call, kind), locale, pagination);
          return { body: { meta: listMeta(pagination, count), data: versions } };
        },
      },
    });

    adminRoutes(app, ctx, `${base}/:versionId`, {
      GET: {
        access: 'viewer',
        async handle(call) {
          const subject = await subjectOf(call, kind);
          return { body: { data: await readVersion(await versionsContext(call), call.params.versionId!, subject) } };
        },
      },
    });

    adminRoutes(app, ctx, `${base}/:versionId/compare/:otherId`, {
      GET: {
        access: 'viewer',
        async handle(call) {
          const subject = await subjectOf(call, kind);
          const { versionId, otherId } = call.params;
          return { body: { data: await compareVersions(await versionsContext(call), versionId!, otherId!, subject) } };
        },
      },
    });

    adminRoutes(app, ctx, `${base}/:versionId/restore`, {
      POST: {
        access: 'editor',
        async handle(call) {
          const status = optionalStatus(bodyObject(call.request.body, ['status'])) ?? 'draft';
          const subject = await subjectOf(call, kind);
          const { leftOut } = await restoreVersion(
            { ...(await versionsContext(call)), actor: sessionActor(call), now: ctx.clock() },
            call.params.versionId!,
            status,
            subject,
          );
          return { status: 202, body: { status: 'pending', left_out: leftOut } };
        },
      },
    });
  }
}
