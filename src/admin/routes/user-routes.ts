import type { FastifyInstance } from 'fastify';
import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { addMember } from '../../users/add-member.js';
import { listMembers, roleIn, updateMembership } from '../../users/memberships.js';
import { UserInputError } from '../../users/user-input-error.js';
import { isRole, mayManage, type Role } from '../../users/roles.js';
import { adminErrors } from '../admin-errors.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';

const BASE = '/admin/api/accounts/:accountId/users';

/** A refused user input becomes the field error the dashboard's form shows. */
async function asFieldError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw adminErrors.field(error.field, error.message);
    throw error;
  }
}

function roleOf(body: Record<string, unknown>): Role {
  const role = optionalString(body, 'role');
  if (!isRole(role)) throw adminErrors.field('role', 'Choose one of owner, admin, editor, viewer.');
  return role;
}

/** The member of a path, after the checks that the caller may act on them. */
async function target(call: AccountCall, role: Role | null): Promise<number> {
  const raw = call.params.userId ?? '';
  const userId = /^[1-9]\d{0,9}$/.test(raw) && Number(raw) < 2 ** 31 ? Number(raw) : null;
  const current = userId === null ? undefined : await roleIn(call.ctx.store.db, userId, call.account.id);
  if (!current) throw adminErrors.notFound();
  if (!mayManage(call.role, current, role)) throw adminErrors.forbidden();
  return userId!;
}

/** Settings > Users (admin): members and their roles. */
export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'admin',
      handle: async ({ account }) => ({ body: { data: await listMembers(ctx.store.db, account.id) } }),
    },
    POST: {
      access: 'admin',
      async handle(call) {
        const body = bodyObject(call.request.body, ['email', 'role', 'name', 'password']);
        const role = roleOf(body);
        if (!mayManage(call.role, null, role)) throw adminErrors.forbidden();
        const input = { email: optionalString(body, 'email') ?? '', role, name: optionalString(body, 'name'), password: optionalString(body, 'password') };
        const added = await asFieldError(() => addMember(ctx.store.db, call.account.id, input, ctx.clock()));
        return { status: 201, body: { data: { ...added.member, ...(added.password !== undefined && { password: added.password }) } } };
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:userId`, {
    PUT: {
      access: 'admin',
      async handle(call) {
        const role = roleOf(bodyObject(call.request.body, ['role']));
        const userId = await target(call, role);
        await asFieldError(() => updateMembership(ctx.store.db, userId, call.account.id, role));
        const member = (await listMembers(ctx.store.db, call.account.id)).find((m) => m.id === userId);
        return { body: { data: member } };
      },
    },
    DELETE: {
      access: 'admin',
      async handle(call) {
        const userId = await target(call, null);
        await asFieldError(() => updateMembership(ctx.store.db, userId, call.account.id, null));
        return null;
      },
    },
  });
}
