import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listAccounts } from '../accounts/accounts.js';
import type { Config } from '../config.js';
import { seedDemo } from '../seed/seed-demo.js';
import { createFirstOwner } from '../users/first-owner.js';
import { listen } from '../server.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { integer } from './account-command.js';
import { usage, type CliIo } from './io.js';

interface DemoCredentials {
  account_id: number;
  read_token: string;
  write_token: string;
  /** The dashboard's first owner, made with the demo (its password as generated then). */
  admin_email?: string;
  admin_password?: string;
}

/** Where `ghee start` keeps the demo account's tokens, so later starts can print them again. */
function credentialsFile(config: Config): string {
  return path.join(config.dataDir, 'demo-credentials.json');
}

/**
 * `ghee start`: the first-run experience. Migrates, seeds the demo account once, serves, and
 * prints the API address, the demo tokens and a curl command that works.
 */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const config = withPort(args, io.config, 'ghee start [--port N]');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const store = openStore(config.databaseUrl);
  let demo: DemoCredentials | null = null;
  try {
    await migrateToLatest(store);
    let changed = false;
    if ((await listAccounts(store.db)).length === 0) {
      const account = await seedDemo(store);
      demo = { account_id: account.id, read_token: account.read_token, write_token: account.write_token };
      changed = true;
    } else if (fs.existsSync(credentialsFile(config))) {
      demo = JSON.parse(fs.readFileSync(credentialsFile(config), 'utf8')) as DemoCredentials;
    }
    // The first dashboard owner comes with the demo (also for a data folder older than users).
    const owner = demo && !demo.admin_email ? await createFirstOwner(store.db, demo.account_id, 'owner@demo.invalid') : null;
    if (demo && owner) [demo, changed] = [{ ...demo, admin_email: owner.email, admin_password: owner.password }, true];
    // Demo credentials only, readable by this user only: printed again on every start.
    if (demo && changed) fs.writeFileSync(credentialsFile(config), JSON.stringify(demo, null, 2), { mode: 0o600 });
  } finally {
    await store.close();
  }
  const server = await listen(config, { logger: true });
  io.err(banner(config, server.address, demo));
  await untilSignal(server.close);
  return 0;
}

/** `ghee serve [--port N]`: migrate and serve. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const config = withPort(args, io.config, 'ghee serve [--port N]');
  const server = await listen(config, { logger: true });
  io.err(`Ghee is serving the API at ${config.publicUrl}/v2/ (listening on ${server.address})`);
  await untilSignal(server.close);
  return 0;
}

/** `ghee migrate`: bring the database to the newest schema, then exit. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length) throw usage('ghee migrate');
  const store = openStore(io.config.databaseUrl);
  try {
    const applied = await migrateToLatest(store);
    io.err(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await store.close();
  }
  return 0;
}

function withPort(args: string[], config: Config, line: string): Config {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch {
    throw usage(line);
  }
  if (values.port === undefined) return config;
  const port = integer(values.port, '--port');
  const publicUrl = config.publicUrl === `http://localhost:${config.port}` ? `http://localhost:${port}` : config.publicUrl;
  return { ...config, port, publicUrl };
}

function banner(config: Config, address: string, demo: DemoCredentials | null): string {
  const base = `${config.publicUrl}/v2`;
  const lines = ['', `  Ghee is running. API: ${base}/   (listening on ${address})`];
  if (demo) {
    lines.push(
      `  Demo read token:  ${demo.read_token}`,
      `  Demo write token: ${demo.write_token}`,
      '',
      '  Try it:',
      `    curl '${base}/pages/*/homepage/?auth_token=${demo.read_token}'`,
      `    curl -H 'Authorization: Token ${demo.read_token}' '${base}/pages/landing_page/?locale=es'`,
    );
    if (demo.admin_email) lines.push('', `  Dashboard: ${config.publicUrl}/admin/   sign in as ${demo.admin_email} / ${demo.admin_password}`);
  }
  lines.push('', '  Stop with Ctrl-C.', '');
  return lines.join('\n');
}

function untilSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
