// The image service (docs/api.md §11) on the SQLite database: the first render of a derivative,
// and a cached derivative served against an original of the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { LocalMediaStore } from '../dist/media/local-media-store.js';
import { loadRun } from './measure.js';
import { startServer, stopServer } from './processes.js';
import { spread, summarise } from './stats.js';

/** Distinct first renders timed, one after the other (the smoke: a few). */
const RENDERS = 30;
const SATURATE = 50;

/**
 * A 2000 x 1500 JPEG that compresses like a photo (about 550 KB; 23 KB as 400 px WebP): flat
 * shapes under a smooth texture (noise drawn at 100 x 75, enlarged) and a fine grain.
 */
async function photo() {
  const noise = (width, height, sigma) =>
    sharp({
      create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma } },
    });
  const texture = await noise(100, 75, 40).resize(2000, 1500, { kernel: 'cubic' }).png().toBuffer();
  const grain = await noise(2000, 1500, 16).png().toBuffer();
  const shapes = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500">' +
      '<rect width="2000" height="1500" fill="#6a8caf"/><circle cx="700" cy="600" r="420" fill="#e0b060"/>' +
      '<rect x="1100" y="700" width="700" height="600" fill="#3c6e47"/></svg>',
  );
  return sharp(shapes)
    .composite([
      { input: texture, blend: 'overlay' },
      { input: grain, blend: 'soft-light' },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Nearest-rank percentile of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Starts a Ghee on `db` serving a media folder that holds the photo; times `renders` first
 * renders to 400 px WebP (each a new derivative: its quality differs), then loads the cached
 * derivative and an original of exactly its bytes, each at saturation.
 */
export async function measureImages(db, work, { timing, patient, log, smoke }) {
  const mediaDir = path.join(work, 'images-media');
  const store = new LocalMediaStore(mediaDir, 'http://ghee.bench');
  const source = await store.save(await photo(), 'jpg', 'image/jpeg');
  const server = await startServer('ghee-server.js', [db.url, `--media-dir=${mediaDir}`]);
  try {
    const times = [];
    for (let i = 0; i < (smoke ? 3 : RENDERS); i++) {
      const started = performance.now();
      const res = await fetch(
        `${server.address}/media/resize=width:400/output=format:webp,quality:${50 + i}/${source.name}`,
      );
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || body.length === 0) throw new Error(`images: first render gave ${res.status}`);
      times.push(performance.now() - started);
    }
    const renders = { count: times.length, p50: percentile(times, 50), p99: percentile(times, 99), all: spread(times) };
    log(`  first render   p50 ${renders.p50.toFixed(1)} ms  p99 ${renders.p99.toFixed(1)} ms over ${renders.count}`);

    const derivative = `/media/resize=width:400/output=format:webp/${source.name}`;
    const bytes = Buffer.from(await (await fetch(`${server.address}${derivative}`)).arrayBuffer());
    const original = `/media/${(await store.save(bytes, 'webp', 'image/webp')).name}`;
    const figures = { renders, bytes: bytes.length };
    for (const [id, url] of [
      ['mediaOriginal', original],
      ['mediaDerivative', derivative],
    ]) {
      const spec = { url: `${server.address}${url}`, connections: SATURATE, serverPids: [server.pid] };
      if (timing.warmup) await loadRun({ ...spec, duration: timing.warmup }, { patient });
      const runs = [];
      for (let i = 0; i < timing.runs; i++)
        runs.push(await loadRun({ ...spec, duration: timing.duration }, { patient }));
      if (server.child.crashed) throw new Error(server.child.crashed);
      figures[id] = summarise({ id, connections: SATURATE }, runs);
      log(`  ${id.padEnd(15)} ${Math.round(figures[id].rps.median).toString().padStart(7)} req/s`);
    }
    return figures;
  } finally {
    await stopServer(server);
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}
