import fs from 'node:fs';
import { IMAGE_PRESETS_KEY } from '../images/image-presets.js';

/** What a plan includes. `monthlyCalls` null means no limit. */
export interface Plan {
  name: string;
  monthlyCalls: number | null;
  blockedOverLimit: boolean;
  writeApi: boolean;
  /** null means no limit */
  locales: number | null;
  webhooks: boolean;
  /**
   * Whether an account's owner may move the account onto this plan themselves (the dashboard's
   * plan screen). Only the operator decides this (PLANS_FILE); no plan is self-service by default.
   */
  selfService: boolean;
  /**
   * Versions of history kept per page or item and locale (or post), besides the newest and the
   * newest published, which are always kept; null keeps all (src/history/retention/).
   */
  versionsKept: number | null;
  /** Days a version is kept (the same two always are); null keeps them however old. */
  versionsDays: number | null;
}

/** The default plans (docs/api.md §5). */
export const DEFAULT_PLANS: Readonly<Record<string, Plan>> = {
  free: {
    name: 'free',
    monthlyCalls: 50_000,
    blockedOverLimit: true,
    writeApi: false,
    locales: 1,
    webhooks: false,
    selfService: false,
    versionsKept: 10,
    versionsDays: 30,
  },
  trial: {
    name: 'trial',
    monthlyCalls: 50_000,
    blockedOverLimit: true,
    writeApi: true,
    locales: 3,
    webhooks: true,
    selfService: false,
    versionsKept: 10,
    versionsDays: 30,
  },
  basic: {
    name: 'basic',
    monthlyCalls: 100_000,
    blockedOverLimit: false,
    writeApi: false,
    locales: 1,
    webhooks: true,
    selfService: false,
    versionsKept: 50,
    versionsDays: 90,
  },
  advanced: {
    name: 'advanced',
    monthlyCalls: 500_000,
    blockedOverLimit: false,
    writeApi: true,
    locales: 3,
    webhooks: true,
    selfService: false,
    versionsKept: null,
    versionsDays: null,
  },
  professional: {
    name: 'professional',
    monthlyCalls: 1_000_000,
    blockedOverLimit: false,
    writeApi: true,
    locales: 10,
    webhooks: true,
    selfService: false,
    versionsKept: null,
    versionsDays: null,
  },
  enterprise: {
    name: 'enterprise',
    monthlyCalls: null,
    blockedOverLimit: false,
    writeApi: true,
    locales: null,
    webhooks: true,
    selfService: false,
    versionsKept: null,
    versionsDays: null,
  },
};

export const DEFAULT_PLAN = 'enterprise';

// The plans in force: the defaults, or the operator's PLANS_FILE over them, set once at start-up
// by the server and the CLI (configurePlans) so every check reads the same table.
let current: Readonly<Record<string, Plan>> = DEFAULT_PLANS;

/** The plans in force. */
export function plans(): Readonly<Record<string, Plan>> {
  return current;
}

/** A plan by name, or undefined when the install has no such plan. */
export function planNamed(name: string): Plan | undefined {
  return Object.hasOwn(current, name) ? current[name] : undefined;
}

const FILE_KEYS: Record<string, keyof Plan> = {
  monthly_calls: 'monthlyCalls',
  blocked_over_limit: 'blockedOverLimit',
  write_api: 'writeApi',
  locales: 'locales',
  webhooks: 'webhooks',
  self_service: 'selfService',
  versions_kept: 'versionsKept',
  versions_days: 'versionsDays',
};

/** Settings that are a count: a whole number, or null for no limit. */
const COUNT_FIELDS: ReadonlySet<keyof Plan> = new Set(['monthlyCalls', 'locales']);
/** Settings that are a positive count (keeping 0 versions, or for 0 days, means nothing): or null. */
const POSITIVE_FIELDS: ReadonlySet<keyof Plan> = new Set(['versionsKept', 'versionsDays']);

/**
 * Reads an operator's plans file: `{"free": {"monthly_calls": 100000}, "team": {...}}`. Each plan
 * overrides the default of its name key by key; a new name starts from `enterprise`'s features
 * with no limit. Throws with the offending key on anything else.
 */
export function parsePlansFile(text: string, source: string): Record<string, Plan> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error(`${source}: expected an object of plans`);
  const out: Record<string, Plan> = { ...DEFAULT_PLANS };
  for (const [name, raw] of Object.entries(doc)) {
    // Not a plan: the image service's presets share the file (src/images/image-presets.ts reads them).
    if (name === IMAGE_PRESETS_KEY) continue;
    if (!/^[a-z][a-z0-9_-]*$/.test(name))
      throw new Error(`${source}: plan name "${name}" must be lowercase letters, digits, _ or -`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Error(`${source}: ${name} must be an object`);
    const plan: Plan = { ...(DEFAULT_PLANS[name] ?? { ...DEFAULT_PLANS.enterprise!, monthlyCalls: null }), name };
    for (const [key, value] of Object.entries(raw)) {
      const field = FILE_KEYS[key];
      if (!field)
        throw new Error(`${source}: ${name}.${key} is not a plan setting (${Object.keys(FILE_KEYS).join(', ')})`);
      const least = COUNT_FIELDS.has(field) ? 0 : POSITIVE_FIELDS.has(field) ? 1 : null;
      const ok =
        least === null
          ? typeof value === 'boolean'
          : value === null || (Number.isSafeInteger(value) && (value as number) >= least);
      if (!ok) throw new Error(`${source}: ${name}.${key} must be ${settingShape(least)}`);
      (plan as unknown as Record<string, unknown>)[field] = value;
    }
    out[name] = plan;
  }
  return out;
}

function settingShape(least: number | null): string {
  if (least === null) return 'true or false';
  return least === 0 ? 'a whole number or null' : 'a positive whole number or null';
}

/** Puts the operator's plans file (if any) in force. */
export function configurePlans(plansFile: string | undefined): void {
  current = plansFile ? parsePlansFile(fs.readFileSync(plansFile, 'utf8'), plansFile) : DEFAULT_PLANS;
}

/** The monthly limit that applies to an account: its own override, else its plan's. */
export function effectiveLimit(plan: Plan | undefined, accountLimit: number | null): number | null {
  return accountLimit ?? plan?.monthlyCalls ?? null;
}
