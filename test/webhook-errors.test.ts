// What a failed webhook delivery says (docs/webhooks.md): the delivery log's `last_error` names
// what happened, through the admin API's test send: never the media downloader's "Could not
// download the file", a stack trace or a bare error code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { freePort } from './helpers/process.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.js';

describe.each(DIALECTS)('webhook delivery errors (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let receiver: Receiver;
  let closedPort: number;
  let base: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { webhookAllowPrivate: true } });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    receiver = await startReceiver();
    closedPort = await freePort();
    base = `/admin/api/accounts/${s.demo.id}/webhooks`;
  });

  afterAll(async () => {
    await s?.close();
    await receiver?.close();
  });

  /** Adds a webhook to `url`, sends it the test event and returns the delivery as the log shows it. */
  async function testSend(url: string, answers: number[] = []) {
    const hook = await admin.request('POST', base, { url });
    expect(hook.status).toBe(201);
    receiver.answers.push(...answers);
    const sent = await admin.request('POST', `${base}/${hook.body.data.id}/test`);
    expect(sent.status).toBe(200);
    const { status, last_status, last_error } = sent.body.data;
    return { status, last_status, last_error };
  }

  it('a port nobody listens on: "Could not reach" the host and port, connection refused; retried', async () => {
    expect(await testSend(`http://127.0.0.1:${closedPort}/hook`)).toEqual({
      status: 'failed',
      last_status: null,
      last_error: `Could not reach 127.0.0.1:${closedPort}: connection refused`,
    });
  });

  it('a host name that does not resolve: "Could not reach" it, host not found', async () => {
    expect(await testSend('http://ghee-no-such-host.invalid/hook')).toEqual({
      status: 'failed',
      last_status: null,
      last_error: 'Could not reach ghee-no-such-host.invalid: host not found',
    });
  });

  it.for([
    [500, 'failed', 'Answered 500: ok'],
    [503, 'failed', 'Answered 503: ok'],
    [404, 'dead', 'Answered 404: ok'],
    [302, 'dead', 'Answered 302 (redirects are not followed): ok'],
  ] as const)('a receiver answering %i: %s, and its last_error says "%s"', async ([code, status, error]) => {
    expect(await testSend(receiver.url, [code])).toEqual({ status, last_status: code, last_error: error });
  });

  it('a receiver answering 200: delivered, no error', async () => {
    expect(await testSend(receiver.url)).toEqual({ status: 'delivered', last_status: 200, last_error: null });
  });
});
