import type { ApiCall, Endpoint } from '../../http/define-routes.js';
import { parseExpiresIn } from '../../preview/expires-in.js';
import { mintPreviewToken } from '../../preview/mint-preview-token.js';
import { bodyObject } from '../write/body.js';

/** POST /v2/preview-tokens/: a write token mints a preview token of its account (docs/api.md §13.4). */
export const mintPreviewTokenEndpoint: Endpoint = {
  auth: 'write',
  async handle({ ctx, caller, request }: ApiCall) {
    const body = bodyObject(request.body, ['expires_in']);
    const expiresIn = parseExpiresIn(body.expires_in, ctx.config.previewTokenTtl);
    return { status: 201, body: await mintPreviewToken(ctx.store.db, caller.accountId, expiresIn, ctx.clock()) };
  },
};
