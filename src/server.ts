import type { FastifyInstance } from 'fastify';
import { SchemaCache } from './content/account-schema.js';
import type { Config } from './config.js';
import { buildApp } from './http/app.js';
import { openStore, type Store } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { systemClock, type Clock } from './time.js';
import type { AppContext } from './http/context.js';
import { openMediaStore } from './media/open-media-store.js';
import { mediaIngester } from './media/media-ingester.js';
import { createImageService } from './images/create-image-service.js';
import { configurePlans } from './accounts/plans.js';
import { configureHtmlLimits } from './content/write/html-limits.js';
import { configureSvgLimits } from './media/svg/svg-limits.js';
import { configureTrashDays } from './history/trash/trash-days.js';
import { Meter } from './quota/meter.js';
import { CallerCache } from './accounts/caller-cache.js';
import { ResponseCache } from './cache/response-cache.js';
import { ScheduleGate } from './scheduling/schedule-gate.js';
import { attachScheduler } from './blog/scheduler/attach-scheduler.js';
import { attachDispatcher } from './webhooks/attach-dispatcher.js';
import { attachHousekeeper } from './history/retention/attach-housekeeper.js';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** The address it listens on, e.g. http://127.0.0.1:8080 */
  address: string;
  close(): Promise<void>;
}

/** Opens the database, migrates it and builds the app (not yet listening). */
export async function createServer(config: Config, options: { clock?: Clock; logger?: boolean; store?: Store } = {}) {
  configurePlans(config.plansFile);
  configureHtmlLimits({ maxBytes: config.htmlMaxBytes, maxDepth: config.htmlMaxDepth });
  configureSvgLimits({ maxBytes: config.svgMaxBytes });
  configureTrashDays(config.trashDays);
  const store =
    options.store ?? openStore(config.databaseUrl, { statementTimeoutMs: config.databaseStatementTimeoutMs });
  await migrateToLatest(store);
  const clock = options.clock ?? systemClock;
  // Reads PUBLIC_URL at each use, so a server that learns its address only once listening builds the right URLs.
  const media = openMediaStore(config);
  const meter = new Meter(store.db, clock, config.usageFlushMs);
  const ctx: AppContext = {
    config,
    store,
    media,
    meter,
    clock,
    callers: new CallerCache(store.db, store.dataVersion ?? null),
    schedule: new ScheduleGate(store.db),
    cache: new ResponseCache(store.db, config.cacheMaxMb * 1024 * 1024, clock),
    schemas: new SchemaCache(store.db),
    ingestMedia: mediaIngester(config, media),
    images: createImageService(config, store.db, media),
  };
  const app = buildApp(ctx, options.logger === undefined ? {} : { logger: options.logger });
  // The database may go away and come back while the process runs (docs/operations.md): say so.
  store.health.onConnectionLost = (error) =>
    app.log.warn({ err: error }, 'database connection lost (a new one is opened on demand)');
  meter.start((error) => app.log.warn({ err: error }, 'usage counts not flushed (kept for the next flush)'));
  // Counts still in memory are written when the server closes (before the store is closed).
  app.addHook('onClose', () => meter.stop());
  return { app, store, ctx };
}

/** Starts listening; closing stops accepting, finishes in-flight requests, then closes the database. */
export async function listen(
  config: Config,
  options: { clock?: Clock; logger?: boolean; schedulerIntervalMs?: number } = {},
): Promise<RunningServer> {
  const { app, store, ctx } = await createServer(config, options);
  // Scheduled posts are published by every serving process; a database lease lets one act at a time.
  const scheduler = attachScheduler(app, ctx, { intervalMs: options.schedulerIntervalMs });
  // Webhook deliveries go out from every serving process; a lease per delivery keeps them apart.
  const dispatcher = attachDispatcher(app, ctx);
  // History retention runs in every serving process; a database lease lets one prune at a time.
  const housekeeper = attachHousekeeper(app, ctx);
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use: nothing opened so far may keep the process alive (a pool's idle connections).
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  // On port 0 the default PUBLIC_URL names port 0: use the port actually bound instead.
  const bound = app.server.address();
  if (config.port === 0 && config.publicUrl === 'http://localhost:0' && bound && typeof bound === 'object') {
    config.publicUrl = `http://localhost:${bound.port}`;
  }
  scheduler.start();
  dispatcher.start();
  housekeeper.start();
  return {
    app,
    store,
    address,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
