/**
 * Runs jobs on worker threads that pull job indexes off a shared counter
 * (worker-protocol.ts), with outcomes in job order whatever thread ran them.
 *
 * On the command line this thread is a lane too (`mainThreadLane`): it takes
 * indexes off the same counter between letting the workers' replies in, so a
 * 2-core run starts one worker, not two (each worker loads every module again
 * and warms its own JIT). The language server keeps its thread free for the
 * protocol and lints on the workers only. Workers live until `close`; runs
 * take turns.
 */
import { Worker } from 'node:worker_threads';
import { type Executor, yieldToEventLoop } from './executor.js';
import { type FileJob, fromOutcome, type JobOptions, runFileJob } from './job.js';
import type { FileResult } from './result.js';
import { newCounter, takeIndex, type WorkerData, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

export interface PoolOptions {
  /** Worker threads. */
  workers: number;
  /** Whether this thread takes jobs too. */
  mainThreadLane: boolean;
}

export class PoolExecutor implements Executor {
  private readonly workers: Worker[] = [];
  private runs = 0;
  /** The previous run: runs take turns on the workers. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: JobOptions,
    private readonly pool: PoolOptions,
  ) {}

  run(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>> {
    const run = this.turn.then(() => this.execute(jobs));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async execute(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>> {
    const outcomes: Array<FileResult | Error> = new Array(jobs.length);
    const counter = newCounter();
    const run = ++this.runs;
    const request: WorkerRequest = { run, jobs: [...jobs], counter };
    const workersDone = Promise.all(this.startWorkers().map((worker) => runOn(worker, run, request, outcomes)));
    // Awaited below, after this thread's own jobs; a failing worker must not go unhandled meanwhile.
    workersDone.catch(() => undefined);
    if (this.pool.mainThreadLane) {
      for (let index = takeIndex(counter); index < jobs.length; index = takeIndex(counter)) {
        outcomes[index] = runFileJob(jobs[index], this.options);
        await yieldToEventLoop();
      }
    }
    await workersDone;
    return outcomes;
  }

  private startWorkers(): Worker[] {
    while (this.workers.length < this.pool.workers) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { options: this.options } satisfies WorkerData,
      });
      worker.unref();
      // A worker that fails or exits leaves the pool (its run, if any, is rejected by `runOn`); the next run starts another.
      const drop = () => {
        const index = this.workers.indexOf(worker);
        if (index >= 0) this.workers.splice(index, 1);
      };
      worker.on('error', drop);
      worker.on('exit', drop);
      this.workers.push(worker);
    }
    return this.workers;
  }

  close(): void {
    for (const worker of this.workers.splice(0)) worker.postMessage({ close: true } satisfies WorkerRequest);
  }
}

/** Posts a run to a worker and collects its outcomes until it is done (rejects if the worker fails). */
function runOn(
  worker: Worker,
  run: number,
  request: WorkerRequest,
  outcomes: Array<FileResult | Error>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.run !== run) return;
      if ('done' in reply) {
        stop();
        resolve();
      } else outcomes[reply.index] = fromOutcome(reply.outcome);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onExit = (code: number) => {
      stop();
      reject(new Error(`the lint worker exited with code ${code}`));
    };
    const stop = () => {
      // Idle workers must not keep the process alive; a worker with a run in flight must.
      worker.unref();
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage(request);
  });
}
