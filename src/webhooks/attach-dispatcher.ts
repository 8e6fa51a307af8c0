import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Store } from '../store/database.js';
import type { Clock } from '../time.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * The webhook dispatcher of a serving process, configured from WEBHOOK_*, logged through the
 * app's logger and stopped by `app.close()` (before the database closes). Call before the app
 * listens; start it once it listens.
 */
export function attachDispatcher(
  app: FastifyInstance,
  ctx: { config: Config; store: Store; clock: Clock },
): WebhookDispatcher {
  const { config } = ctx;
  const dispatcher = new WebhookDispatcher(ctx.store, ctx.clock, {
    allowPrivate: config.webhookAllowPrivate,
    maxAgeMs: config.webhookMaxAgeMs,
    backoffMs: config.webhookBackoffMs,
    pollMs: config.webhookPollMs,
    onError: (error) => app.log.error({ err: error }, 'webhook dispatcher pass failed'),
  });
  app.addHook('onClose', () => dispatcher.stop());
  return dispatcher;
}
