import { parseArgs } from 'node:util';
import { issueToken } from '../accounts/manage-tokens.js';
import { listTokens, revokeToken } from '../accounts/tokens.js';
import { cliActor } from '../audit/actor.js';
import { cliMessages } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { accountOption } from './account-option.js';
import { CliError, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee token create [--account ID] --kind read|write [--label L] [--json] | ghee token list [--account ID] [--json] | ghee token revoke TOKEN_OR_ID';

/** `ghee token create|list|revoke` */
export async function tokenCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        account: { type: 'string' },
        kind: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: sub === 'revoke',
      strict: true,
    });
  } catch (error) {
    throw usage(`${USAGE}\n${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (sub === 'revoke') {
    if (positionals.length !== 1) throw usage(USAGE);
    const revoked = await revokeToken(store.db, positionals[0]!, cliActor());
    if (!revoked) throw new CliError(cliMessages.noToken);
    io.out(
      values.json
        ? JSON.stringify(revoked)
        : `revoked ${revoked.kind} token ${revoked.id} (${revoked.prefix}…${revoked.last4})`,
    );
    return 0;
  }
  if (sub !== 'create' && sub !== 'list') throw usage(USAGE);
  const account = await accountOption(store, values.account);
  if (sub === 'list') {
    const tokens = await listTokens(store.db, account.id);
    if (values.json) io.out(JSON.stringify(tokens));
    else
      io.out(
        tokens
          .map((t) => `${t.id}\t${t.kind}\t${t.prefix}…${t.last4}\t${t.created}${t.revoked ? '\trevoked' : ''}`)
          .join('\n'),
      );
    return 0;
  }
  if (values.kind !== 'read' && values.kind !== 'write') throw usage(USAGE);
  const created = await issueToken(store.db, account.id, values.kind, values.label ?? '', cliActor());
  io.out(values.json ? JSON.stringify({ id: created.id, kind: values.kind, token: created.token }) : created.token);
  return 0;
}
