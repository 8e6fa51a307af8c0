import type { MailMessage } from '../mail/send-mail.js';
import type { Role } from './roles.js';

/**
 * The invitation mail: plain text (nothing to escape), the same for an email with or without a
 * user (the link's page tells them apart), so nothing about other accounts goes into it.
 */
export function invitationMail(input: {
  to: string;
  accountName: string;
  role: Role;
  link: string;
  expires: string;
  inviter: { email: string; name: string } | null;
}): MailMessage {
  const who = input.inviter
    ? `${input.inviter.name || input.inviter.email} (${input.inviter.email})`
    : 'An administrator';
  // Header fields are one line: a line break in an account name must not start a new header.
  const account = input.accountName.replace(/[\r\n]+/g, ' ');
  return {
    to: input.to,
    subject: `You are invited to ${account} on Ghee`,
    text: [
      `${who} invited you to join "${account}" on Ghee as ${input.role}.`,
      '',
      'Open this link to accept (it works once):',
      input.link,
      '',
      `It expires at ${input.expires.replace(/\.\d+Z$/, 'Z').replace('T', ' ')} (UTC). If you did not expect this invitation, ignore this mail.`,
      '',
    ].join('\n'),
  };
}
