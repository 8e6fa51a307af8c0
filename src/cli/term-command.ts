import { deleteTerm } from '../blog/terms/delete-term.js';
import type { TermKind } from '../blog/terms/term-store.js';
import { listTermUsage } from '../blog/terms/term-usage.js';
import { cliMessages, GheeError } from '../errors/index.js';
import type { Store } from '../store/database.js';
import { accountOption } from './account-option.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

const NOUN = { categories: 'category', tags: 'tag' } as const;

/** The usage of `ghee category` or `ghee tag`. */
export function termUsage(kind: TermKind): string {
  const noun = NOUN[kind];
  return `ghee ${noun} list [--account ID] [--json] | ghee ${noun} delete SLUG [--account ID] [--json]`;
}

/**
 * `ghee category|tag list|delete`: the blog's categories or tags with how many posts use each,
 * and deleting an unused one (posts create them by name; deleting a post keeps them).
 */
export function termCommand(kind: TermKind) {
  const line = termUsage(kind);
  return async (args: string[], io: CliIo, store: Store): Promise<number> => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseFlags(rest, { account: { type: 'string' }, json: { type: 'boolean' } }, line);
    if (!(sub === 'list' && positionals.length === 0) && !(sub === 'delete' && positionals.length === 1))
      throw usage(line);
    const account = await accountOption(store, values.account);
    if (sub === 'list') {
      const terms = await listTermUsage(store.db, kind, account.id);
      if (values.json) io.out(JSON.stringify(terms));
      else
        io.out(
          terms.map((t) => `${t.slug}\t${t.name}\t${t.posts} ${t.posts === 1 ? 'post' : 'posts'}`).join('\n') ||
            `no ${kind}`,
        );
      return 0;
    }
    const slug = positionals[0]!;
    try {
      const gone = await deleteTerm(store, kind, account.id, slug);
      io.out(
        values.json
          ? JSON.stringify({ ...gone, deleted: true })
          : `${NOUN[kind]} ${gone.slug} ("${gone.name}") deleted from account ${account.id}`,
      );
      return 0;
    } catch (error) {
      if (error instanceof GheeError && error.code === 'not_found')
        throw new CliError(cliMessages.noTerm(account.id, NOUN[kind], slug));
      if (error instanceof GheeError) throw new CliError(error.message);
      throw error;
    }
  };
}
