import { tokenActor, type Actor } from '../../audit/actor.js';
import type { ApiCall } from '../../http/define-routes.js';

/** The write token of a /v2 call, as the actor its versions and audit records name. */
export function callerActor(call: Pick<ApiCall, 'caller' | 'request'>): Actor {
  const { caller, request } = call;
  return tokenActor({ id: caller.tokenId, kind: caller.tokenKind, label: caller.tokenLabel }, request);
}
