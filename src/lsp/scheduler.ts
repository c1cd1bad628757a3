/**
 * When the language server lints a document, and what it does with the
 * answer: edits are debounced, at most one run per document is in flight
 * (edits during a run coalesce into one more run), a result for an older
 * version than the document's is dropped, and a caller can wait for the
 * findings of the current version (`whenFresh`, for code actions). Lints run
 * on an `Executor` (a worker thread by default): after three failures of it in
 * a row, on the fallback (this thread) instead.
 *
 * The scheduler knows nothing of the protocol: the server hands it how to turn
 * a document version into a job (`prepare`) and what to do with a result
 * (`publish`), so it is tested with a fake clock and a fake executor.
 */
import type { Executor } from '../engine/executor.js';
import type { FileJob } from '../engine/job.js';
import type { FileResult } from '../engine/result.js';

/** What one run of a document gives; the scheduler only reads its version. */
export interface Linted {
  version: number;
}

/** A document version's work: a job whose outcome `finish` turns into the result, or the result itself. */
export type Prepared<T extends Linted> = { job: FileJob; finish: (outcome: FileResult | Error) => T } | { result: T };

export interface SchedulerOptions<T extends Linted> {
  executor: Executor;
  /** Where jobs run once `executor` has failed three times in a row. */
  fallback: Executor;
  /** The open document's current version, `undefined` once it is closed. */
  versionOf: (uri: string) => number | undefined;
  prepare: (uri: string, version: number) => Prepared<T>;
  /** A result of the current version (diagnostics to send). */
  publish: (uri: string, result: T) => void;
  log: (message: string) => void;
  /** Milliseconds between an edit and linting. */
  debounceMs: number;
}

interface DocumentState<T> {
  timer?: NodeJS.Timeout;
  running: boolean;
  rerun: boolean;
  latest?: T;
  waiters: Array<(result: T | undefined) => void>;
}

/** Executor failures in a row after which jobs run on the fallback. */
const MAX_FAILURES = 3;
/** How long `whenFresh` waits for a run of the current version. */
const FRESH_TIMEOUT_MS = 30_000;

export class DocumentScheduler<T extends Linted> {
  debounceMs: number;
  private readonly states = new Map<string, DocumentState<T>>();
  private failures = 0;

  constructor(private readonly options: SchedulerOptions<T>) {
    this.debounceMs = options.debounceMs;
  }

  /** Lints after `delay` ms (default: the debounce), cancelling a run scheduled before. */
  schedule(uri: string, delay = this.debounceMs): void {
    if (this.options.versionOf(uri) === undefined) return;
    const state = this.stateOf(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(uri);
    }, delay);
  }

  /** The result of the document's current version, linting now if needed (`undefined`: closed, or no answer in time). */
  whenFresh(uri: string): Promise<T | undefined> {
    const version = this.options.versionOf(uri);
    if (version === undefined) return Promise.resolve(undefined);
    const state = this.stateOf(uri);
    if (state.latest?.version === version && !state.timer) return Promise.resolve(state.latest);
    return new Promise((resolve) => {
      const timeout = setTimeout(() => resolve(undefined), FRESH_TIMEOUT_MS);
      timeout.unref?.();
      state.waiters.push((result) => {
        clearTimeout(timeout);
        resolve(result);
      });
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = undefined;
        void this.run(uri);
      } else if (!state.running) void this.run(uri);
    });
  }

  /** Forgets a closed document: its pending run is cancelled and its waiters get `undefined`. */
  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    for (const waiter of state?.waiters.splice(0) ?? []) waiter(undefined);
    this.states.delete(uri);
  }

  /** Cancels every scheduled run (shutdown). */
  cancelAll(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
  }

  /** Runs a job outside the document cycle (a fix-all), on the same executor. */
  async execute(job: FileJob): Promise<FileResult | Error> {
    const executor = this.failures >= MAX_FAILURES ? this.options.fallback : this.options.executor;
    try {
      const [outcome] = await executor.run([job]);
      if (executor === this.options.executor) this.failures = 0;
      return outcome;
    } catch (error) {
      if (executor === this.options.executor && ++this.failures === MAX_FAILURES)
        this.options.log('mtlint: the lint worker keeps failing; linting on the main thread from now on');
      throw error;
    }
  }

  private stateOf(uri: string): DocumentState<T> {
    let state = this.states.get(uri);
    if (!state) {
      state = { running: false, rerun: false, waiters: [] };
      this.states.set(uri, state);
    }
    return state;
  }

  private async run(uri: string): Promise<void> {
    const state = this.states.get(uri);
    const version = this.options.versionOf(uri);
    if (!state || version === undefined) return;
    if (state.running) {
      state.rerun = true;
      return;
    }
    state.running = true;
    try {
      await this.lint(uri, version, state);
    } catch (error) {
      this.options.log(`mtlint: linting ${uri} failed: ${describe(error)}`);
    } finally {
      state.running = false;
      if (state.rerun && this.states.get(uri) === state) {
        state.rerun = false;
        void this.run(uri);
      }
    }
  }

  private async lint(uri: string, version: number, state: DocumentState<T>): Promise<void> {
    const prepared = this.options.prepare(uri, version);
    if ('result' in prepared) return this.settle(uri, state, prepared.result);
    let outcome: FileResult | Error;
    try {
      outcome = await this.execute(prepared.job);
    } catch (error) {
      outcome = error as Error;
    }
    // Stale: the document changed (or closed) while this version was linted.
    if (this.isStale(uri, state, version)) return;
    this.settle(uri, state, prepared.finish(outcome));
  }

  private isStale(uri: string, state: DocumentState<T>, version: number): boolean {
    return this.options.versionOf(uri) !== version || this.states.get(uri) !== state;
  }

  private settle(uri: string, state: DocumentState<T>, result: T): void {
    if (this.isStale(uri, state, result.version)) return;
    state.latest = result;
    this.options.publish(uri, result);
    for (const waiter of state.waiters.splice(0)) waiter(result);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
