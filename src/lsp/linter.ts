/**
 * Where the language server lints: in a worker thread, so a long document
 * never blocks the protocol (code actions, cancellations, other documents),
 * or inline on the main thread when a worker is not wanted (tests) or cannot
 * start. Jobs are plain data; a job that throws rejects its promise and the
 * server reports the error, it never dies of it.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config.js';
import { fixText } from '../engine/fixes.js';
import { type Finding, lint } from '../engine/lint.js';
import type { FormatName } from '../formats/index.js';

export interface LintJob {
  kind: 'lint' | 'fix';
  text: string;
  filePath: string;
  format: FormatName;
  config: ResolvedConfig;
}

export interface JobResult {
  findings: Finding[];
  /** For `fix` jobs: the fixed text. */
  output?: string;
}

export interface Linter {
  run(job: LintJob): Promise<JobResult>;
  dispose(): void;
}

/** Runs a job; the code a worker and the inline linter share. */
export function runJob(job: LintJob): JobResult {
  const options = { filePath: job.filePath, format: job.format, config: job.config };
  if (job.kind === 'fix') {
    const fixed = fixText(job.text, options);
    return { findings: fixed.result.findings, output: fixed.output };
  }
  return { findings: lint(job.text, options).findings };
}

/** Lints on the main thread (yielding to the event loop before each job). */
export class InlineLinter implements Linter {
  constructor(private readonly runner: (job: LintJob) => JobResult = runJob) {}

  run(job: LintJob): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(this.runner(job));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  dispose(): void {}
}

interface Pending {
  job: LintJob;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread, jobs first in first out. A worker that dies (out of
 * memory, a crash in native code) fails its job and is replaced on the next.
 */
export class WorkerLinter implements Linter {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private disposed = false;
  /** Worker failures in a row; after three, jobs run inline. */
  private failures = 0;

  constructor(private readonly log: (message: string) => void) {}

  run(job: LintJob): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.current || this.disposed) return;
    const pending = this.queue.shift();
    if (!pending) return;
    if (this.failures >= 3) {
      // The worker keeps dying (it cannot load, or runs out of memory): lint on this thread instead.
      setImmediate(() => {
        try {
          pending.resolve(runJob(pending.job));
        } catch (error) {
          pending.reject(error as Error);
        }
        this.next();
      });
      return;
    }
    this.current = pending;
    try {
      this.ensureWorker().postMessage(pending.job);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (message: { ok: true; result: JobResult } | { ok: false; error: string }) => {
      const pending = this.current;
      this.current = undefined;
      this.failures = 0;
      if (pending) {
        if (message.ok) pending.resolve(message.result);
        else pending.reject(new Error(message.error));
      }
      this.next();
    });
    worker.on('error', (error) => {
      this.log(`mtlint: the lint worker failed: ${error.stack ?? error.message}`);
      this.worker = undefined;
      this.fail(error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (!this.disposed) this.fail(new Error(`the lint worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    this.failures++;
    const pending = this.current;
    this.current = undefined;
    pending?.reject(error);
    this.next();
  }

  dispose(): void {
    this.disposed = true;
    void this.worker?.terminate();
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the server is shutting down'));
  }
}
