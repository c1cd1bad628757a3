/**
 * Lints files on worker threads (`--concurrency`), with results in the same
 * order as a single-threaded run. Small runs stay on the main thread: starting
 * a worker costs more than a few files.
 *
 * The main thread is one of the `concurrency` lanes: it lints too, between
 * feeding the workers, so a 2-core run starts one worker, not two (each
 * worker loads every module again and warms its own JIT). Workers get files in
 * batches and always have the next batch queued, so they never wait for the
 * main thread to answer, and results come back one message per batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isBigFile, lintOnBoundedWorker } from './bounded.js';
import { ConfigError, type ConfigResolver } from './config.js';
import { DEFAULT_MAX_FILE_SIZE, FileError, listFiles, readTextFile } from './files.js';
import {
  type FileResult,
  type LintFilesOptions,
  type LintFilesResult,
  lintFiles,
  lintOneFile,
  resolverFor,
  summarize,
} from './lint-files.js';

export interface ParallelOptions extends LintFilesOptions {
  /** Threads, the main one included; default: the number of cores. 1: no workers. */
  concurrency?: number;
  /** Lint big files on a worker with a bounded heap (default true). */
  boundHeap?: boolean;
  /** What counts as big (default `BIG_FILE_BYTES`). */
  bigFileBytes?: number;
}

/** Files per lane below which another lane does not pay for its start-up. */
const FILES_PER_WORKER = 8;
/** Most files in one message to a worker. */
const MAX_BATCH = 16;
/** Batches a worker holds at once: the one it lints and the next. */
const BATCHES_AHEAD = 2;

export type WorkerRequest = { files: Array<{ index: number; filePath: string }> } | { done: true };
export type WorkerOutcome =
  | { index: number; result: FileResult }
  | { index: number; error: { kind: 'file' | 'config' | 'other'; message: string; filePath: string; key?: string } };
export type WorkerReply = { outcomes: WorkerOutcome[] };

/** A file's outcome as plain data (what crosses threads; the main thread's lane uses it too, for equal errors). */
export function toOutcome(index: number, filePath: string, outcome: FileResult | Error): WorkerOutcome {
  if (!(outcome instanceof Error)) return { index, result: outcome };
  const kind = outcome instanceof ConfigError ? 'config' : outcome instanceof FileError ? 'file' : 'other';
  return { index, error: { kind, message: outcome.message, filePath } };
}

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
  // Big files go one at a time to a worker with a bounded heap (the cache stays on this thread).
  const big =
    options.cache || options.boundHeap === false
      ? []
      : files.filter((filePath) => isBigFile(filePath, options.bigFileBytes));
  if (big.length > 0) return lintWithBigFiles(patterns, options, files, big, cwd);
  const lanes = Math.min(requested, Math.floor(files.length / FILES_PER_WORKER));
  // Fixing with a cache updates the cache from the fixed text: keep that on one thread.
  if (lanes <= 1 || (options.cache && (options.fix || options.fixDryRun))) return lintFiles(patterns, options);

  const outcomes: Array<FileResult | Error | undefined> = new Array(files.length);
  let next = 0;
  const cache = options.cache;
  const workerOptions = workerOptionsOf(options);
  const resolver = resolverFor(options, cwd);
  /** Text and config of files sent to a worker, to store their results in the cache. */
  const pending = new Map<number, { text: string; config: ReturnType<ConfigResolver['forFile']> }>();
  /** The next file that is not answered from the cache, or -1. */
  const nextToLint = (): number => {
    while (next < files.length) {
      const index = next++;
      if (!cache) return index;
      try {
        const config = resolver.forFile(files[index]);
        const text = readTextFile(files[index], options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE).text;
        const cached = cache.get(files[index], text, config);
        if (cached) {
          outcomes[index] = summarize(files[index], cached);
          continue;
        }
        pending.set(index, { text, config });
      } catch {
        // The lane that lints the file reports the problem with the file or config.
      }
      return index;
    }
    return -1;
  };
  /** The next files for a worker: smaller batches towards the end, so the lanes finish together. */
  const nextBatch = (): Array<{ index: number; filePath: string }> => {
    const size = Math.max(1, Math.min(MAX_BATCH, Math.floor((files.length - next) / (lanes * 4))));
    const batch: Array<{ index: number; filePath: string }> = [];
    while (batch.length < size) {
      const index = nextToLint();
      if (index < 0) break;
      batch.push({ index, filePath: files[index] });
    }
    return batch;
  };
  const accept = (outcome: WorkerOutcome): void => {
    outcomes[outcome.index] = 'result' in outcome ? outcome.result : revive(outcome.error);
    const stored = pending.get(outcome.index);
    if (stored && cache && 'result' in outcome)
      cache.set(files[outcome.index], stored.text, stored.config, outcome.result);
    pending.delete(outcome.index);
  };

  const workerRuns = Array.from({ length: lanes - 1 }, () => {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { options: { ...workerOptions, cwd } },
      });
      let queued = 0;
      let closed = false;
      const feed = () => {
        while (!closed && queued < BATCHES_AHEAD) {
          const batch = nextBatch();
          if (batch.length === 0) {
            if (queued === 0) {
              closed = true;
              worker.postMessage({ done: true } satisfies WorkerRequest);
            }
            return;
          }
          queued++;
          worker.postMessage({ files: batch } satisfies WorkerRequest);
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        queued--;
        for (const outcome of reply.outcomes) accept(outcome);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      feed();
    });
  });
  const workersDone = Promise.all(workerRuns);
  // Awaited below, after the main thread's own files; a failing worker must not go unhandled meanwhile.
  workersDone.catch(() => undefined);
  // The main thread's lane: one file at a time, letting the workers' replies in between.
  for (let index = nextToLint(); index >= 0; index = nextToLint()) {
    accept(toOutcome(index, files[index], lintOneFile(files[index], resolver, workerOptions, cwd)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await workersDone;
  const results: FileResult[] = [];
  const errors: Error[] = [...listed.errors];
  for (const outcome of outcomes) {
    if (outcome instanceof Error) errors.push(outcome);
    else if (outcome) results.push(outcome);
  }
  return { results, errors, ignored: listed.ignored };
}

/** What a worker (or this thread's lane) needs: functions and the cache stay on this thread, workers get plain data. */
function workerOptionsOf(options: ParallelOptions): LintFilesOptions {
  const {
    concurrency: _concurrency,
    selectFiles: _select,
    cache: _cache,
    boundHeap: _bound,
    bigFileBytes: _big,
    ...workerOptions
  } = options;
  return workerOptions;
}

/** The other files as usual, then each big one on a bounded worker; results in the order of `files`. */
async function lintWithBigFiles(
  patterns: string[],
  options: ParallelOptions,
  files: string[],
  big: string[],
  cwd: string,
): Promise<LintFilesResult> {
  const bigFiles = new Set(big);
  const rest = await lintFilesParallel(patterns, {
    ...options,
    selectFiles: () => files.filter((filePath) => !bigFiles.has(filePath)),
  });
  const workerOptions = workerOptionsOf(options);
  const resolver = resolverFor(options, cwd);
  const results = [...rest.results];
  const errors = [...rest.errors];
  for (const filePath of big) {
    const outcome =
      (await lintOnBoundedWorker(filePath, { ...workerOptions, cwd })) ??
      toOutcome(0, filePath, lintOneFile(filePath, resolver, workerOptions, cwd));
    if ('result' in outcome) results.push(outcome.result);
    else errors.push(revive(outcome.error));
  }
  const order = new Map(files.map((filePath, index) => [filePath, index]));
  results.sort((a, b) => (order.get(a.filePath) ?? 0) - (order.get(b.filePath) ?? 0));
  return { results, errors, ignored: rest.ignored };
}

function revive(error: Extract<WorkerOutcome, { error: unknown }>['error']): Error {
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
