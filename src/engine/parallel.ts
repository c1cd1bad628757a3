/**
 * Lints files with `--concurrency` threads: plan once (planner.ts), then run
 * the jobs on an executor, results in the same order as a single-threaded
 * run. Small runs stay on this thread: starting a worker costs more than a few
 * files. Big files go one at a time to a worker with a bounded heap.
 */
import { availableParallelism } from 'node:os';
import { BoundedExecutor, isBigFile } from './bounded.js';
import { type Executor, InlineExecutor } from './executor.js';
import { type LintFilesOptions, type Plan, type PlannedJob, planFiles } from './plan.js';
import { PoolExecutor } from './pool.js';
import type { LintFilesResult } from './result.js';

export interface ParallelOptions extends LintFilesOptions {
  /** Threads, the main one included; default: the number of cores. 1: no workers. */
  concurrency?: number;
  /** Lint big files on a worker with a bounded heap (default true). */
  boundHeap?: boolean;
  /** What counts as big (default `BIG_FILE_BYTES`). */
  bigFileBytes?: number;
  /**
   * Told the big files before they are linted, each with its shared
   * `[characters done, characters in all]` (see `FileJob.progress`); returns
   * what to call when they are done. The command line shows progress with it.
   */
  onBigFiles?: (files: ReadonlyArray<{ filePath: string; progress: Int32Array }>) => () => void;
}

/** Jobs per lane below which another lane does not pay for its start-up. */
const FILES_PER_WORKER = 8;

export async function lintFilesParallel(patterns: string[], options: ParallelOptions = {}): Promise<LintFilesResult> {
  const plan = planFiles(patterns, options);
  const big =
    options.boundHeap === false ? [] : plan.jobs.filter(({ job }) => isBigFile(job.filePath, options.bigFileBytes));
  const rest = big.length === 0 ? plan.jobs : plan.jobs.filter((planned) => !big.includes(planned));
  const lanes = Math.min(options.concurrency ?? availableParallelism(), Math.floor(rest.length / FILES_PER_WORKER));
  const executor =
    lanes <= 1
      ? new InlineExecutor(plan.jobOptions)
      : new PoolExecutor(plan.jobOptions, { workers: lanes - 1, mainThreadLane: true });
  await execute(executor, rest, plan);
  if (big.length > 0) {
    for (const { job } of big) job.progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    const done = options.onBigFiles?.(big.map(({ job }) => ({ filePath: job.filePath, progress: job.progress! })));
    try {
      await execute(new BoundedExecutor(plan.jobOptions), big, plan);
    } finally {
      done?.();
    }
  }
  return plan.finish();
}

async function execute(executor: Executor, planned: PlannedJob[], plan: Plan): Promise<void> {
  try {
    const outcomes = await executor.run(planned.map(({ job }) => job));
    for (const [position, outcome] of outcomes.entries()) plan.settle(planned[position].index, outcome);
  } finally {
    executor.close();
  }
}
