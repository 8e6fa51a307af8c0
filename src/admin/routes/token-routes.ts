import type { FastifyInstance } from 'fastify';
import {
  createAccountToken,
  PlanFeatureError,
  revokeAccountToken,
  rotateAccountToken,
} from '../../accounts/manage-tokens.js';
import { listTokens } from '../../accounts/tokens.js';
import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { adminErrors, adminMessages, messages } from '../../errors/index.js';
import { adminRoutes } from '../admin-routes.js';
import { pathId } from '../path-id.js';
import { sessionActor } from '../session-actor.js';

const BASE = '/admin/api/accounts/:accountId/tokens';
/** A token's label, in characters. */
const LABEL_MAX = 200;

/** The plan gate: the reference's 403 for a write token on a plan without the write API. */
async function gated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlanFeatureError) throw adminErrors.forbidden();
    throw error;
  }
}

/** Settings > API Tokens (admin): list (masked), create, rotate, revoke. */
export function registerTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'admin',
      handle: async ({ account }) => ({ body: { data: await listTokens(ctx.store.db, account.id) } }),
    },
    POST: {
      access: 'admin',
      async handle(call) {
        const { request, account } = call;
        const body = bodyObject(request.body, ['kind', 'label']);
        const kind = optionalString(body, 'kind');
        if (kind !== 'read' && kind !== 'write') throw adminErrors.field('kind', adminMessages.tokenKind);
        const label = optionalString(body, 'label') ?? '';
        if ([...label].length > LABEL_MAX) throw adminErrors.field('label', messages.maxLength(LABEL_MAX));
        const actor = sessionActor(call);
        const issued = await gated(() => createAccountToken(ctx.store.db, account, kind, label, actor, ctx.clock()));
        return { status: 201, body: { data: issued } };
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:tokenId/rotate`, {
    POST: {
      access: 'admin',
      async handle(call) {
        const { account, params } = call;
        const issued = await gated(() =>
          rotateAccountToken(ctx.store.db, account, pathId(params.tokenId), sessionActor(call), ctx.clock()),
        );
        if (!issued) throw adminErrors.notFound();
        return { status: 201, body: { data: issued } };
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:tokenId`, {
    DELETE: {
      access: 'admin',
      async handle(call) {
        const { account, params } = call;
        const tokenId = pathId(params.tokenId);
        const revoked = await revokeAccountToken(ctx.store.db, account.id, tokenId, sessionActor(call), ctx.clock());
        if (!revoked) throw adminErrors.notFound();
        return { body: { data: revoked } };
      },
    },
  });
}
