import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';
import { GONE, HOSTILE, KEPT, REFUSED, svg, svgOrigin, WITH_PNG } from './helpers/svg-samples.js';

// SVG downloaded from a media field's URL in a content write (docs/security.md, SVG files): the
// same sanitiser as uploads, the same served file; a refused SVG is the field's 400, with why.

const LIMIT = 256 * 1024;
const files: Record<string, string | Buffer> = {
  '/plain.svg': svg('<circle r="1"/>'),
  '/png.svg': WITH_PNG,
  '/big.svg': svg(`<desc>${'a'.repeat(LIMIT)}</desc>`),
};
HOSTILE.forEach(([, file], i) => (files[`/hostile/${i}.svg`] = file));
REFUSED.forEach(([, file], i) => (files[`/refused/${i}.svg`] = file));

describe.each(DIALECTS)('SVG in media fields of writes (%s)', (dialect) => {
  let s: TestServer;
  let origin: Awaited<ReturnType<typeof svgOrigin>>;
  let brand: string;

  beforeAll(async () => {
    s = await demoServer(dialect, { config: { svgMaxBytes: LIMIT } });
    origin = await svgOrigin(files);
    brand = `/v2/content/brands/${(await s.get('/v2/content/brands/')).body.data.brands[0].meta.id}/`;
  });
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });

  /** Writes the URL into the brand's logo; on success, GETs the stored file back. */
  async function writeLogo(path: string) {
    const write = await s.send('PATCH', brand, { fields: { logo: `${origin.base}${path}` } });
    if (write.status !== 202) return { write, served: null };
    const logo: string = (await s.get(`${brand}?preview=1`)).body.data.logo;
    expect(logo).toMatch(new RegExp(`^${PUBLIC_URL}/media/[0-9a-f]{64}\\.svg$`));
    const served = await s.app.inject({ method: 'GET', url: logo.slice(PUBLIC_URL.length) });
    expect(served.statusCode).toBe(200);
    return { write, served };
  }

  it.for(HOSTILE.map(([name], i) => [name, i] as const))('strips %s', async ([, i]) => {
    const { write, served } = await writeLogo(`/hostile/${i}.svg`);
    expect(write.status).toBe(202);
    expect(served!.body).not.toMatch(GONE);
    for (const kept of KEPT) expect(served!.body).toContain(kept);
  });

  it('serves a downloaded SVG with the policy that allows no script', async () => {
    const { served } = await writeLogo('/plain.svg');
    expect(served!.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'x-content-type-options': 'nosniff',
    });
    expect(served!.body).toContain('<circle r="1"/>');
  });

  it('keeps an inline PNG', async () => {
    expect((await writeLogo('/png.svg')).served!.body).toContain('<image href="data:image/png;base64,');
  });

  it.for(REFUSED.map(([name, , message], i) => [name, i, message] as const))(
    'refuses %s as the field error, changing nothing',
    async ([, i, message]) => {
      const before = (await s.get(`${brand}?preview=1`)).body.data;
      const { write } = await writeLogo(`/refused/${i}.svg`);
      expect({ status: write.status, body: write.body }).toEqual({
        status: 400,
        body: { detail: { fields: { logo: [message] } } },
      });
      expect((await s.get(`${brand}?preview=1`)).body.data).toEqual(before);
    },
  );

  it('refuses an SVG over SVG_MAX_BYTES', async () => {
    const { write } = await writeLogo('/big.svg');
    expect({ status: write.status, body: write.body }).toEqual({
      status: 400,
      body: { detail: { fields: { logo: ['SVG file is larger than 262144 bytes'] } } },
    });
  });
});
