import os from 'node:os';
import path from 'node:path';
import { DEFAULT_HTML_LIMITS } from './content/write/html-limits.js';
import { DEFAULT_SVG_LIMITS } from './media/svg/svg-limits.js';
import {
  loadS3Settings,
  parseMediaPublicUrl,
  parseMediaStore,
  type MediaStoreLocation,
  type S3Settings,
} from './media/media-store-config.js';
import {
  defaultRenders,
  parseCount,
  parseSigningSecret,
  parseTransformMode,
  type TransformMode,
} from './images/image-config.js';
import { checkDatabaseUrl } from './store/database-url.js';
import { PREVIEW_TTL_MAX } from './preview/expires-in.js';

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
  /** Largest rich-text (wysiwyg, html, post body) value, in UTF-8 bytes (docs/security.md). */
  htmlMaxBytes: number;
  /** Deepest nesting of elements in one rich-text value. */
  htmlMaxDepth: number;
  /** Where downloaded media files live (content-addressed, one file per distinct content). */
  mediaDir: string;
  /** MEDIA_STORE: where the media library's bytes live, the folder MEDIA_DIR or an S3 bucket (docs/deploy.md). */
  mediaStore: MediaStoreLocation;
  /** How to reach the S3 store (the AWS SDK's variables); unused with the local store. */
  mediaS3: S3Settings;
  /** Where uploads to the S3 store are spooled (hashed, sniffed) before they go to the bucket. */
  mediaSpoolDir: string;
  /** MEDIA_PUBLIC_URL: the base of the media URLs Ghee prints, in place of `<PUBLIC_URL>/media` (a CDN). */
  mediaPublicUrl: string | undefined;
  /** Lets media downloads reach loopback, link-local and private addresses (tests, closed networks). */
  mediaFetchAllowPrivate: boolean;
  /** Largest media file downloaded, in bytes. */
  mediaMaxBytes: number;
  /** Total time allowed for one media download (all redirects included), in milliseconds. */
  mediaFetchTimeoutMs: number;
  /** Most distinct media URLs one write may download (past it, field errors and no download). */
  mediaMaxUrlsPerWrite: number;
  /** Media downloads one write runs at a time. */
  mediaDownloadsPerWrite: number;
  /** Media downloads the whole process runs at a time, over every write. */
  mediaDownloadsPerProcess: number;
  /** Largest SVG file taken into the media library, in bytes: each is sanitised whole in memory (docs/security.md). */
  svgMaxBytes: number;
  /** MEDIA_TRANSFORMS: which image transformations /media serves (docs/api.md §11). */
  mediaTransforms: TransformMode;
  /** MEDIA_SIGNING_SECRET: the HMAC key of signed image URLs (required in signed mode). */
  mediaSigningSecret: string | undefined;
  /** Image renders at a time, and renders waiting at most before a 503. */
  mediaRenders: number;
  mediaRenderQueue: number;
  /** Largest image (width x height) the image service decodes. */
  mediaMaxInputPixels: number;
  /** How long a file's focal point is remembered by the image service, in milliseconds (tests: 0). */
  mediaFocalTtlMs: number;
  /** Reads through the admin API per dashboard user and minute (a bucket that refills at this rate). */
  adminReadsPerMinute: number;
  /** An operator's JSON file of plans over the defaults (docs/quotas.md). */
  plansFile: string | undefined;
  /** How often API-call counts go from memory to the database, in milliseconds. */
  usageFlushMs: number;
  /** Memory for the response cache, in MB (least recently used answers go first). */
  cacheMaxMb: number;
  /** PostgreSQL: the longest one statement of a serving process may run, in milliseconds (docs/operations.md). */
  databaseStatementTimeoutMs: number;
  /** Pages and items one read answer may hold, each counted every time it appears (docs/security.md). */
  answerMaxNodes: number;
  /** Largest JSON answer one read may build, in bytes. */
  answerMaxBytes: number;
  /** Lets webhooks target loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: boolean;
  /** How long a delivery is retried before it is dead-lettered, in milliseconds (24 h). */
  webhookMaxAgeMs: number;
  /** The first retry's delay; each next one doubles (with jitter), in milliseconds. */
  webhookBackoffMs: number;
  /** Time between the dispatcher's passes over due deliveries, in milliseconds. */
  webhookPollMs: number;
  /** Where invitation mails go out (`smtp://user:pass@host:587`, `smtps://...`); unset, no mail is sent. */
  smtpUrl: string | undefined;
  /** The From of those mails. */
  mailFrom: string;
  /** Days an audit record is kept (AUDIT_RETENTION_DAYS, at least 1: the database keeps younger ones). */
  auditRetentionDays: number;
  /** Time between history retention passes (version pruning, trash purge, audit retention), in milliseconds. */
  historyPruneMs: number;
  /** Days a deleted page, item or post stays restorable in the trash (TRASH_DAYS). */
  trashDays: number;
  /** PREVIEW_TOKEN_TTL: seconds a preview token lives when its mint names none (1 to a week). */
  previewTokenTtl: number;
}

/** Builds the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? parsePort(env.PORT ?? '8080');
  const dataDir = overrides.dataDir ?? path.resolve(env.DATA_DIR ?? './data');
  return {
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl:
      overrides.databaseUrl ??
      (env.DATABASE_URL ? checkDatabaseUrl(env.DATABASE_URL) : `sqlite:${path.join(dataDir, 'ghee.db')}`),
    publicUrl: stripSlash(overrides.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${port}`),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    bodyLimit: overrides.bodyLimit ?? 10 * 1024 * 1024,
    htmlMaxBytes:
      overrides.htmlMaxBytes ??
      parsePositive('HTML_MAX_BYTES', env.HTML_MAX_BYTES ?? String(DEFAULT_HTML_LIMITS.maxBytes)),
    htmlMaxDepth:
      overrides.htmlMaxDepth ??
      parsePositive('HTML_MAX_DEPTH', env.HTML_MAX_DEPTH ?? String(DEFAULT_HTML_LIMITS.maxDepth)),
    mediaDir: overrides.mediaDir ?? path.resolve(env.MEDIA_DIR ?? path.join(dataDir, 'media')),
    mediaStore: overrides.mediaStore ?? parseMediaStore(env.MEDIA_STORE),
    mediaS3: overrides.mediaS3 ?? loadS3Settings(env),
    mediaSpoolDir: overrides.mediaSpoolDir ?? path.resolve(env.MEDIA_SPOOL_DIR || os.tmpdir()),
    mediaPublicUrl:
      'mediaPublicUrl' in overrides
        ? overrides.mediaPublicUrl?.replace(/\/+$/, '')
        : parseMediaPublicUrl(env.MEDIA_PUBLIC_URL),
    mediaFetchAllowPrivate: overrides.mediaFetchAllowPrivate ?? env.MEDIA_FETCH_ALLOW_PRIVATE === 'true',
    mediaMaxBytes:
      overrides.mediaMaxBytes ?? parsePositive('MEDIA_MAX_BYTES', env.MEDIA_MAX_BYTES ?? String(50 * 1024 * 1024)),
    mediaFetchTimeoutMs:
      overrides.mediaFetchTimeoutMs ?? parsePositive('MEDIA_FETCH_TIMEOUT_MS', env.MEDIA_FETCH_TIMEOUT_MS ?? '15000'),
    mediaMaxUrlsPerWrite:
      overrides.mediaMaxUrlsPerWrite ?? parsePositive('MEDIA_MAX_URLS_PER_WRITE', env.MEDIA_MAX_URLS_PER_WRITE ?? '20'),
    mediaDownloadsPerWrite:
      overrides.mediaDownloadsPerWrite ??
      parsePositive('MEDIA_DOWNLOADS_PER_WRITE', env.MEDIA_DOWNLOADS_PER_WRITE ?? '4'),
    mediaDownloadsPerProcess:
      overrides.mediaDownloadsPerProcess ??
      parsePositive('MEDIA_DOWNLOADS_PER_PROCESS', env.MEDIA_DOWNLOADS_PER_PROCESS ?? '16'),
    svgMaxBytes:
      overrides.svgMaxBytes ?? parsePositive('SVG_MAX_BYTES', env.SVG_MAX_BYTES ?? String(DEFAULT_SVG_LIMITS.maxBytes)),
    mediaTransforms: overrides.mediaTransforms ?? parseTransformMode(env.MEDIA_TRANSFORMS),
    mediaSigningSecret:
      'mediaSigningSecret' in overrides
        ? overrides.mediaSigningSecret
        : parseSigningSecret(
            overrides.mediaTransforms ?? parseTransformMode(env.MEDIA_TRANSFORMS),
            env.MEDIA_SIGNING_SECRET,
          ),
    mediaRenders:
      overrides.mediaRenders ?? parseCount('MEDIA_RENDERS', env.MEDIA_RENDERS ?? String(defaultRenders(env)), 1),
    mediaRenderQueue: overrides.mediaRenderQueue ?? parseCount('MEDIA_RENDER_QUEUE', env.MEDIA_RENDER_QUEUE ?? '32', 0),
    mediaMaxInputPixels:
      overrides.mediaMaxInputPixels ??
      parseCount('MEDIA_MAX_INPUT_PIXELS', env.MEDIA_MAX_INPUT_PIXELS ?? '50000000', 1),
    mediaFocalTtlMs: overrides.mediaFocalTtlMs ?? 5000,
    adminReadsPerMinute:
      overrides.adminReadsPerMinute ?? parsePositive('ADMIN_READS_PER_MINUTE', env.ADMIN_READS_PER_MINUTE ?? '120'),
    plansFile: 'plansFile' in overrides ? overrides.plansFile : env.PLANS_FILE || undefined,
    usageFlushMs: overrides.usageFlushMs ?? parsePositive('USAGE_FLUSH_MS', env.USAGE_FLUSH_MS ?? '1000'),
    cacheMaxMb: overrides.cacheMaxMb ?? parsePositive('CACHE_MAX_MB', env.CACHE_MAX_MB ?? '64'),
    databaseStatementTimeoutMs:
      overrides.databaseStatementTimeoutMs ??
      parsePositive('DATABASE_STATEMENT_TIMEOUT_MS', env.DATABASE_STATEMENT_TIMEOUT_MS ?? '30000'),
    // A level's references are fetched in one query: at most 30,000 keeps it under SQLite's 32,766 bound values.
    answerMaxNodes:
      overrides.answerMaxNodes ?? parseAtMost('ANSWER_MAX_NODES', env.ANSWER_MAX_NODES ?? '20000', 30_000),
    answerMaxBytes:
      overrides.answerMaxBytes ?? parsePositive('ANSWER_MAX_BYTES', env.ANSWER_MAX_BYTES ?? String(16 * 1024 * 1024)),
    webhookAllowPrivate: overrides.webhookAllowPrivate ?? env.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookMaxAgeMs:
      overrides.webhookMaxAgeMs ?? parsePositive('WEBHOOK_MAX_AGE_MS', env.WEBHOOK_MAX_AGE_MS ?? String(24 * 3600_000)),
    webhookBackoffMs:
      overrides.webhookBackoffMs ?? parsePositive('WEBHOOK_BACKOFF_MS', env.WEBHOOK_BACKOFF_MS ?? '5000'),
    webhookPollMs: overrides.webhookPollMs ?? parsePositive('WEBHOOK_POLL_MS', env.WEBHOOK_POLL_MS ?? '1000'),
    smtpUrl: 'smtpUrl' in overrides ? overrides.smtpUrl : parseSmtpUrl(env.SMTP_URL),
    mailFrom: overrides.mailFrom ?? env.MAIL_FROM ?? 'Ghee <ghee@localhost>',
    auditRetentionDays:
      overrides.auditRetentionDays ?? parsePositive('AUDIT_RETENTION_DAYS', env.AUDIT_RETENTION_DAYS ?? '365'),
    historyPruneMs:
      overrides.historyPruneMs ?? parsePositive('HISTORY_PRUNE_MS', env.HISTORY_PRUNE_MS ?? String(10 * 60_000)),
    trashDays: overrides.trashDays ?? parsePositive('TRASH_DAYS', env.TRASH_DAYS ?? '30'),
    previewTokenTtl:
      overrides.previewTokenTtl ?? parseAtMost('PREVIEW_TOKEN_TTL', env.PREVIEW_TOKEN_TTL ?? '3600', PREVIEW_TTL_MAX),
  };
}

/** A port number from 0 to 65535 (`name` says which setting gave it, for the message). */
export function parsePort(value: string, name = 'PORT'): number {
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be an integer from 0 to 65535, not "${value}"`);
  return port;
}

function parsePositive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

function parseSmtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // The URL holds the mail password: the message names the variable, never its value.
  if (!/^smtps?:\/\/[^/\s]+/.test(value))
    throw new Error('SMTP_URL must be smtp://[user:password@]host[:port] or smtps://...');
  return value;
}

function parseAtMost(name: string, value: string, max: number): number {
  const n = parsePositive(name, value);
  if (n > max) throw new Error(`${name} must be at most ${max}, not "${value}"`);
  return n;
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
