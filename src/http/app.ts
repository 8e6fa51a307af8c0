import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { answerPreflight, isV2 } from './cors.js';
import { handleError } from './error-handler.js';
import { errors } from '../errors/index.js';
import { parseQueryString } from './query-string.js';
import { registerV2 } from '../api/register.js';
import { registerHealth } from './health.js';
import { registerMedia } from './media-routes.js';
import { registerAdmin } from '../admin/register.js';
import { registerAdminStatic } from './admin-static.js';
import { answerClientError } from './client-error.js';
import { dropMalformedContentType } from './content-type.js';
import { closeGracefully } from './graceful-close.js';
import { redactUrl } from './redact-url.js';

/** Builds the Fastify app: the /v2 API with its error contract, CORS and request ids. */
export function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                id: req.id,
              }),
            },
          },
    genReqId: () => randomUUID(),
    bodyLimit: ctx.config.bodyLimit,
    // Params up to Node's 16 KiB header limit: a very long slug is a lookup miss (404), not a 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16_384, querystringParser: parseQueryString },
    // While closing, requests on open connections are served with `Connection: close` (graceful-close.ts).
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
    // Requests Node's parser refuses (431, malformed) get the one error format too.
    // Fastify calls it bound to the instance.
    clientErrorHandler(error, socket) {
      answerClientError(error, socket, (this as unknown as FastifyInstance).log);
    },
  });
  closeGracefully(app);

  app.addHook('onRequest', async (request, reply) => {
    dropMalformedContentType(request.headers);
    reply.header('x-request-id', request.id);
    if (isV2(request.url)) reply.header('access-control-allow-origin', '*');
  });
  // Bodies are JSON whatever Content-Type says (curl users forget the header); bad JSON is a 400.
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(errors.jsonParse(), undefined);
    }
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'OPTIONS' && isV2(request.url) && request.headers['access-control-request-method']) {
      return answerPreflight(reply);
    }
    throw errors.notFound();
  });

  registerHealth(app, ctx);
  registerV2(app, ctx);
  registerMedia(app, ctx.media, ctx.images);
  registerAdmin(app, ctx);
  registerAdminStatic(app);
  return app;
}
