import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureSvgLimits } from '../src/media/svg/svg-limits.js';
import { svgFilesInFlight } from '../src/media/svg/svg-pool.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { PNG } from './helpers/media-samples.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { heavySvg, svg, svgOrigin, uploadRaw } from './helpers/svg-samples.js';

// SVG sanitising is bounded work off the event loop (docs/security.md, SVG files): the server
// answers while a costly file is sanitised, a full queue is a 503 with Retry-After, and a file
// past the time bound is refused with its thread stopped. The limits are set per test (in force
// for the process, as the server sets them at start-up).

/** Within every limit, yet seconds of a thread: 20,000 elements in chains 60 deep. */
const HEAVY = heavySvg(20_000);
const BUSY = 'Too many SVG files are being sanitised right now. Please try again in a few seconds.';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(10);
}

describe.each(DIALECTS)('SVG sanitising limits (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let origin: Awaited<ReturnType<typeof svgOrigin>>;
  let brand: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    origin = await svgOrigin({ '/heavy.svg': HEAVY, '/plain.svg': svg('<circle r="1"/>') });
    brand = `/v2/content/brands/${(await s.get('/v2/content/brands/')).body.data.brands[0].meta.id}/`;
  });
  afterEach(() => configureSvgLimits({}));
  afterAll(async () => {
    await s?.close();
    await origin?.close();
  });

  it('answers /healthz while a costly SVG is being sanitised', { timeout: 120_000 }, async () => {
    configureSvgLimits({ timeoutMs: 100_000 });
    let settled = false;
    const upload = uploadRaw(s.app, editor, s.demo.id, HEAVY).finally(() => (settled = true));
    await until(() => svgFilesInFlight() > 0);
    const health = await s.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);
    expect((await upload).status).toBe(201);
  });

  it(
    'refuses SVG files past the queue with 503 and Retry-After, in uploads and writes alike',
    { timeout: 120_000 },
    async () => {
      configureSvgLimits({ threads: 1, queue: 0, timeoutMs: 100_000 });
      const heavy = uploadRaw(s.app, editor, s.demo.id, HEAVY);
      await until(() => svgFilesInFlight() === 1);

      const upload = await uploadRaw(s.app, editor, s.demo.id, svg('<circle r="2"/>'));
      expect({ status: upload.status, retry: upload.headers['retry-after'], body: upload.body }).toEqual({
        status: 503,
        retry: '5',
        body: { detail: BUSY, code: 'svg_busy' },
      });
      const write = await s.send('PATCH', brand, { fields: { logo: `${origin.base}/plain.svg` } });
      expect({ status: write.status, retry: write.headers['retry-after'], body: write.body }).toEqual({
        status: 503,
        retry: '5',
        body: { detail: BUSY },
      });
      // Other types do not wait for SVG.
      expect((await uploadRaw(s.app, editor, s.demo.id, PNG)).status).toBe(201);

      expect((await heavy).status).toBe(201);
      expect(svgFilesInFlight()).toBe(0);
      expect((await s.send('PATCH', brand, { fields: { logo: `${origin.base}/plain.svg` } })).status).toBe(202);
    },
  );

  it('refuses an SVG past the time bound, and the next file gets a fresh thread', { timeout: 120_000 }, async () => {
    configureSvgLimits({ timeoutMs: 200 });
    const slow = await s.send('PATCH', brand, { fields: { logo: `${origin.base}/heavy.svg` } });
    expect({ status: slow.status, body: slow.body }).toEqual({
      status: 400,
      body: { detail: { fields: { logo: ['SVG file refused: it could not be sanitised within 0.2 s'] } } },
    });
    configureSvgLimits({});
    const upload = await uploadRaw(s.app, editor, s.demo.id, svg('<circle r="3"/>'));
    expect(upload.status).toBe(201);
    const served = await s.app.inject({ method: 'GET', url: new URL(upload.body.data.url).pathname });
    expect(served.body).toContain('<circle r="3"/>');
  });
});
