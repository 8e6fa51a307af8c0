import type { FastifyInstance } from 'fastify';
import { bodyObject } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { listMembers, roleIn, updateMembership } from '../../users/memberships.js';
import { mayManage, type Role } from '../../users/roles.js';
import { adminErrors } from '../../errors/index.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { pathId } from '../path-id.js';
import { sessionActor } from '../session-actor.js';
import { asUserAnswer } from '../user-errors.js';
import { inviteEndpoint, roleOf } from './invite-endpoint.js';

const BASE = '/admin/api/accounts/:accountId/users';

/** The member of a path, after the checks that the caller may act on them. */
async function target(call: AccountCall, role: Role | null): Promise<number> {
  const userId = pathId(call.params.userId);
  const current = await roleIn(call.ctx.store.db, userId, call.account.id);
  if (!current) throw adminErrors.notFound();
  if (!mayManage(call.role, current, role)) throw adminErrors.forbidden();
  return userId;
}

/**
 * Settings > Users (admin): members and their roles. New members come only by invitation
 * (POST here invites, as POST .../invitations does): nobody sets another person's password.
 */
export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'admin',
      handle: async ({ account }) => ({ body: { data: await listMembers(ctx.store.db, account.id) } }),
    },
    POST: inviteEndpoint(ctx),
  });

  adminRoutes(app, ctx, `${BASE}/:userId`, {
    PUT: {
      access: 'admin',
      async handle(call) {
        const role = roleOf(bodyObject(call.request.body, ['role']));
        const userId = await target(call, role);
        await asUserAnswer(() => updateMembership(ctx.store.db, userId, call.account.id, role, sessionActor(call)));
        const member = (await listMembers(ctx.store.db, call.account.id)).find((m) => m.id === userId);
        return { body: { data: member } };
      },
    },
    DELETE: {
      access: 'admin',
      async handle(call) {
        const userId = await target(call, null);
        await asUserAnswer(() => updateMembership(ctx.store.db, userId, call.account.id, null, sessionActor(call)));
        return null;
      },
    },
  });
}
