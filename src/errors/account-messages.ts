// Why an account cannot be created, found or changed as asked: a field's message in the admin API
// (the field is the AccountInputError's, src/accounts/accounts.ts) and the CLI's error line.

/** What a locale slug looks like, in the words of every message that refuses one. */
export const LOCALE_SLUG_FORM = 'lowercase letters with an optional region, e.g. en, fr-ca';

export const accountMessages = {
  unknownPlan: (plan: string, plans: readonly string[]) => `Unknown plan "${plan}"; plans are ${plans.join(', ')}`,
  monthlyLimit: 'The monthly call limit must be a non-negative integer',
  nameRequired: 'An account needs a name',
  localeSlug: (slug: string) => `Locale "${slug}" is not a locale slug (${LOCALE_SLUG_FORM})`,
  localesRepeat: 'Locales must not repeat',
  planLocales: (plan: string, limit: number, count: number) =>
    `The ${plan} plan allows ${limit} locale(s), not ${count}`,
  billingAnchorDay: 'The billing anchor day must be from 1 to 28',
  noAccount: (id: number) => `No account with id ${id}`,
  noAccountYet: 'There is no account yet; create one with `ghee account create --name NAME`',
  severalAccounts: (accounts: readonly { id: number; name: string; plan: string }[]) =>
    `Several accounts exist; choose one with --account ID:\n${accounts.map((a) => `  ${a.id}  ${a.name} (${a.plan})`).join('\n')}`,
  // A feature the plan lacks (PlanFeatureError): the CLI says it; the admin API answers 403.
  noWriteApi: (plan: string) => `The ${plan} plan has no write API`,
  noWebhooks: (plan: string) => `The ${plan} plan has no webhooks`,
} as const;
