import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database.js';
import type { Clock } from '../../time.js';
import { PostScheduler } from './post-scheduler.js';

/**
 * The post scheduler of a serving process, logged through the app's logger and stopped by
 * `app.close()` (before the database closes). Call before the app listens (Fastify takes no
 * hooks after that); start it once it listens.
 */
export function attachScheduler(
  app: FastifyInstance,
  ctx: { store: Store; clock: Clock },
  options: { intervalMs?: number } = {},
): PostScheduler {
  const scheduler = new PostScheduler(ctx.store.db, ctx.clock, {
    ...options,
    onApplied: (changes) => app.log.info({ changes }, 'scheduled changes applied'),
    onError: (error) => app.log.error({ err: error }, 'scheduler pass failed'),
  });
  app.addHook('onClose', () => scheduler.stop());
  return scheduler;
}
