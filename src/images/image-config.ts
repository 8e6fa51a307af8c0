import os from 'node:os';

// The image service's settings (README, Configuration), read by src/config.ts. This file loads no
// image library, so every CLI command can read the configuration cheaply.

/** Who may ask for what (MEDIA_TRANSFORMS): any transformation, presets only, or signed URLs. */
export type TransformMode = 'any' | 'presets' | 'signed';

const MODES: readonly TransformMode[] = ['any', 'presets', 'signed'];
/** Shortest MEDIA_SIGNING_SECRET accepted: 32 characters, such as `openssl rand -hex 16` prints. */
const MIN_SECRET_LENGTH = 32;

/** MEDIA_TRANSFORMS, `any` when unset. */
export function parseTransformMode(value: string | undefined): TransformMode {
  if (!value) return 'any';
  if (!MODES.includes(value as TransformMode))
    throw new Error(`MEDIA_TRANSFORMS must be any, presets or signed, not "${value}"`);
  return value as TransformMode;
}

/** MEDIA_SIGNING_SECRET: required in signed mode, and long enough to be a secret. Its value is never printed. */
export function parseSigningSecret(mode: TransformMode, value: string | undefined): string | undefined {
  if (mode === 'signed' && !value)
    throw new Error('MEDIA_SIGNING_SECRET must be set when MEDIA_TRANSFORMS is signed (e.g. openssl rand -hex 32)');
  if (value !== undefined && value !== '' && value.length < MIN_SECRET_LENGTH)
    throw new Error(`MEDIA_SIGNING_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return value || undefined;
}

/** A whole number of at least `min` (MEDIA_RENDER_QUEUE may be 0: no waiting at all). */
export function parseCount(name: string, value: string, min: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

/**
 * The default of MEDIA_RENDERS: the CPUs, but fewer than libuv's threads (UV_THREADPOOL_SIZE,
 * default 4). A render holds one of those threads while sharp works, and file reads and writes
 * need them too: with every thread rendering, serving originals would wait behind the renders.
 */
export function defaultRenders(env: NodeJS.ProcessEnv): number {
  const threads = Number(env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(os.availableParallelism(), threads - 1));
}
