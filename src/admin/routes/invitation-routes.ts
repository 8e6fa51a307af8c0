import type { FastifyInstance } from 'fastify';
import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { acceptInvitation } from '../../users/accept-invitation.js';
import { deleteInvitation, findInvitation, listInvitations, viewInvitation } from '../../users/invitations.js';
import { membershipsOf } from '../../users/memberships.js';
import { mayManage } from '../../users/roles.js';
import { adminErrors } from '../../errors/index.js';
import { adminRoutes } from '../admin-routes.js';
import { checkCsrfToken } from '../csrf.js';
import { pathId } from '../path-id.js';
import { sessionActor } from '../session-actor.js';
import { setCsrfCookie, setSessionCookie } from '../session-cookie.js';
import { asUserAnswer } from '../user-errors.js';
import { inviteEndpoint } from './invite-endpoint.js';

const BASE = '/admin/api/accounts/:accountId/invitations';

/**
 * Invitations: an account's pending ones (admin: list, invite, revoke), and the public pair behind
 * the link (read it, accept it). The token is in the path, so request logs redact it (http/app.ts).
 */
export function registerInvitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'admin',
      handle: async ({ account }) => ({ body: { data: await listInvitations(ctx.store.db, account.id, ctx.clock()) } }),
    },
    POST: inviteEndpoint(ctx),
  });

  adminRoutes(app, ctx, `${BASE}/:invitationId`, {
    DELETE: {
      access: 'admin',
      async handle(call) {
        const { account, params, role } = call;
        const id = pathId(params.invitationId);
        const invitation = await findInvitation(ctx.store.db, account.id, id, ctx.clock());
        if (!invitation) throw adminErrors.notFound();
        // Revoking is changing: nobody revokes an invitation to a role above their own.
        if (!mayManage(role, invitation.role, null)) throw adminErrors.forbidden();
        if (!(await deleteInvitation(ctx.store.db, account.id, id, sessionActor(call)))) throw adminErrors.notFound();
        return null;
      },
    },
  });

  adminRoutes(app, ctx, '/admin/api/invitations/:token', {
    GET: {
      access: 'public',
      async handle({ params }) {
        const view = await viewInvitation(ctx.store.db, params.token ?? '', ctx.clock());
        if (!view) throw adminErrors.invitationGone();
        return { body: { data: view } };
      },
    },
  });

  adminRoutes(app, ctx, '/admin/api/invitations/:token/accept', {
    POST: {
      access: 'public',
      async handle({ request, reply, params, session }) {
        // Signed in, only the session's CSRF token counts, as on every signed-in call.
        if (session) checkCsrfToken(request, [session.csrfToken]);
        const body = bodyObject(request.body, ['password', 'name']);
        const input = {
          signedIn: session && { userId: session.userId, email: session.email },
          password: optionalString(body, 'password'),
          name: optionalString(body, 'name'),
          origin: request,
        };
        const accepted = await asUserAnswer(() =>
          acceptInvitation(ctx.store.db, params.token ?? '', input, ctx.clock()),
        );
        if (accepted.session) {
          setSessionCookie(reply, accepted.session.token, ctx.config.publicUrl);
          setCsrfCookie(reply, null, ctx.config.publicUrl);
        }
        const { id, email, name } = accepted.user;
        return {
          body: {
            data: {
              user: { id, email, name },
              memberships: await membershipsOf(ctx.store.db, id),
              csrf_token: accepted.session?.csrfToken ?? session!.csrfToken,
              account_id: accepted.accountId,
            },
          },
        };
      },
    },
  });
}
