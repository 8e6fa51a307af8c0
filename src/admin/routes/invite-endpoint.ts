import { bodyObject, optionalString } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { sendMail } from '../../mail/send-mail.js';
import { invitationMail } from '../../users/invitation-mail.js';
import { invitationLink } from '../../users/invitation-token.js';
import { inviteMember } from '../../users/invite-member.js';
import { isRole, type Role } from '../../users/roles.js';
import { adminErrors, messages, userMessages } from '../../errors/index.js';
import type { AccountEndpoint } from '../admin-routes.js';
import { sessionActor } from '../session-actor.js';
import { asUserAnswer } from '../user-errors.js';

/** The `role` of a body, or its field error. */
export function roleOf(body: Record<string, unknown>): Role {
  const role = optionalString(body, 'role');
  if (!isRole(role)) throw adminErrors.field('role', userMessages.roleChoice);
  return role;
}

/**
 * POST .../users and .../invitations (admin): invites an email. The answer is the same whether or
 * not the email has a user anywhere on the install; it holds the accept link, this once, and what
 * became of the mail. A mail that fails still leaves the invitation and its link.
 */
export function inviteEndpoint(ctx: AppContext): AccountEndpoint {
  return {
    access: 'admin',
    async handle(call) {
      const body = bodyObject(call.request.body, ['email', 'role', 'name']);
      const email = optionalString(body, 'email') ?? '';
      if (!email.trim()) throw adminErrors.field('email', messages.required);
      const role = roleOf(body);
      const input = {
        email,
        role,
        name: optionalString(body, 'name'),
        inviter: { userId: call.session.userId, role: call.role },
      };
      const { invitation, token } = await asUserAnswer(() =>
        inviteMember(ctx.store.db, call.account.id, input, sessionActor(call), ctx.clock()),
      );
      const link = invitationLink(ctx.config.publicUrl, token);
      const message = invitationMail({
        to: invitation.email,
        accountName: call.account.name,
        role,
        link,
        expires: invitation.expires,
        inviter: invitation.invited_by,
      });
      const mail = await sendMail(ctx.config, message, (error) => {
        // The error's own text (a refused address, a timeout), never the message: it holds the link.
        call.request.log.warn(
          { invitation: invitation.id, reason: error instanceof Error ? error.message : String(error) },
          'invitation mail not sent',
        );
      });
      return { status: 201, body: { data: { ...invitation, link, mail } } };
    },
  };
}
