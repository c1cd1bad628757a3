/**
 * Lints files on worker threads (`--concurrency`), one file at a time per
 * worker, with results in the same order as a single-threaded run. Small runs
 * stay on the main thread: starting a worker costs more than a few files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResultCache } from './cache.js';
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
export type WorkerReply = (
  | { index: number; result: FileResult }
  | { index: number; error: { kind: 'file' | 'config' | 'other'; message: string; filePath: string; key?: string } }
) & { cache?: ReturnType<ResultCache['takeNew']> };

export async function lintFilesParallel(patterns: string[], options: ParallelOptions = {}): Promise<LintFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const requested = options.concurrency ?? availableParallelism();
  let listed: ReturnType<typeof listFiles>;
  try {
    listed = listFiles(patterns, { cwd, ignorePatterns: options.ignorePatterns, ignorePath: options.ignorePath });
  } catch (error) {
    return { results: [], errors: [error as Error], ignored: [] };
  }
  const files = options.selectFiles ? options.selectFiles(listed.files) : listed.files;
  const workers = Math.min(requested, Math.floor(files.length / FILES_PER_WORKER));
  if (workers <= 1) return lintFiles(patterns, options);

  const outcomes: Array<FileResult | Error | undefined> = new Array(files.length);
  let next = 0;
  // Functions and the cache do not cross to workers: each worker opens the cache file itself.
  const { concurrency: _ignored, selectFiles: _selected, cache, ...workerOptions } = options;
  await Promise.all(
    Array.from({ length: workers }, () => {
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), {
          workerData: { options: { ...workerOptions, cwd }, cachePath: cache?.path },
        });
        const feed = () => {
          if (next < files.length) {
            const index = next++;
            worker.postMessage({ index, filePath: files[index] } satisfies WorkerRequest);
          } else worker.postMessage({ done: true } satisfies WorkerRequest);
        };
        worker.on('message', (reply: WorkerReply) => {
          outcomes[reply.index] = 'result' in reply ? reply.result : revive(reply.error);
          if (reply.cache) cache?.merge(reply.cache);
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
