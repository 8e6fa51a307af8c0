import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// The browser suite needs a Chromium. In CI it always runs (and fails without one); on a
// machine without one it is left out, and test/helpers/global-setup.ts says so loudly.
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].some((p) => p && fs.existsSync(p));
const withBrowser = chromium || Boolean(process.env.CI);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'client/test/**/*.test.ts'],
    exclude: withBrowser ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/e2e/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
