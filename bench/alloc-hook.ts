/**
 * Preloaded with `node --import` by `npm run bench:profile`: on exit it
 * writes to $MTLINT_ALLOC_FILE the bytes the main thread allocated on the
 * JavaScript heap (the growth of the used heap between collections, summed)
 * and the time garbage collection took (milliseconds).
 */
import { writeFileSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';

const target = process.env.MTLINT_ALLOC_FILE;
if (target) {
  const profiler = new GCProfiler();
  const initial = getHeapStatistics().used_heap_size;
  profiler.start();
  process.on('exit', () => {
    const result = profiler.stop();
    const { allocated, gcMilliseconds } = allocationOf(result?.statistics ?? [], initial);
    writeFileSync(target, `${allocated} ${gcMilliseconds}\n`);
  });
}

interface GcRecord {
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

/** What the heap grew by between collections, and the collections' time (their cost is in microseconds). */
function allocationOf(records: readonly GcRecord[], initial: number): { allocated: number; gcMilliseconds: number } {
  let allocated = 0;
  let after = initial;
  let cost = 0;
  for (const record of records) {
    allocated += Math.max(0, record.beforeGC.heapStatistics.usedHeapSize - after);
    after = record.afterGC.heapStatistics.usedHeapSize;
    cost += record.cost;
  }
  allocated += Math.max(0, getHeapStatistics().used_heap_size - after);
  return { allocated, gcMilliseconds: cost / 1000 };
}
