import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import type { Clock } from '../../time.js';
import { HistoryHousekeeper } from './history-housekeeper.js';

/**
 * The history housekeeper of a serving process, logged through the app's logger and stopped by
 * `app.close()` (before the database closes). Call before the app listens (Fastify takes no
 * hooks after that); start it once it listens.
 */
export function attachHousekeeper(
  app: FastifyInstance,
  ctx: { store: Store; clock: Clock; config: Config },
): HistoryHousekeeper {
  const housekeeper = new HistoryHousekeeper(ctx.store.db, ctx.clock, {
    intervalMs: ctx.config.historyPruneMs,
    auditRetentionDays: ctx.config.auditRetentionDays,
    onPruned: (report) => app.log.info(report, 'history retention removed old versions, audit records or trash'),
    onError: (error) => app.log.error({ err: error }, 'history retention pass failed'),
  });
  app.addHook('onClose', () => housekeeper.stop());
  return housekeeper;
}
