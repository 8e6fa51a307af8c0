import { AccountInputError, resolveAccount } from '../accounts/accounts.js';
import { authorObject } from '../blog/authors/author-object.js';
import { listAuthors } from '../blog/authors/author-store.js';
import { AuthorInputError, createAuthor } from '../blog/authors/create-author.js';
import type { Store } from '../store/database.js';
import { integer } from './account-command.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE =
  'ghee author create [--account ID] --first-name F --last-name L --email E [--slug S] [--json] | ghee author list [--account ID] [--json]';

/** `ghee author create|list`: the blog's authors (the account's owner is the default one). */
export async function authorCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'list') throw usage(USAGE);
  const { values, positionals } = parseFlags(
    rest,
    {
      account: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      email: { type: 'string' },
      slug: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw usage(USAGE);
  try {
    const account = await resolveAccount(
      store.db,
      values.account === undefined ? undefined : integer(values.account, '--account'),
    );
    if (sub === 'list') {
      const authors = (await listAuthors(store.db, account.id)).map(authorObject);
      io.out(
        values.json
          ? JSON.stringify(authors)
          : authors.map((a) => `${a.slug}\t${a.first_name} ${a.last_name}\t${a.email}`).join('\n'),
      );
      return 0;
    }
    const firstName = values['first-name'];
    const lastName = values['last-name'];
    if (firstName === undefined || lastName === undefined || values.email === undefined) throw usage(USAGE);
    const row = await createAuthor(store.db, account.id, {
      firstName,
      lastName,
      email: values.email,
      slug: values.slug,
    });
    io.out(
      values.json
        ? JSON.stringify(authorObject(row))
        : `author ${row.slug} (${row.email}) added to account ${account.id}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AccountInputError || error instanceof AuthorInputError) throw new CliError(error.message);
    throw error;
  }
}
