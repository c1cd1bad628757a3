/**
 * The language server's document scheduler (src/lsp/scheduler.ts) on a fake
 * clock and a fake executor: debounced edits, one run in flight per document,
 * stale versions dropped, waiting for fresh findings, closing, and falling
 * back to this thread when the worker keeps failing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presetConfig } from '../src/engine/config.js';
import type { Executor } from '../src/engine/executor.js';
import type { FileJob } from '../src/engine/job.js';
import type { Finding } from '../src/engine/lint.js';
import { type FileResult, summarize } from '../src/engine/result.js';
import { DocumentScheduler, type Linted } from '../src/lsp/scheduler.js';

interface Result extends Linted {
  text: string;
  findings: number;
}

/** An executor whose runs wait until the test answers them. */
class HeldExecutor implements Executor {
  readonly pending: Array<{ job: FileJob; answer: (outcome: FileResult | Error) => void; fail: (e: Error) => void }> =
    [];
  run(jobs: readonly FileJob[]): Promise<Array<FileResult | Error>> {
    return new Promise((resolve, reject) => {
      this.pending.push({ job: jobs[0], answer: (outcome) => resolve([outcome]), fail: reject });
    });
  }
  close(): void {}
  /** Answers the oldest run with one finding per `!` in its text. */
  answerNext(): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no run is waiting');
    const marks = (next.job.text ?? '').split('!').length - 1;
    next.answer(
      summarize(
        next.job.filePath,
        Array.from({ length: marks }, () => ({ severity: 1 }) as Finding),
      ),
    );
  }
}

const URI = 'file:///doc.txt';
let documents: Map<string, { version: number; text: string }>;
let executor: HeldExecutor;
let fallback: HeldExecutor;
let published: Result[];
let logs: string[];
let scheduler: DocumentScheduler<Result>;

function edit(text: string): void {
  const current = documents.get(URI);
  documents.set(URI, { version: (current?.version ?? 0) + 1, text });
  scheduler.schedule(URI);
}

/** Lets promise callbacks run (the fake clock does not). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
  documents = new Map();
  executor = new HeldExecutor();
  fallback = new HeldExecutor();
  published = [];
  logs = [];
  scheduler = new DocumentScheduler<Result>({
    executor,
    fallback,
    versionOf: (uri) => documents.get(uri)?.version,
    prepare: (uri, version) => {
      const text = documents.get(uri)?.text ?? '';
      const job: FileJob = {
        filePath: uri,
        format: 'txt',
        config: presetConfig('mtlint:recommended'),
        mode: 'lint',
        text,
      };
      return {
        job,
        finish: (outcome) => ({ version, text, findings: outcome instanceof Error ? -1 : outcome.findings.length }),
      };
    },
    publish: (_uri, result) => published.push(result),
    log: (message) => logs.push(message),
    debounceMs: 100,
  });
});
afterEach(() => vi.useRealTimers());

describe('DocumentScheduler', () => {
  it('lints once after a burst of edits, the last version', async () => {
    edit('a!');
    vi.advanceTimersByTime(50);
    edit('a!!');
    vi.advanceTimersByTime(50);
    edit('a!!!');
    expect(executor.pending).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(executor.pending.map((run) => run.job.text)).toEqual(['a!!!']);
    executor.answerNext();
    await settle();
    expect(published).toEqual([{ version: 3, text: 'a!!!', findings: 3 }]);
  });

  it('drops the result of a version edited while it was linted, and lints the new one once', async () => {
    edit('one!');
    vi.advanceTimersByTime(100);
    edit('two!!');
    vi.advanceTimersByTime(100);
    edit('three!!!');
    vi.advanceTimersByTime(100);
    // One run in flight: the later edits wait for it.
    expect(executor.pending).toHaveLength(1);
    executor.answerNext();
    await settle();
    expect(published).toEqual([]);
    expect(executor.pending.map((run) => run.job.text)).toEqual(['three!!!']);
    executor.answerNext();
    await settle();
    expect(published).toEqual([{ version: 3, text: 'three!!!', findings: 3 }]);
  });

  it('answers whenFresh with the current version, linting at once instead of waiting for the debounce', async () => {
    edit('x!');
    const fresh = scheduler.whenFresh(URI);
    expect(executor.pending).toHaveLength(1);
    executor.answerNext();
    await settle();
    await expect(fresh).resolves.toEqual({ version: 1, text: 'x!', findings: 1 });
    // Nothing changed since: the same result, no new run.
    await expect(scheduler.whenFresh(URI)).resolves.toEqual({ version: 1, text: 'x!', findings: 1 });
    expect(executor.pending).toHaveLength(0);
  });

  it('forgets a closed document: its waiters get nothing and its run publishes nothing', async () => {
    edit('gone!');
    const fresh = scheduler.whenFresh(URI);
    documents.delete(URI);
    scheduler.close(URI);
    await expect(fresh).resolves.toBeUndefined();
    executor.answerNext();
    await settle();
    expect(published).toEqual([]);
  });

  it('runs on the fallback after the executor failed three times in a row', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      edit(`try ${attempt}!`);
      vi.advanceTimersByTime(100);
      executor.pending.shift()?.fail(new Error('worker died'));
      await settle();
    }
    expect(published.map((result) => result.findings)).toEqual([-1, -1, -1]);
    expect(logs.some((line) => line.includes('keeps failing'))).toBe(true);
    edit('after!');
    vi.advanceTimersByTime(100);
    expect(executor.pending).toHaveLength(0);
    expect(fallback.pending.map((run) => run.job.text)).toEqual(['after!']);
  });
});
