import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { anonymousClient, member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { accept, invite, LINK } from './helpers/invitations.js';
import { healthWhile } from './helpers/liveness.js';
import { freePort } from './helpers/process.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';
import { silentServer, smtpSink, type SmtpSink } from './helpers/smtp-sink.js';

// Invitation mails over SMTP_URL, to a real SMTP server the test starts on port 0. A mail that
// cannot go out (refused, nobody listening, a server that hangs) never loses the invitation or
// fails the request: the inviter still gets the link, and the answer says what became of the mail.

const FROM = 'Ghee Test <ghee@ghee.test>';

describe.each(DIALECTS)('invitation mails (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let sink: SmtpSink;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    sink = await smtpSink();
    s = await demoServer(dialect, { config: { smtpUrl: sink.url, mailFrom: FROM } });
    admin = await member(s.app, s.store, s.demo.id, 'admin');
  });

  afterEach(async () => {
    s.ctx.config.smtpUrl = sink.url;
    for (const close of closers.splice(0)) await close();
  });

  afterAll(async () => {
    await s?.close();
    await sink?.close();
  });

  it('sends the invitee a mail with the link, which works', async () => {
    const { res } = await invite(admin, s.demo.id, { email: 'Mailed@Example.test', role: 'editor' });
    expect(res.status).toBe(201);
    expect(res.body.data.mail).toBe('sent');
    const mail = await sink.next();
    expect(mail.from).toBe('ghee@ghee.test');
    expect(mail.to).toEqual(['mailed@example.test']);
    expect(mail.raw).toMatch(/^Subject: You are invited to Demo on Ghee\r$/m);
    expect(mail.raw).toMatch(/^From: Ghee Test <ghee@ghee\.test>\r$/m);
    expect(mail.raw).toContain(
      `admin@${s.demo.id}.test (admin@${s.demo.id}.test) invited you to join "Demo" on Ghee as editor.`,
    );
    const link = new RegExp(`${PUBLIC_URL}/admin/invite/[A-Za-z0-9_-]{43}`).exec(mail.raw)?.[0];
    expect(link).toBe(res.body.data.link);
    const token = LINK.exec(link!)![1]!;
    expect((await accept(await anonymousClient(s.app), token, { password: 'from the mail' })).status).toBe(200);
  });

  it('keeps a line break in the account name out of the headers (no injected Bcc)', async () => {
    await s.store.db
      .updateTable('accounts')
      .set({ name: 'Demo\r\nBcc: spy@evil.test' })
      .where('id', '=', s.demo.id)
      .execute();
    try {
      const { res } = await invite(admin, s.demo.id, { email: 'headers@example.test', role: 'viewer' });
      expect(res.body.data.mail).toBe('sent');
      const mail = await sink.next();
      expect(mail.to).toEqual(['headers@example.test']);
      expect(mail.raw).not.toMatch(/^Bcc:/im);
      expect(mail.raw).toMatch(/^Subject: You are invited to Demo Bcc: spy@evil\.test on Ghee\r$/m);
    } finally {
      await s.store.db.updateTable('accounts').set({ name: 'Demo' }).where('id', '=', s.demo.id).execute();
    }
  });

  it('sends to exactly the invited address, never to a list read out of it', async () => {
    const { res } = await invite(admin, s.demo.id, { email: 'spy,victim@example.test', role: 'viewer' });
    expect(res.body.data.mail).toBe('sent');
    expect((await sink.next()).to).toEqual(['spy,victim@example.test']);
  });

  it.for([
    [
      'refuses the recipient',
      async () => {
        const refusing = await smtpSink({ refuse: true });
        return { url: refusing.url, close: refusing.close };
      },
    ],
    ['is not listening', async () => ({ url: `smtp://127.0.0.1:${await freePort()}`, close: async () => {} })],
  ] as const)(
    'when the SMTP server %s: 201 with the link and "mail": "failed"; the invitation stands',
    async ([, start]) => {
      const server = await start();
      closers.push(server.close);
      s.ctx.config.smtpUrl = server.url;
      const email = `failed.${Math.random().toString(36).slice(2)}@example.test`;
      const { res, token } = await invite(admin, s.demo.id, { email, role: 'viewer' });
      expect(res).toMatchObject({
        status: 201,
        body: { data: { email, mail: 'failed', link: expect.stringMatching(LINK) } },
      });
      expect(
        (await admin.get(`/admin/api/accounts/${s.demo.id}/invitations`)).body.data.map((i: any) => i.email),
      ).toContain(email);
      expect((await accept(await anonymousClient(s.app), token, { password: 'still works' })).status).toBe(200);
    },
  );

  it('signs in to the SMTP server with the user and password of SMTP_URL (percent-encoded)', async () => {
    const guarded = await smtpSink({ auth: { user: 'mailer@ghee.test', pass: 'p@ss:w/rd %' } });
    closers.push(guarded.close);
    s.ctx.config.smtpUrl = guarded.url.replace(
      '//',
      `//${encodeURIComponent('mailer@ghee.test')}:${encodeURIComponent('p@ss:w/rd %')}@`,
    );
    const { res } = await invite(admin, s.demo.id, { email: 'authed@example.test', role: 'viewer' });
    expect(res.body.data.mail).toBe('sent');
    expect((await guarded.next()).to).toEqual(['authed@example.test']);
    s.ctx.config.smtpUrl = guarded.url.replace('//', '//mailer%40ghee.test:wrong@');
    expect((await invite(admin, s.demo.id, { email: 'authed@example.test', role: 'viewer' })).res.body.data.mail).toBe(
      'failed',
    );
  });

  it('gives up on a server that never answers within the bound, and the server stays responsive', async () => {
    const silent = await silentServer();
    closers.push(silent.close);
    s.ctx.config.smtpUrl = silent.url;
    const started = performance.now();
    const { result, slowestMs } = await healthWhile(
      s.app,
      () => invite(admin, s.demo.id, { email: 'hang@example.test', role: 'viewer' }),
      50,
    );
    const took = performance.now() - started;
    expect(result.res).toMatchObject({ status: 201, body: { data: { mail: 'failed' } } });
    // The greeting timeout (5 s) ends it, well inside the 15 s bound on any mail.
    expect(took).toBeGreaterThan(4_500);
    expect(took).toBeLessThan(15_000);
    expect(slowestMs).toBeLessThan(100);
  }, 30_000);

  it('`ghee user invite` prints the link and mails it when SMTP_URL is set', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig(
        {},
        { databaseUrl: s.store.url, dataDir: '/nonexistent', publicUrl: PUBLIC_URL, smtpUrl: sink.url, mailFrom: FROM },
      ),
    };
    const code = await main(
      [
        'user',
        'invite',
        '--account',
        String(s.demo.id),
        '--email',
        'cli.invite@example.test',
        '--role',
        'admin',
        '--json',
      ],
      io,
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const shown = JSON.parse(out.join('\n'));
    expect(shown).toEqual({
      id: expect.any(Number),
      email: 'cli.invite@example.test',
      role: 'admin',
      account: s.demo.id,
      expires: expect.any(String),
      link: expect.stringMatching(LINK),
      mail: 'sent',
    });
    const mail = await sink.next();
    expect(mail.raw).toContain(shown.link);
    expect(mail.raw).toContain('An administrator invited you to join "Demo" on Ghee as admin.');
  });
});
