import type { FastifyInstance } from 'fastify';
import { PlanFeatureError } from '../../accounts/manage-tokens.js';
import { bodyObject } from '../../api/write/body.js';
import type { AppContext } from '../../http/context.js';
import { DELIVERY_STATUSES as STATUSES } from '../../shared/webhooks.js';
import { listDeliveries, replayDelivery } from '../../webhooks/delivery-log.js';
import { testWebhook } from '../../webhooks/test-webhook.js';
import { ALL_EVENTS, checkEvents, checkHeaders, checkUrl, WebhookInputError } from '../../webhooks/webhook-input.js';
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  updateWebhook,
  type WebhookSettings,
} from '../../webhooks/webhook-store.js';
import { adminErrors, messages, webhookMessages } from '../../errors/index.js';
import { adminRoutes, type AccountCall } from '../admin-routes.js';
import { listMeta, parsePagination } from '../content-params.js';
import { pathId } from '../path-id.js';
import { sessionActor } from '../session-actor.js';

const BASE = '/admin/api/accounts/:accountId/webhooks';
const KEYS = ['url', 'events', 'headers', 'enabled'];

/** The settings of a body (only those sent), as field errors or the plan's 403. */
async function settings(ctx: AppContext, body: unknown, creating: boolean): Promise<Partial<WebhookSettings>> {
  const b = bodyObject(body, KEYS);
  try {
    if (creating && b.url === undefined) throw new WebhookInputError('url', messages.required);
    if (b.enabled !== undefined && typeof b.enabled !== 'boolean')
      throw new WebhookInputError('enabled', webhookMessages.enabled);
    return {
      ...(b.url !== undefined && { url: await checkUrl(b.url, ctx.config.webhookAllowPrivate) }),
      ...(b.events !== undefined ? { events: checkEvents(b.events) } : creating && { events: ALL_EVENTS }),
      ...(b.headers !== undefined ? { headers: checkHeaders(b.headers) } : creating && { headers: {} }),
      ...(b.enabled !== undefined ? { enabled: b.enabled as boolean } : creating && { enabled: true }),
    };
  } catch (error) {
    if (error instanceof WebhookInputError) throw adminErrors.field(error.field, error.message);
    throw error;
  }
}

/** The account's webhook named in the path, or the 404. */
async function hookOf(call: AccountCall) {
  const hook = await findWebhook(call.ctx.store.db, call.account.id, pathId(call.params.webhookId));
  if (!hook) throw adminErrors.notFound();
  return hook;
}

/** What an attempt made from the admin API uses: the server's WEBHOOK_* settings. */
function attemptOptions(ctx: AppContext) {
  const c = ctx.config;
  return {
    allowPrivate: c.webhookAllowPrivate,
    maxAgeMs: c.webhookMaxAgeMs,
    backoffMs: c.webhookBackoffMs,
    holder: 'admin-api',
    now: ctx.clock,
  };
}

/** Settings > Webhooks (admin): list, add (plan-gated), edit, remove, test, the delivery log, replay. */
export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  adminRoutes(app, ctx, BASE, {
    GET: {
      access: 'admin',
      handle: async ({ account }) => ({ body: { data: await listWebhooks(ctx.store.db, account.id) } }),
    },
    POST: {
      access: 'admin',
      async handle(call) {
        const { request, account } = call;
        const s = (await settings(ctx, request.body, true)) as WebhookSettings;
        try {
          const created = await createWebhook(ctx.store.db, account, s, sessionActor(call), ctx.clock());
          return { status: 201, body: { data: created } };
        } catch (error) {
          if (error instanceof PlanFeatureError) throw adminErrors.forbidden();
          throw error;
        }
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:webhookId`, {
    GET: { access: 'admin', handle: async (call) => ({ body: { data: await hookOf(call) } }) },
    PUT: {
      access: 'admin',
      async handle(call) {
        const hook = await hookOf(call);
        return {
          body: {
            data: await updateWebhook(
              ctx.store.db,
              call.account.id,
              hook.id,
              await settings(ctx, call.request.body, false),
              sessionActor(call),
            ),
          },
        };
      },
    },
    DELETE: {
      access: 'admin',
      async handle(call) {
        if (!(await deleteWebhook(ctx.store.db, call.account.id, pathId(call.params.webhookId), sessionActor(call))))
          throw adminErrors.notFound();
        return null;
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:webhookId/test`, {
    POST: {
      access: 'admin',
      handle: async (call) => ({
        body: { data: await testWebhook(ctx.store.db, await hookOf(call), attemptOptions(ctx)) },
      }),
    },
  });

  adminRoutes(app, ctx, `${BASE}/:webhookId/deliveries`, {
    GET: {
      access: 'admin',
      async handle(call) {
        const hook = await hookOf(call);
        const status = call.query.status;
        if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
          throw adminErrors.invalidDeliveryStatus(STATUSES);
        const p = parsePagination(call.query);
        const { rows, count } = await listDeliveries(ctx.store.db, hook.id, {
          status: status as (typeof STATUSES)[number] | undefined,
          limit: p.limit,
          offset: p.offset,
        });
        return { body: { meta: listMeta(p, count), data: rows } };
      },
    },
  });

  adminRoutes(app, ctx, `${BASE}/:webhookId/deliveries/:deliveryId/replay`, {
    POST: {
      access: 'admin',
      async handle(call) {
        const hook = await hookOf(call);
        const replayed = await replayDelivery(
          ctx.store.db,
          hook.id,
          pathId(call.params.deliveryId),
          ctx.clock(),
          ctx.config.webhookMaxAgeMs,
        );
        if (!replayed) throw adminErrors.notFound();
        return { body: { data: replayed } };
      },
    },
  });
}
