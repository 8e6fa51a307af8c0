import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { createDefaultAuthor } from '../blog/authors/create-author.js';
import { accountMessages } from '../errors/index.js';
import type { Account, Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import { DEFAULT_PLAN, planNamed, plans } from './plans.js';
import { createToken } from './tokens.js';

export interface NewAccountInput {
  name: string;
  plan?: string;
  monthlyCallLimit?: number | null;
  billingAnchorDay?: number;
  /** Locale slugs; the first is the default. */
  locales?: string[];
  email?: string;
  /**
   * Who creates it, for its `account.create` audit record; absent for the accounts an archive
   * import, the demo seed or a test fixture makes (the import has its own record).
   */
  actor?: Actor;
}

export interface CreatedAccount {
  id: number;
  slug: string;
  name: string;
  plan: string;
  read_token: string;
  write_token: string;
}

export const LOCALE_SLUG = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/**
 * Why an account cannot be created or changed as asked, in words for the CLI and the admin API;
 * `field` names the input at fault where the admin API answers it as that field's error.
 */
export class AccountInputError extends Error {
  constructor(
    message: string,
    readonly field?: 'plan' | 'monthly_call_limit',
  ) {
    super(message);
  }
}

/** The account's slug: its name in lowercase words joined by hyphens. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'account';
}

/** Creates an account with its locales, one read and one write token, in one transaction. */
export async function createAccount(
  db: Kysely<Database>,
  input: NewAccountInput,
  now = new Date(),
): Promise<CreatedAccount> {
  const plan = input.plan ?? DEFAULT_PLAN;
  const planDef = planNamed(plan);
  if (!planDef) throw new AccountInputError(accountMessages.unknownPlan(plan, Object.keys(plans())), 'plan');
  const name = input.name.trim();
  if (!name) throw new AccountInputError(accountMessages.nameRequired);
  const locales = input.locales?.length ? input.locales : ['en'];
  for (const slug of locales) {
    if (!LOCALE_SLUG.test(slug)) throw new AccountInputError(accountMessages.localeSlug(slug));
  }
  if (new Set(locales).size !== locales.length) throw new AccountInputError(accountMessages.localesRepeat);
  if (planDef.locales !== null && locales.length > planDef.locales) {
    throw new AccountInputError(accountMessages.planLocales(plan, planDef.locales, locales.length));
  }
  const limit = input.monthlyCallLimit;
  if (limit !== undefined && limit !== null && (!Number.isInteger(limit) || limit < 0)) {
    throw new AccountInputError(accountMessages.monthlyLimit, 'monthly_call_limit');
  }
  const anchor = input.billingAnchorDay ?? 1;
  if (!Number.isInteger(anchor) || anchor < 1 || anchor > 28)
    throw new AccountInputError(accountMessages.billingAnchorDay);

  return db.transaction().execute(async (trx) => {
    const slug = await freeSlug(trx, slugify(name));
    const account = await trx
      .insertInto('accounts')
      .values({
        slug,
        name,
        plan,
        monthly_call_limit: limit ?? null,
        billing_anchor_day: anchor,
        owner_email: input.email ?? `owner@${slug}.invalid`,
        schema_version: 1,
        content_version: 1,
        created: isoMicro(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('locales')
      .values(
        locales.map((l, i) => ({ account_id: account.id, slug: l, name: l, is_default: i === 0 ? 1 : 0, position: i })),
      )
      .execute();
    await createDefaultAuthor(trx, account.id);
    const read = await createToken(trx, account.id, 'read', 'default read token', now);
    const write = await createToken(trx, account.id, 'write', 'default write token', now);
    if (input.actor) {
      const entry = { accountId: account.id, action: 'account.create', kind: 'account', targetId: account.id };
      await recordAudit(trx, input.actor, [{ ...entry, targetSlug: slug, detail: { name, plan, locales } }], now);
    }
    return { id: account.id, slug, name, plan, read_token: read.token, write_token: write.token };
  });
}

async function freeSlug(db: Kysely<Database>, base: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('accounts').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  return db.selectFrom('accounts').selectAll().orderBy('id').execute();
}

/** The account of an id, or undefined. */
export async function findAccount(db: Kysely<Database>, id: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account a CLI command acts on: the one named, or the only one there is. */
export async function resolveAccount(db: Kysely<Database>, id: number | undefined): Promise<Account> {
  if (id !== undefined) {
    const row = await findAccount(db, id);
    if (!row) throw new AccountInputError(accountMessages.noAccount(id));
    return row;
  }
  const all = await listAccounts(db);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new AccountInputError(accountMessages.noAccountYet);
  throw new AccountInputError(accountMessages.severalAccounts(all));
}
