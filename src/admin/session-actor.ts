import { userActor, type Actor } from '../audit/actor.js';
import type { AccountCall } from './admin-routes.js';

/** The signed-in user of a dashboard call, as the actor its versions and audit records name. */
export function sessionActor(call: Pick<AccountCall, 'session' | 'request'>): Actor {
  return userActor(call.session, call.request);
}
