/**
 * Executors run jobs and answer their outcomes in job order. Three of them:
 * `InlineExecutor` on this thread, `PoolExecutor` (pool.ts) on worker threads
 * pulling job indexes off a shared counter, and `BoundedExecutor` (bounded.ts)
 * for big files, each on a worker with a bounded heap. All three run a job with
 * `runFileJob`, so a job gives the same result wherever it runs.
 */
import { type FileJob, type JobOptions, runFileJob } from './job.js';
import type { FileResult } from './result.js';

export interface Executor {
  /** Runs jobs; outcomes in the order of `jobs`, an `Error` for a job that failed. */
  run(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>>;
  /** Stops the executor's threads (an executor is not used after this). */
  close(): void;
}

/** Lets the event loop in (worker replies, an editor's messages) between jobs. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs jobs on this thread, one at a time, yielding to the event loop before each. */
export class InlineExecutor implements Executor {
  constructor(private readonly options: JobOptions) {}

  async run(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>> {
    const outcomes: Array<FileResult | Error> = [];
    for (const job of jobs) {
      await yieldToEventLoop();
      outcomes.push(runFileJob(job, this.options));
    }
    return outcomes;
  }

  close(): void {}
}
