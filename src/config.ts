import path from 'node:path';

/** Settings read from the environment once, at start-up (see the README's configuration table). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `sqlite:<file>` or `postgres://...`. */
  databaseUrl: string;
  /** Base of every absolute URL Ghee prints or serves (reference URIs, media). */
  publicUrl: string;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Where downloaded media files live (content-addressed, one file per distinct content). */
  mediaDir: string;
  /** Lets media downloads reach loopback, link-local and private addresses (tests, closed networks). */
  mediaFetchAllowPrivate: boolean;
  /** Largest media file downloaded, in bytes. */
  mediaMaxBytes: number;
  /** Total time allowed for one media download (all redirects included), in milliseconds. */
  mediaFetchTimeoutMs: number;
  /** An operator's JSON file of plans over the defaults (API.md section 5). */
  plansFile: string | undefined;
  /** How often API-call counts go from memory to the database, in milliseconds. */
  usageFlushMs: number;
  /** Memory for the response cache, in MB (least recently used answers go first). */
  cacheMaxMb: number;
  /** Lets webhooks target loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: boolean;
  /** How long a delivery is retried before it is dead-lettered, in milliseconds (24 h). */
  webhookMaxAgeMs: number;
  /** The first retry's delay; each next one doubles (with jitter), in milliseconds. */
  webhookBackoffMs: number;
  /** Time between the dispatcher's passes over due deliveries, in milliseconds. */
  webhookPollMs: number;
}

/** Builds the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? parsePort(env.PORT ?? '8080');
  const dataDir = overrides.dataDir ?? path.resolve(env.DATA_DIR ?? './data');
  return {
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'ghee.db')}`,
    publicUrl: stripSlash(overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    bodyLimit: overrides.bodyLimit ?? 10 * 1024 * 1024,
    mediaDir: overrides.mediaDir ?? path.resolve(env.MEDIA_DIR ?? path.join(dataDir, 'media')),
    mediaFetchAllowPrivate: overrides.mediaFetchAllowPrivate ?? env.MEDIA_FETCH_ALLOW_PRIVATE === 'true',
    mediaMaxBytes: overrides.mediaMaxBytes ?? parsePositive('MEDIA_MAX_BYTES', env.MEDIA_MAX_BYTES ?? String(50 * 1024 * 1024)),
    mediaFetchTimeoutMs: overrides.mediaFetchTimeoutMs ?? parsePositive('MEDIA_FETCH_TIMEOUT_MS', env.MEDIA_FETCH_TIMEOUT_MS ?? '15000'),
    plansFile: 'plansFile' in overrides ? overrides.plansFile : env.PLANS_FILE || undefined,
    usageFlushMs: overrides.usageFlushMs ?? parsePositive('USAGE_FLUSH_MS', env.USAGE_FLUSH_MS ?? '1000'),
    cacheMaxMb: overrides.cacheMaxMb ?? parsePositive('CACHE_MAX_MB', env.CACHE_MAX_MB ?? '64'),
    webhookAllowPrivate: overrides.webhookAllowPrivate ?? env.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookMaxAgeMs: overrides.webhookMaxAgeMs ?? parsePositive('WEBHOOK_MAX_AGE_MS', env.WEBHOOK_MAX_AGE_MS ?? String(24 * 3600_000)),
    webhookBackoffMs: overrides.webhookBackoffMs ?? parsePositive('WEBHOOK_BACKOFF_MS', env.WEBHOOK_BACKOFF_MS ?? '5000'),
    webhookPollMs: overrides.webhookPollMs ?? parsePositive('WEBHOOK_POLL_MS', env.WEBHOOK_POLL_MS ?? '1000'),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer from 0 to 65535, not "${value}"`);
  return port;
}

function parsePositive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
