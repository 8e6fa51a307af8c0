import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// The browser suite needs a Chromium. In CI it always runs (and fails without one); on a
// machine without one it is left out, and test/helpers/global-setup.ts says so loudly.
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].some((p) => p && fs.existsSync(p));
const withBrowser = chromium || Boolean(process.env.CI);

/**
 * The browser suites: each drives Chromium against a `ghee start` of its own. They run one at a
 * time after the rest, before the files that run alone: two at a time, a server's first screen
 * after signing in once took over its 30 s (test/e2e/harness/page-helpers.ts) on this 2-core machine.
 */
const BROWSER = ['test/e2e/**/*.test.ts'];

/**
 * Files that measure time (an event-loop stall while a hostile request runs, a bounded refusal, the
 * same answer time for two branches), or run several servers, database outages or benchmarks:
 * they run one at a time, last, so no other file competes for the cores.
 */
const ALONE = [
  'client/test/timeouts.test.ts',
  'test/admin-media-stream.test.ts',
  'test/answer-budget.test.ts',
  'test/bench-smoke.test.ts',
  'test/body-limit.test.ts',
  'test/butter-client.test.ts',
  'test/crash.test.ts',
  'test/db-outage*.test.ts',
  'test/disk-full.test.ts',
  'test/html-limits.test.ts',
  'test/image-limits.test.ts',
  'test/invitations-attack.test.ts',
  'test/invitations-mail.test.ts',
  'test/media-download-limits.test.ts',
  'test/media-memory.test.ts',
  'test/nested-fields-schema.test.ts',
  'test/nodes.test.ts',
  'test/quota-nodes.test.ts',
  'test/reference-writes.test.ts',
  'test/s3-media-store-failures.test.ts',
  'test/scheduler.test.ts',
  'test/schema-pattern.test.ts',
  'test/schema-size.test.ts',
  'test/shutdown.test.ts',
  'test/sign-in-race*.test.ts',
  'test/svg-limits.test.ts',
];

const ALL = ['test/**/*.test.ts', 'client/test/**/*.test.ts'];
const LEFT_OUT = withBrowser ? ['**/node_modules/**'] : ['**/node_modules/**', ...BROWSER];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every file has its own databases, folders and ports (test/helpers), so files run two at a
    // time; then the browser suites and last the ones in ALONE, one at a time.
    projects: [
      {
        extends: true,
        test: {
          name: 'together',
          include: ALL,
          exclude: [...LEFT_OUT, ...BROWSER, ...ALONE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: BROWSER, exclude: LEFT_OUT, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, exclude: LEFT_OUT, maxWorkers: 1, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
