/** Progress of big files on standard error: drawn for a person at a terminal, never in CI, pipes or JSON. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintFilesParallel } from '../dist/src/engine/parallel.js';
import { type ProgressTerminal, progressDisplay } from '../src/cli/progress.js';
import { tempDir } from './helpers/cli.js';

afterEach(() => {
  vi.useRealTimers();
});

const terminal = (overrides: Partial<ProgressTerminal> = {}) => {
  const written: string[] = [];
  const settings: ProgressTerminal = {
    write: (text) => written.push(text),
    isTTY: true,
    env: {},
    cwd: '/work',
    format: 'stylish',
    ...overrides,
  };
  return { settings, written };
};

const shared = (done: number, total: number) => {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  progress[0] = done;
  progress[1] = total;
  return progress;
};

describe('progressDisplay', () => {
  it('draws the file being linted and its percentage in place, and erases the line when done', () => {
    vi.useFakeTimers();
    const { settings, written } = terminal();
    const first = shared(100, 100);
    const second = shared(42, 100);
    const stop = progressDisplay(settings)!([
      { filePath: '/work/a/done.txt', progress: first },
      { filePath: '/work/a/big.txt', progress: second },
    ]);
    vi.advanceTimersByTime(250);
    expect(written).toEqual(['\r\u001b[Kmtlint: a/big.txt 42 %']);
    second[0] = 99;
    vi.advanceTimersByTime(200);
    expect(written.at(-1)).toBe('\r\u001b[Kmtlint: a/big.txt 99 %');
    stop();
    expect(written.at(-1)).toBe('\r\u001b[K');
    const count = written.length;
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(count);
  });

  it('is off in a pipe, in CI and for machine formats', () => {
    expect(progressDisplay(terminal({ isTTY: false }).settings)).toBeUndefined();
    expect(progressDisplay(terminal({ env: { CI: 'true' } }).settings)).toBeUndefined();
    for (const format of ['json', 'sarif', 'github', 'junit', 'checkstyle', 'gitlab']) {
      expect(progressDisplay(terminal({ format }).settings), format).toBeUndefined();
    }
    expect(progressDisplay(terminal({ format: 'unix' }).settings)).toBeDefined();
  });
});

describe('lintFilesParallel', () => {
  it('tells big files with their progress, which reaches the whole text', async () => {
    const dir = tempDir('mtlint-progress-');
    try {
      copyFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), join(dir.path, 'a.txt'));
      const told: Array<{ filePath: string; progress: Int32Array }> = [];
      let finished = false;
      const result = await lintFilesParallel(['.'], {
        cwd: dir.path,
        bigFileBytes: 1,
        onBigFiles: (files) => {
          told.push(...files);
          return () => {
            finished = true;
          };
        },
      });
      expect(result.results).toHaveLength(1);
      expect(told.map(({ filePath }) => filePath)).toEqual([join(dir.path, 'a.txt')]);
      const [done, total] = told[0].progress;
      // The article's characters; it ends with its last paragraph, so the last chunk ends there too.
      expect(total).toBe(readFileSync(join(dir.path, 'a.txt'), 'utf8').length);
      expect(done).toBe(total);
      expect(finished).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});
