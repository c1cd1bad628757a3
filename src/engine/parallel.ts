/**
 * Lints files on worker threads (`--concurrency`), one file at a time per
 * worker, with results in the same order as a single-threaded run. Small runs
 * stay on the main thread: starting a worker costs more than a few files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError, ConfigResolver } from './config.js';
import { DEFAULT_MAX_FILE_SIZE, FileError, listFiles, readTextFile } from './files.js';
import { type FileResult, type LintFilesOptions, type LintFilesResult, lintFiles, summarize } from './lint-files.js';

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
  const files = options.selectFiles ? options.selectFiles(listed.files) : listed.files;
  const workers = Math.min(requested, Math.floor(files.length / FILES_PER_WORKER));
  // Fixing with a cache updates the cache from the fixed text: keep that on one thread.
  if (workers <= 1 || (options.cache && (options.fix || options.fixDryRun))) return lintFiles(patterns, options);

  const outcomes: Array<FileResult | Error | undefined> = new Array(files.length);
  let next = 0;
  // Functions and the cache stay on this thread; workers get plain data.
  const { concurrency: _concurrency, selectFiles: _select, cache, ...workerOptions } = options;
  const resolver = cache
    ? new ConfigResolver({
        configFile: options.configFile,
        noConfig: options.noConfig,
        ruleOverrides: options.ruleOverrides,
        projectRoot: cwd,
      })
    : undefined;
  /** Text and config of files sent to a worker, to store their results in the cache. */
  const pending = new Map<number, { text: string; config: ReturnType<ConfigResolver['forFile']> }>();
  /** The next file that is not answered from the cache, or -1. */
  const nextToLint = (): number => {
    while (next < files.length) {
      const index = next++;
      if (!cache || !resolver) return index;
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
        // The worker reports the problem with the file or config.
      }
      return index;
    }
    return -1;
  };
  await Promise.all(
    Array.from({ length: workers }, () => {
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), {
          workerData: { options: { ...workerOptions, cwd } },
        });
        const feed = () => {
          const index = nextToLint();
          if (index >= 0) worker.postMessage({ index, filePath: files[index] } satisfies WorkerRequest);
          else worker.postMessage({ done: true } satisfies WorkerRequest);
        };
        worker.on('message', (reply: WorkerReply) => {
          outcomes[reply.index] = 'result' in reply ? reply.result : revive(reply.error);
          const stored = pending.get(reply.index);
          if (stored && cache && 'result' in reply)
            cache.set(files[reply.index], stored.text, stored.config, reply.result);
          pending.delete(reply.index);
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
