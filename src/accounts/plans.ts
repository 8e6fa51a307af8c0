/** What a plan includes. `monthlyCalls` null means no limit. */
export interface Plan {
  name: string;
  monthlyCalls: number | null;
  blockedOverLimit: boolean;
  writeApi: boolean;
  /** null means no limit */
  locales: number | null;
  webhooks: boolean;
}

/** The contract's default plans (API.md section 5). */
export const DEFAULT_PLANS: Record<string, Plan> = {
  free: { name: 'free', monthlyCalls: 50_000, blockedOverLimit: true, writeApi: false, locales: 1, webhooks: false },
  trial: { name: 'trial', monthlyCalls: 50_000, blockedOverLimit: true, writeApi: true, locales: 3, webhooks: true },
  basic: { name: 'basic', monthlyCalls: 100_000, blockedOverLimit: false, writeApi: false, locales: 1, webhooks: true },
  advanced: { name: 'advanced', monthlyCalls: 500_000, blockedOverLimit: false, writeApi: true, locales: 3, webhooks: true },
  professional: { name: 'professional', monthlyCalls: 1_000_000, blockedOverLimit: false, writeApi: true, locales: 10, webhooks: true },
  enterprise: { name: 'enterprise', monthlyCalls: null, blockedOverLimit: false, writeApi: true, locales: null, webhooks: true },
};

export const DEFAULT_PLAN = 'enterprise';

export function planNames(plans: Record<string, Plan> = DEFAULT_PLANS): string[] {
  return Object.keys(plans);
}
