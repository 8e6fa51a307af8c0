import os from 'node:os';

// Who made a change, as versions, trash rows, audit records and webhook payloads name them
// (docs/api.md §11). Every write path is given one; domain code never invents it.

export type ActorType = 'user' | 'token' | 'scheduler' | 'import';

export interface Actor {
  type: ActorType;
  /** A user's email (unique, where names are not), a token's label, `scheduler`, `import`. */
  name: string;
  /** The HTTP request's id (the `request-id` of logs), when a request made the change. */
  requestId: string | null;
  /** The client's address, when a request made the change. */
  client: string | null;
}

/** The parts of a Fastify request an actor keeps. */
export interface RequestOrigin {
  id: string;
  ip: string;
}

function origin(request: RequestOrigin | undefined) {
  return { requestId: request?.id ?? null, client: request?.ip ?? null };
}

/** A dashboard user, by email. */
export function userActor(user: { email: string }, request?: RequestOrigin): Actor {
  return { type: 'user', name: user.email, ...origin(request) };
}

/** An API token, by its label; one without a label by its kind and id. */
export function tokenActor(token: { id: number; kind: string; label: string }, request?: RequestOrigin): Actor {
  return { type: 'token', name: token.label || `${token.kind} token ${token.id}`, ...origin(request) };
}

/** The post scheduler's pass. */
export const SCHEDULER: Actor = { type: 'scheduler', name: 'scheduler', requestId: null, client: null };

/** `ghee import`, `ghee import-butter`, the demo seed: `what` names which. */
export function importActor(what = 'import'): Actor {
  return { type: 'import', name: what, requestId: null, client: null };
}

/** An operator on the machine running a CLI command (`ghee token create`), by the system user's name. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (a container's arbitrary user): the uid is still unnamed.
  }
  return { type: 'user', name: `cli:${user}`, requestId: null, client: null };
}
