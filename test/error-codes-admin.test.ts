import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, demoAdmin, type AdminClient, type AdminReply } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import type { TestServer } from './helpers/server.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

// The admin API sends the error's code beside `detail`, for the dashboard to decide on
// (docs/admin-api.md, Error codes); /v2 answers stay `{"detail": ...}` alone, as ButterCMS's.

const NO_CREDENTIALS = 'Authentication credentials were not provided';
const TOO_LARGE = 'URL and headers too large: at most 16 KB';

describe.each(DIALECTS)('error codes (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let anonymous: AdminClient;
  let base: string;

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
    anonymous = await anonymousClient(s.app);
  });
  afterAll(async () => s?.close());

  const answers: Array<[string, () => Promise<AdminReply>, number, unknown, string]> = [
    ['no session', () => anonymous.get(`${base}/settings`), 401, NO_CREDENTIALS, 'not_signed_in'],
    [
      'a wrong password',
      () => anonymous.signIn('admin@nowhere.test', 'wrong password'),
      401,
      'Invalid email or password',
      'bad_credentials',
    ],
    [
      'no CSRF token',
      () => admin.request('PUT', `${base}/settings`, {}, { csrf: null }),
      403,
      'CSRF Failed: CSRF token missing or incorrect.',
      'csrf_token',
    ],
    ['an unknown path', () => admin.get('/admin/api/nope'), 404, 'Not found', 'not_found'],
    [
      'another method',
      () => admin.request('POST', `${base}/settings`, {}),
      405,
      'Method "POST" not allowed.',
      'method_not_allowed',
    ],
    [
      'field errors',
      () => admin.request('PUT', `${base}/settings`, { feed_title: 7 }),
      400,
      { fields: { feed_title: ['Not a valid string.'] } },
      'validation',
    ],
    [
      'an unknown body key',
      () => admin.request('PUT', `${base}/settings`, { colour: 'red' }),
      400,
      "Unknown key 'colour' in request body",
      'unknown_body_key',
    ],
    [
      'an invitation link that is not valid',
      () => anonymous.get('/admin/api/invitations/nope'),
      404,
      'This invitation link is not valid: it was already used, revoked or replaced, or it has expired.',
      'invitation_not_found',
    ],
  ];

  it.for(answers)('admin API, %s: {"detail", "code"}', async ([, request, status, detail, code]) => {
    const res = await request();
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { detail, code } });
  });

  it('admin API, another method: the Allow header still comes from the error', async () => {
    expect((await admin.request('POST', `${base}/settings`, {})).headers.allow).toBe('GET, PUT, HEAD');
  });

  it.for([
    ['no token', null, '/v2/pages/landing_page/launch/', 401, NO_CREDENTIALS],
    ['a missing page', undefined, '/v2/pages/landing_page/nope/', 404, 'Page matching query does not exist'],
    [
      'a bad parameter',
      undefined,
      '/v2/pages/landing_page/?levels=9',
      400,
      'levels query parameter should be an integer between 1 and 5 (inclusive)',
    ],
  ] as const)('/v2, %s: {"detail"} alone', async ([, token, url, status, detail]) => {
    const res = await s.get(url, token);
    expect({ status: res.status, body: res.body }).toEqual({ status, body: { detail } });
  });

  it('/v2 without a token still says which credential it wants', async () => {
    expect((await s.get('/v2/pages/landing_page/launch/', null)).headers['www-authenticate']).toBe('Token');
  });
});

describe.each(DIALECTS)('error codes of requests the HTTP parser refuses (%s)', (dialect) => {
  let server: SocketServer;
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
  });
  afterAll(async () => server?.close());

  it.for([
    ['/admin/api/', { detail: TOO_LARGE, code: 'headers_too_large' }],
    ['/v2/pages/', { detail: TOO_LARGE }],
  ] as const)('a URL over 16 KB under %s', async ([prefix, body]) => {
    const res = await fetch(`${server.url}${prefix}${'a'.repeat(17_000)}/`, { signal: AbortSignal.timeout(10_000) });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 431, body });
  });
});
