import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import { cliActor } from '../audit/actor.js';
import { cliMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { sendMail } from '../mail/send-mail.js';
import { invitationMail } from '../users/invitation-mail.js';
import { invitationLink } from '../users/invitation-token.js';
import { inviteMember } from '../users/invite-member.js';
import { listMembers } from '../users/memberships.js';
import { UserInputError } from '../users/user-input-error.js';
import { isRole } from '../users/roles.js';
import { setPassword } from '../users/users.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';
import { createUserAsOperator } from './user-create.js';
import { operatorCommand } from './user-operator.js';

export const USAGE = [
  'ghee user create --email E --role owner|admin|editor|viewer [--account ID] [--name N] [--password-stdin | --password P] [--json]',
  'ghee user invite --email E --role owner|admin|editor|viewer [--account ID] [--name N] [--json]',
  'ghee user list [--account ID] [--json]',
  'ghee user set-password --email E [--password-stdin | --password P] [--json]',
  'ghee user set-operator --email E [--off] [--json]',
].join(' | ');

const FLAGS = {
  email: { type: 'string' },
  role: { type: 'string' },
  account: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  off: { type: 'boolean' },
} as const;

async function processStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `ghee user create|invite|list|set-password`: dashboard users. A password comes from standard
 * input (kept out of the shell history and `ps`), from `--password`, or is generated and printed
 * once. `invite` prints the accept link (and mails it when SMTP_URL is set): the invitee chooses
 * their own password.
 */
export async function userCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(rest, FLAGS, USAGE);
  if (positionals.length || !['create', 'invite', 'list', 'set-password', 'set-operator'].includes(sub ?? ''))
    throw usage(USAGE);
  if (values.off && sub !== 'set-operator') throw usage(USAGE);
  if (sub === 'set-operator') return operatorCommand(values, io, store);
  if (values.password !== undefined && values['password-stdin']) throw usage(USAGE);
  // One trailing newline is what `echo` and heredocs add; it is not part of the password.
  const password = values['password-stdin']
    ? (await (io.stdin ?? processStdin)()).replace(/\r?\n$/, '')
    : values.password;
  try {
    if (sub === 'set-password') {
      if (!values.email || password === undefined) throw usage(USAGE);
      if (!(await setPassword(store.db, values.email, password))) throw new CliError(cliMessages.noUser(values.email));
      io.out(
        values.json
          ? JSON.stringify({ email: values.email.trim().toLowerCase(), sessions_ended: true })
          : 'password changed; the user is signed out everywhere',
      );
      return 0;
    }
    const account = await resolveAccount(
      store.db,
      values.account === undefined ? undefined : integer(values.account, '--account'),
    );
    if (sub === 'list') {
      const members = await listMembers(store.db, account.id);
      if (values.json) io.out(JSON.stringify(members));
      else io.out(members.map((m) => `${m.id}\t${m.email}\t${m.role}\t${m.name}`).join('\n') || 'no users');
      return 0;
    }
    if (!values.email || !isRole(values.role)) throw usage(USAGE);
    if (sub === 'invite') {
      if (password !== undefined) throw usage(USAGE);
      const input = { email: values.email, role: values.role, name: values.name, inviter: null };
      const { invitation, token } = await inviteMember(store.db, account.id, input, cliActor(), new Date());
      const link = invitationLink(io.config.publicUrl, token);
      const message = invitationMail({
        to: invitation.email,
        accountName: account.name,
        role: invitation.role,
        link,
        expires: invitation.expires,
        inviter: null,
      });
      const mail = await sendMail(io.config, message, (error) =>
        io.err(`the invitation mail was not sent: ${error instanceof Error ? error.message : String(error)}`),
      );
      const shown = {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        account: account.id,
        expires: invitation.expires,
        link,
        mail,
      };
      if (values.json) io.out(JSON.stringify(shown));
      else
        io.out(
          [
            `invited ${shown.email} as ${shown.role} of account ${account.id} (expires ${shown.expires})`,
            `link: ${link}`,
            `mail: ${mail}`,
          ].join('\n'),
        );
      return 0;
    }
    const added = await createUserAsOperator(
      store.db,
      account.id,
      {
        email: values.email,
        role: values.role,
        name: values.name,
        password,
      },
      cliActor(),
    );
    const shown = {
      ...added.member,
      account: account.id,
      ...(added.password !== undefined && { password: added.password }),
    };
    if (values.json) io.out(JSON.stringify(shown));
    else
      io.out(
        [
          `user ${shown.id} ${shown.email} is ${shown.role} of account ${account.id}`,
          ...(added.password ? [`password: ${added.password}`] : []),
        ].join('\n'),
      );
    return 0;
  } catch (error) {
    if (error instanceof UserInputError || error instanceof AccountInputError) throw new CliError(error.message);
    throw error;
  }
}
