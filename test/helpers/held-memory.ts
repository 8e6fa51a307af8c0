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
 * Runs `work` while sampling `heldBytes` every `everyMs`: its result, and by how many bytes the
 * most held at any sample (or at the end) exceeded what was held before it began.
 */
export async function heldGrowthWhile<T>(
  work: () => Promise<T>,
  everyMs = 250,
): Promise<{ result: T; growth: number }> {
  const baseline = heldBytes();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, heldBytes())), everyMs);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, heldBytes()) - baseline };
  } finally {
    clearInterval(sampler);
  }
}
