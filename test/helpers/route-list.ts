import type { FastifyInstance } from 'fastify';

/** A registered route: its path template (`/v2/pages/:type/:slug`) and methods. */
export interface RouteTemplate {
  path: string;
  methods: string[];
}

const LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the app has registered, read from Fastify's own route tree (`printRoutes`), so a
 * route added later is fuzzed without anyone listing it. Alternatives in a segment
 * (`:keys|:key`) keep their first name.
 */
export function listRoutes(app: FastifyInstance): RouteTemplate[] {
  const stack: string[] = [];
  const routes: RouteTemplate[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!.replace(/:(\w+)\|:\w+/g, ':$1'));
    if (match[3]) routes.push({ path: stack.join(''), methods: match[3].split(', ') });
  }
  return routes;
}

/**
 * The same routes with only the methods that do something: a route answers its other methods
 * with 405 before any other check, so one request per method tells them apart.
 */
export async function withServedMethods(app: FastifyInstance, routes: RouteTemplate[]): Promise<RouteTemplate[]> {
  const out: RouteTemplate[] = [];
  for (const route of routes) {
    const url = route.path.replace(/:\w+|\*/g, 'x');
    const methods: string[] = [];
    for (const method of route.methods) {
      const res = await app.inject({ method: method as 'GET', url });
      if (res.statusCode !== 405) methods.push(method);
    }
    out.push({ path: route.path, methods: methods.length ? methods : route.methods });
  }
  return out;
}
