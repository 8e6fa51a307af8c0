import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { demoSlugs } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `ghee account set-site ID [--site-url URL|none] [--feed-title TITLE|none]`: the feeds' site
// settings from the CLI, on the database a server is serving (its own connection, as another
// process's): the served feeds change from the next request, cached or not.

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'item',
});
const URL_TEXT = 'Enter an absolute http or https URL, such as https://www.example.com.';

describe.each(DIALECTS)('ghee account set-site (%s)', (dialect) => {
  let s: TestServer;
  let id: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    id = String(s.demo.id);
  });
  afterAll(async () => s?.close());

  async function ghee(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig(
        {},
        { databaseUrl: s.store.url, dataDir: '/nonexistent', mediaDir: s.ctx.config.mediaDir, logLevel: 'silent' },
      ),
    };
    const code = await main(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const rss = async () => {
    const r = await s.get('/v2/feeds/rss/');
    return { channel: parser.parse(r.body.data).rss.channel, cache: r.headers['x-ghee-cache'] };
  };
  const stored = () =>
    s.store.db
      .selectFrom('accounts')
      .select(['site_url', 'feed_title'])
      .where('id', '=', s.demo.id)
      .executeTakeFirstOrThrow();

  it('without flags, shows the settings: none yet', async () => {
    expect(await ghee('account', 'set-site', id)).toEqual({
      code: 0,
      stderr: '',
      stdout: `account ${id}: site URL (none: feed links are relative), feed title (none: "Latest blog posts")`,
    });
  });

  it('sets both; a feed the server has cached changes at its next request', async () => {
    await rss();
    expect((await rss()).cache).toBe('hit');
    const set = await ghee(
      'account',
      'set-site',
      id,
      '--site-url',
      'https://blog.example.org/',
      '--feed-title',
      'Ghee notes',
      '--json',
    );
    expect(set).toEqual({
      code: 0,
      stderr: '',
      stdout: JSON.stringify({ account: s.demo.id, site_url: 'https://blog.example.org', feed_title: 'Ghee notes' }),
    });
    const after = await rss();
    expect(after.cache).toBe('miss');
    expect([after.channel.title, after.channel.link, after.channel.item[0].link]).toEqual([
      'Ghee notes',
      'https://blog.example.org/blog/rss/',
      `https://blog.example.org/blog/${demoSlugs()[0]}`,
    ]);
  });

  it('shows what is set, in words', async () => {
    expect((await ghee('account', 'set-site', id)).stdout).toBe(
      `account ${id}: site URL https://blog.example.org, feed title "Ghee notes"`,
    );
  });

  it('`none` unsets one setting and leaves the other', async () => {
    expect((await ghee('account', 'set-site', id, '--site-url', 'none')).code).toBe(0);
    expect(await stored()).toEqual({ site_url: null, feed_title: 'Ghee notes' });
    const after = await rss();
    expect([after.channel.title, after.channel.link]).toEqual(['Ghee notes', 'rss/']);
  });

  it('refused values: exit 1, every one named by its flag, nothing changed', async () => {
    const bad = await ghee(
      'account',
      'set-site',
      id,
      '--site-url',
      'ftp://example.org',
      '--feed-title',
      'x'.repeat(201),
    );
    expect(bad).toEqual({
      code: 1,
      stdout: '',
      stderr: `--site-url: ${URL_TEXT}\n--feed-title: Ensure this field has no more than 200 characters.`,
    });
    const half = await ghee(
      'account',
      'set-site',
      id,
      '--site-url',
      'https://ok.example',
      '--feed-title',
      'bell\u0007',
    );
    expect(half).toEqual({ code: 1, stdout: '', stderr: '--feed-title: Control characters are not allowed.' });
    expect(await stored()).toEqual({ site_url: null, feed_title: 'Ghee notes' });
  });

  it('an unknown account: exit 1', async () => {
    expect(await ghee('account', 'set-site', '999999', '--feed-title', 'x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No account with id 999999',
    });
    expect(await ghee('account', 'set-site', '999999')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No account with id 999999',
    });
  });

  const USAGE = 'usage: ghee account set-site ID [--site-url URL|none] [--feed-title TITLE|none] [--json]';
  it.for([
    ['no ID', ['--feed-title', 'x'], USAGE],
    ['two IDs', ['<id>', '<id>'], USAGE],
    ['an unknown flag', ['<id>', '--title', 'x'], `${USAGE}\nUnknown option '--title'`],
    ['an ID that is no number', ['two'], 'ID takes a whole number, not "two"'],
  ] as const)('%s: exit 2 with the usage', async ([, args, text]) => {
    const r = await ghee('account', 'set-site', ...args.map((a) => (a === '<id>' ? id : a)));
    expect(r.code).toBe(2);
    expect(r.stderr.slice(0, text.length)).toBe(text);
    expect(await stored()).toEqual({ site_url: null, feed_title: 'Ghee notes' });
  });
});
