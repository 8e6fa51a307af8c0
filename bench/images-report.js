// The image service's part of bench/RESULTS.md: its figures and its target.

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n.toFixed(1)} ms`;

/** The Markdown of `measureImages`' figures. */
export function imagesSection(images) {
  const { renders, mediaOriginal: original, mediaDerivative: derivative } = images;
  const rps = (s) => `${int(s.rps.median)} req/s (${int(s.rps.min)}–${int(s.rps.max)})`;
  const ratio = derivative.rps.median / original.rps.median;
  const busy = (x) => (x ? `${Math.round(x.median * 100)}%` : 'n/a');
  return [
    'A 2000 x 1500 JPEG in the media library, on the SQLite server (same pinning). First renders are requested one after the other, each a new derivative ' +
      '(`/media/resize=width:400/output=format:webp,quality:Q/<file>`, Q differing), timed from request to last byte. ' +
      `The cached derivative (\`resize=width:400/output=format:webp\`, ${int(images.bytes)} bytes, served from the store) is loaded against an original file of exactly its bytes.`,
    '',
    '| figure | load | SQLite | ratio to the original |',
    '|---|---|---|---|',
    `| original file, the derivative's bytes | -c 50 | ${rps(original)} | 1.00 |`,
    `| cached derivative | -c 50 | ${rps(derivative)} | ${ratio.toFixed(2)} |`,
    `| first render, 2000 x 1500 JPEG to 400 px WebP | ${renders.count} renders, one at a time | p50 ${ms(renders.p50)}, p99 ${ms(renders.p99)} (${ms(renders.all.min)}–${ms(renders.all.max)}) | |`,
    '',
    '| target | SQLite | verdict |',
    '|---|---|---|',
    `| cached derivative >= 0.8 of the original's req/s | ${ratio.toFixed(2)} | ${ratio >= 0.8 ? 'met' : `**missed** by ${(0.8 - ratio).toFixed(2)}`} |`,
    '',
    '| scenario | req/s of each run | p50 / p99 (median of runs) | Ghee core busy | autocannon core busy |',
    '|---|---|---|---|---|',
    ...[
      ['mediaOriginal', original],
      ['mediaDerivative', derivative],
    ].map(
      ([id, s]) =>
        `| ${id} | ${s.rps.all.map(int).join(', ')} | ${s.p50.median} / ${s.p99.median} ms | ${busy(s.serverCpu)} | ${busy(s.loadCpu)} |`,
    ),
  ].join('\n');
}
