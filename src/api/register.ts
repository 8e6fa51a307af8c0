import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.js';

/** Registers every /v2 endpoint. */
export function registerV2(app: FastifyInstance, ctx: AppContext): void {
  void app;
  void ctx;
}
