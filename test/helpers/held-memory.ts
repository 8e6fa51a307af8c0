import v8 from 'node:v8';
import vm from 'node:vm';

// A full collection before each sample, so what is measured is what is still held (chunks
// already written to disk are garbage, and would otherwise count until the collector runs).
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** JS heap plus Buffer memory still held: where a body kept whole would show. */
export function heldBytes(): number {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Runs `work` while sampling `heldBytes` `everyMs` after the previous sample ended: its result,
 * and by how many bytes the most held at any sample (or at the end) exceeded what was held before
 * it began, and how many samples fell within it. Each sample is a full collection that stops the event loop; timed from its end, the
 * samples leave `work` most of the loop however long a collection takes on a loaded machine
 * (back to back, they starved a 40 MB upload for minutes).
 */
export async function heldGrowthWhile<T>(
  work: () => Promise<T>,
  everyMs = 250,
): Promise<{ result: T; growth: number; samples: number }> {
  const baseline = heldBytes();
  let peak = baseline;
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    peak = Math.max(peak, heldBytes());
    samples++;
    timer = setTimeout(sample, everyMs);
  };
  timer = setTimeout(sample, everyMs);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, heldBytes()) - baseline, samples };
  } finally {
    clearTimeout(timer);
  }
}
