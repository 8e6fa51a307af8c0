// Ghee as a benchmark child process:
// `node bench/ghee-server.js <DATABASE_URL> [--no-auth | --no-auth-metering] [--media-dir=<dir>]`.
// Prints one JSON line `{"address": ...}` once it listens; stops on SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCaller } from '../dist/accounts/find-caller.js';
import { attachScheduler } from '../dist/blog/scheduler/attach-scheduler.js';
import { loadConfig } from '../dist/config.js';
import { createServer } from '../dist/server.js';

const [databaseUrl, ...flags] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: node bench/ghee-server.js <DATABASE_URL> [--no-auth | --no-auth-metering]');

// `--media-dir=<dir>` serves a media folder the benchmark filled (bench/images.js), kept at the end.
const givenMediaDir = flags.find((f) => f.startsWith('--media-dir='))?.slice('--media-dir='.length);
const mediaDir = givenMediaDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-bench-media-'));
// Requests are not logged (LOG_LEVEL=warn), as in any load test; a fixed public URL keeps the
// answers byte-identical whatever port the server gets.
const config = loadConfig(process.env, {
  databaseUrl,
  port: 0,
  host: '127.0.0.1',
  logLevel: 'warn',
  mediaDir,
  publicUrl: 'http://ghee.bench',
});
const { app, ctx } = await createServer(config);

// Benchmark only, to measure what authentication and metering cost: `--no-auth` looks the token
// up once and serves it from memory (the `findCaller` seam of the app context), and
// `--no-auth-metering` also makes metering a no-op that counts nothing and sends no headers.
if (flags.includes('--no-auth') || flags.includes('--no-auth-metering')) {
  const callers = new Map();
  ctx.findCaller = async (token) => {
    if (!callers.has(token)) callers.set(token, await findCaller(ctx.store.db, token));
    return callers.get(token);
  };
}
if (flags.includes('--no-auth-metering')) ctx.meter = { count: async () => ({}) };

// As `listen()` in src/server.ts, which does not hand out the context.
const scheduler = attachScheduler(app, ctx, {});
const address = await app.listen({ port: config.port, host: config.host });
scheduler.start();
process.stdout.write(`${JSON.stringify({ address, pid: process.pid })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await ctx.store.close();
  if (!givenMediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGTERM', stop);
// Never outlive the benchmark: run.js holds our stdin open until it is gone.
process.stdin.on('end', stop).resume();
