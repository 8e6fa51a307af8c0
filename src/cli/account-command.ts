import { AccountInputError, createAccount, listAccounts } from '../accounts/accounts.js';
import { planNamed, plans } from '../accounts/plans.js';
import { cliActor } from '../audit/actor.js';
import { accountMessages, cliMessages } from '../errors/index.js';
import { OPERATOR } from '../accounts/plan-policy.js';
import { setPlan as changePlan } from '../accounts/set-plan.js';
import type { Store } from '../store/database.js';
import { SET_SITE_USAGE, setSiteCommand } from './account-site.js';
import { CliError, parseFlags, usage, type CliIo } from './io.js';

export const USAGE = `ghee account create --name NAME [--plan PLAN] [--monthly-call-limit N] [--billing-anchor-day D] [--locales en,es] [--email E] [--json] | ghee account list [--json] | ghee account set-plan ID PLAN [--monthly-call-limit N|none] | ${SET_SITE_USAGE}`;

/** `ghee account create|list|set-plan|set-site` */
export async function accountCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parseFlags(rest, { json: { type: 'boolean' } }, USAGE);
    const accounts = await listAccounts(store.db);
    const rows = accounts.map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      plan: a.plan,
      monthly_call_limit: a.monthly_call_limit,
      created: a.created,
    }));
    if (values.json) io.out(JSON.stringify(rows));
    else io.out(rows.map((a) => `${a.id}\t${a.name}\t${a.plan}`).join('\n') || 'no accounts');
    return 0;
  }
  if (sub === 'set-plan') return setPlan(rest, io, store);
  if (sub === 'set-site') return setSiteCommand(rest, io, store, integer);
  if (sub !== 'create') throw usage(USAGE);
  const { values, positionals } = parseFlags(
    rest,
    {
      name: { type: 'string' },
      plan: { type: 'string' },
      'monthly-call-limit': { type: 'string' },
      'billing-anchor-day': { type: 'string' },
      locales: { type: 'string' },
      email: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  if (!values.name || positionals.length) throw usage(USAGE);
  try {
    const created = await createAccount(store.db, {
      name: values.name,
      plan: values.plan,
      monthlyCallLimit:
        values['monthly-call-limit'] === undefined
          ? undefined
          : integer(values['monthly-call-limit'], '--monthly-call-limit'),
      billingAnchorDay:
        values['billing-anchor-day'] === undefined
          ? undefined
          : integer(values['billing-anchor-day'], '--billing-anchor-day'),
      locales: values.locales?.split(',').map((l) => l.trim()),
      email: values.email,
      actor: cliActor(),
    });
    const { slug: _slug, ...shown } = created;
    if (values.json) io.out(JSON.stringify(shown));
    else
      io.out(
        `account ${created.id} "${created.name}" (${created.plan})\nread token:  ${created.read_token}\nwrite token: ${created.write_token}`,
      );
    return 0;
  } catch (error) {
    if (error instanceof AccountInputError) throw new CliError(error.message);
    throw error;
  }
}

export function integer(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw)) throw new CliError(cliMessages.wholeNumber(flag, raw), 2);
  return Number(raw);
}

/** `ghee account set-plan ID PLAN [--monthly-call-limit N|none]`: in force from the next request. */
async function setPlan(args: string[], io: CliIo, store: Store): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { 'monthly-call-limit': { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const [id, plan] = positionals;
  if (positionals.length !== 2 || !id || !plan) throw usage(USAGE);
  const accountId = integer(id, 'ID');
  if (!planNamed(plan)) throw new CliError(accountMessages.unknownPlan(plan, Object.keys(plans())));
  const rawLimit = values['monthly-call-limit'];
  const limit =
    rawLimit === undefined ? undefined : rawLimit === 'none' ? null : integer(rawLimit, '--monthly-call-limit');
  const updated = await changePlan(store.db, accountId, { plan, monthlyCallLimit: limit }, OPERATOR, cliActor());
  if (!updated) throw new CliError(accountMessages.noAccount(accountId));
  io.out(
    values.json
      ? JSON.stringify(updated)
      : `account ${updated.id} is now on the ${updated.plan} plan (monthly limit: ${updated.monthly_call_limit ?? "the plan's"})`,
  );
  return 0;
}
