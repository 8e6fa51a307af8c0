import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.js';
import { registerCollections } from './collections/routes.js';
import { registerPages } from './pages/routes.js';

/** Registers every /v2 endpoint. */
export function registerV2(app: FastifyInstance, ctx: AppContext): void {
  registerPages(app, ctx);
  registerCollections(app, ctx);
}
