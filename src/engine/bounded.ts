/**
 * Lints big files each on a worker thread whose heap is bounded
 * (`resourceLimits`), so memory stays proportional to the file.
 *
 * The work on a big file keeps little alive (the text, one paragraph's tree,
 * the findings), but it allocates a great deal, and with the default heap
 * limit (a quarter of the machine's memory, up to 4 GB) V8 lets the garbage
 * pile up: a 10 MB file peaked anywhere from 0.7 to 1.5 GB of RSS from one run
 * to the next. A bounded heap makes V8 collect in time. Should the bound be
 * too tight for some file after all, the worker dies alone and the file is
 * linted again on the main thread: slower to clean up, never lost.
 *
 * A `--max-old-space-size` in `NODE_OPTIONS` overrides the bound: V8 takes
 * the flag over an embedder's limit.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Executor } from './executor.js';
import { type FileJob, fromOutcome, type JobOptions, type JobOutcome, runFileJob } from './job.js';
import type { FileResult } from './result.js';
import { newCounter, type WorkerData, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** Files from this size on are linted on a bounded worker: below it, a worker's start-up costs more than it saves. */
export const BIG_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Old-generation limit for a file of `bytes`: 768 MB, or room for its text
 * (up to two bytes a character), the fixed text under `--fix`, findings and
 * one paragraph's tree at a time when the file is bigger. V8 collects in
 * proportion to the limit, so the limit is not the memory used: on 10 MB the
 * peak RSS was ~0.38 GB at 768 MB (unbounded: 0.7-1.5 GB), and on 100 MB 0.7
 * GB. Tighter limits cost time in collections (10 MB: +10 % at 768 MB, +40 % at 200 MB).
 */
export function heapLimitMegabytes(bytes: number): number {
  return Math.max(768, Math.ceil(256 + (5 * bytes) / (1024 * 1024)));
}

/** Whether `filePath` is big enough for a bounded worker (false when it cannot be read: the lint reports that). */
export function isBigFile(filePath: string, bigFileBytes = BIG_FILE_BYTES): boolean {
  try {
    return statSync(filePath).size >= bigFileBytes;
  } catch {
    return false;
  }
}

function sizeOf(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0;
  }
}

/** Runs jobs one at a time, each on its own bounded worker; a job whose worker runs out of heap runs on this thread. */
export class BoundedExecutor implements Executor {
  constructor(
    private readonly options: JobOptions,
    private readonly heapLimit: (bytes: number) => number = heapLimitMegabytes,
  ) {}

  async run(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>> {
    const outcomes: Array<FileResult | Error> = [];
    for (const job of jobs) {
      const outcome = await runOnBoundedWorker(job, this.options, this.heapLimit(sizeOf(job.filePath)));
      outcomes.push(outcome ? fromOutcome(outcome) : runFileJob(job, this.options));
    }
    return outcomes;
  }

  close(): void {}
}

/** The outcome of a job on a worker with a heap of `maxOldGenerationSizeMb`, or `undefined` when it ran out of it. */
export function runOnBoundedWorker(
  job: FileJob,
  options: JobOptions,
  maxOldGenerationSizeMb: number,
): Promise<JobOutcome | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { options } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb },
    });
    let outcome: JobOutcome | undefined;
    worker.on('message', (reply: WorkerReply) => {
      if ('outcome' in reply) outcome = reply.outcome;
      else worker.postMessage({ close: true } satisfies WorkerRequest);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve(undefined);
      else reject(error);
    });
    worker.on('exit', () => resolve(outcome));
    worker.postMessage({ run: 1, jobs: [job], counter: newCounter() } satisfies WorkerRequest);
  });
}
