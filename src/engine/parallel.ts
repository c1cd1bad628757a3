/**
 * Lints files on worker threads (`--concurrency`), one file at a time per
 * worker, with results in the same order as a single-threaded run. Small runs
 * stay on the main thread: starting a worker costs more than a few files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError } from './config.js';
import { FileError, listFiles } from './files.js';
import { type FileResult, type LintFilesOptions, type LintFilesResult, lintFiles } from './lint-files.js';

export interface ParallelOptions extends LintFilesOptions {
  /** Worker threads; default: the number of cores. 1: no workers. */
  concurrency?: number;
}

/** Files per worker below which another worker does not pay for its start-up. */
const FILES_PER_WORKER = 8;

export type WorkerRequest = { index: number; filePath: string } | { done: true };
export type WorkerReply =
  | { index: number; result: FileResult }
  | { index: number; error: { kind: 'file' | 'config' | 'other'; message: string; filePath: string; key?: string } };

export async function lintFilesParallel(patterns: string[], options: ParallelOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const requested = options.concurrency ?? availableParallelism();
  let listed: ReturnType<typeof listFiles>;
  try {
    listed = listFiles(patterns, { cwd, ignorePatterns: options.ignorePatterns, ignorePath: options.ignorePath });
  } catch (error) {
    return { results: [], errors: [error as Error], ignored: [] };
  }
  const workers = Math.min(requested, Math.floor(listed.files.length / FILES_PER_WORKER));
  if (workers <= 1) return lintFiles(patterns, options);

  const outcomes: Array<FileResult | Error | undefined> = new Array(listed.files.length);
  let next = 0;
  const { concurrency: _ignored, ...workerOptions } = options;
  await Promise.all(
    Array.from({ length: workers }, () => {
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), {
          workerData: { options: { ...workerOptions, cwd } },
        });
        const feed = () => {
          if (next < listed.files.length) {
            const index = next++;
            worker.postMessage({ index, filePath: listed.files[index] } satisfies WorkerRequest);
          } else worker.postMessage({ done: true } satisfies WorkerRequest);
        };
        worker.on('message', (reply: WorkerReply) => {
          outcomes[reply.index] = 'result' in reply ? reply.result : revive(reply.error);
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
        feed();
      });
    }),
  );
  const results: FileResult[] = [];
  const errors: Error[] = [...listed.errors];
  for (const outcome of outcomes) {
    if (outcome instanceof Error) errors.push(outcome);
    else if (outcome) results.push(outcome);
  }
  return { results, errors, ignored: listed.ignored };
}

function revive(error: Extract<WorkerReply, { error: unknown }>['error']): Error {
  if (error.kind === 'config') {
    const revived = new ConfigError('', '', '');
    revived.message = error.message;
    return revived;
  }
  if (error.kind === 'file') {
    const revived = new FileError(error.filePath, '');
    revived.message = error.message;
    return revived;
  }
  return new Error(error.message);
}
