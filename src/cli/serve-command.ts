import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePort, type Config } from '../config.js';
import { makePrivateDir } from '../files/private-dir.js';
import type { RunningServer } from '../server.js';
import { CliError, usage, type CliIo } from './io.js';
import { ensureDemo } from './demo-credentials.js';
import { openDatabase } from './open-database.js';
import { startBanner } from './start-banner.js';
import { dataDirError, databaseStartupError, listenError } from './startup-errors.js';
import { untilSignal } from './until-signal.js';

export const START_USAGE = 'ghee start [--port N]';
export const SERVE_USAGE = 'ghee serve [--port N]';
export const MIGRATE_USAGE = 'ghee migrate';

/**
 * `ghee start`: the first-run experience. Migrates, seeds the demo account once, serves, and
 * prints the API address, the demo tokens and a curl command that works.
 */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const config = withPort(args, io.config, START_USAGE);
  try {
    makePrivateDir(config.dataDir);
    // The demo credentials are written there: say so now rather than after seeding.
    fs.accessSync(config.dataDir, fs.constants.W_OK);
  } catch (error) {
    throw dataDirError(error, config);
  }
  const { store } = await openDatabase(config);
  let demo;
  try {
    demo = await ensureDemo(store, config);
  } finally {
    await store.close();
  }
  const server = await serve(config);
  io.err(startBanner(config, server.address, demo));
  await untilSignal(server.close);
  return 0;
}

/** `ghee serve [--port N]`: migrate and serve. */
export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const config = withPort(args, io.config, SERVE_USAGE);
  const server = await serve(config);
  io.err(`Ghee is serving the API at ${config.publicUrl}/v2/ (listening on ${server.address})`);
  await untilSignal(server.close);
  return 0;
}

/** `ghee migrate`: bring the database to the newest schema, then exit. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length) throw usage(MIGRATE_USAGE);
  const { store, applied } = await openDatabase(io.config);
  await store.close();
  io.err(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  return 0;
}

/** Opens and migrates the database, then listens; a failure of either is one line naming its setting. */
async function serve(config: Config): Promise<RunningServer> {
  try {
    // Loaded here: `migrate` and a refused setting need none of the server.
    const { listen } = await import('../server.js');
    return await listen(config, { logger: true });
  } catch (error) {
    const failure = listenError(error, config);
    throw failure === error ? databaseStartupError(error, config) : failure;
  }
}

function withPort(args: string[], config: Config, line: string): Config {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch {
    throw usage(line);
  }
  if (values.port === undefined) return config;
  let port: number;
  try {
    port = parsePort(values.port, '--port');
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  const publicUrl =
    config.publicUrl === `http://localhost:${config.port}` ? `http://localhost:${port}` : config.publicUrl;
  return { ...config, port, publicUrl };
}
