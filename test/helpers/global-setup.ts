// Says loudly, once per run, which databases the suite runs against, starts the S3-compatible
// server the media suites keep files in (each file makes buckets of its own: test/helpers/s3-bucket.ts),
// and makes the demo databases test servers are copied from (test/helpers/demo-template.ts).
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeDemoTemplates } from './demo-template.js';
import { startS3Server } from './s3-server.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].some((p) => p && fs.existsSync(p));
  if (!chromium && !process.env.CI) {
    console.log(
      `\n${'!'.repeat(100)}\n[ghee tests] NO CHROMIUM FOUND ($CHROMIUM_PATH, /usr/bin/chromium): the dashboard end-to-end tests in test/e2e are NOT running. Install it with \`apt-get install -y chromium\` (CI does).\n${'!'.repeat(100)}\n`,
    );
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log(`\n[ghee tests] databases: SQLite and PostgreSQL (${url.replace(/\/\/[^@]*@/, '//')})\n`);
  } else {
    console.log(
      '\n[ghee tests] databases: SQLite ONLY. PostgreSQL suites are NOT running: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (CI does).\n',
    );
  }
  const s3 = await startS3Server();
  project.provide('s3Endpoint', s3.endpoint);
  const demo = await makeDemoTemplates();
  project.provide('demoTemplates', demo.templates);
  return async () => {
    await s3.close();
    await demo.drop();
  };
}
