// Why an account's plan or limit cannot be set: a field's message in the admin API (the field is
// the AccountInputError's, src/accounts/accounts.ts) and the CLI's error line.
export const accountMessages = {
  unknownPlan: (plan: string, plans: readonly string[]) => `Unknown plan "${plan}"; plans are ${plans.join(', ')}`,
  monthlyLimit: 'The monthly call limit must be a non-negative integer',
} as const;
