// The settings of where the media library's bytes live (README, Configuration; docs/deploy.md):
// read from the environment once by src/config.ts, each checked with a message naming its variable.

/** MEDIA_STORE: the folder MEDIA_DIR, or an S3 bucket and the key prefix under which Ghee keeps its files. */
export type MediaStoreLocation = { kind: 'local' } | { kind: 's3'; bucket: string; prefix: string };

/** How to reach the S3 store: the AWS SDK's own variables, plus Ghee's MEDIA_S3_* ones. */
export interface S3Settings {
  /** AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL; unset for AWS itself. */
  endpoint: string | undefined;
  /** AWS_REGION (or AWS_DEFAULT_REGION); `us-east-1` when unset. */
  region: string;
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN); unset, the SDK's default chain (profiles, instance roles). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  /** MEDIA_S3_PATH_STYLE: `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>`; default true with an endpoint. */
  pathStyle: boolean;
  /** MEDIA_S3_TIMEOUT_MS: longest wait to connect, and longest silence of a connection, in milliseconds. */
  timeoutMs: number;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9!_.*'()-]+$/;

/** MEDIA_STORE: unset or `local`, or `s3://bucket[/prefix]`. */
export function parseMediaStore(value: string | undefined): MediaStoreLocation {
  if (!value || value === 'local') return { kind: 'local' };
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(value);
  const bucket = match?.[1] ?? '';
  const prefix = (match?.[2] ?? '').replace(/\/+$/, '');
  // Characters S3 documents as safe in keys only, and no `.`/`..` segment, so no key can look like a path.
  const segments = prefix ? prefix.split('/') : [];
  if (!match || !BUCKET.test(bucket) || segments.some((s) => !PREFIX_SEGMENT.test(s) || /^\.+$/.test(s))) {
    throw new Error(`MEDIA_STORE must be "local" or s3://<bucket>[/<prefix>], not "${value}"`);
  }
  return { kind: 's3', bucket, prefix };
}

/** MEDIA_PUBLIC_URL: unset, or an http(s) URL with no query or fragment (its trailing slash dropped). */
export function parseMediaPublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!isBaseUrl(value)) throw new Error(`MEDIA_PUBLIC_URL must be an http(s) URL, not "${value}"`);
  return value.replace(/\/+$/, '');
}

/** The S3 settings from the environment; credentials are never part of a message. */
export function loadS3Settings(env: NodeJS.ProcessEnv): S3Settings {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  if (endpoint && !isBaseUrl(endpoint)) {
    throw new Error(`AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL must be an http(s) URL, not "${endpoint}"`);
  }
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
  }
  const pathStyle = env.MEDIA_S3_PATH_STYLE;
  if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false') {
    throw new Error(`MEDIA_S3_PATH_STYLE must be true or false, not "${pathStyle}"`);
  }
  const timeoutMs = Number(env.MEDIA_S3_TIMEOUT_MS ?? '10000');
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`MEDIA_S3_TIMEOUT_MS must be a positive integer, not "${env.MEDIA_S3_TIMEOUT_MS}"`);
  }
  return {
    endpoint,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }) }
        : undefined,
    pathStyle: pathStyle === undefined ? Boolean(endpoint) : pathStyle === 'true',
    timeoutMs,
  };
}

/** `s3://bucket/prefix`, as the log and error messages name a store. */
export function describeLocation(location: MediaStoreLocation): string {
  if (location.kind === 'local') return 'local';
  return `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`;
}

function isBaseUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}
