/**
 * Big files are linted on a worker thread with a bounded heap
 * (src/engine/bounded.ts, the BoundedExecutor): same findings, same order of results, and a file
 * whose worker runs out of heap is linted on the main thread instead.
 * Worker threads load the built modules, so these tests use dist/ (built by `npm test`).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapLimitMegabytes, runOnBoundedWorker } from '../dist/src/engine/bounded.js';
import { presetConfig } from '../dist/src/engine/config.js';
import { lintFilesParallel } from '../dist/src/engine/parallel.js';
import { tempDir } from './helpers/cli.js';

const SAMPLES = join(import.meta.dirname, '..', 'samples');

function folder() {
  const dir = tempDir();
  for (const name of ['belarus-mt-article.txt', 'belarus-mt-article.md', 'belarus-mt-article.html'])
    copyFileSync(join(SAMPLES, name), join(dir.path, name));
  writeFileSync(join(dir.path, 'clean.txt'), 'The minister said the talks would resume on Monday.\n');
  return dir;
}

describe('big files on a bounded worker', () => {
  it('give the same results, in the same order, as linting them on the main thread', async () => {
    const dir = folder();
    try {
      const options = { cwd: dir.path, noConfig: true, concurrency: 1 };
      const plain = await lintFilesParallel(['.'], { ...options, boundHeap: false });
      const bounded = await lintFilesParallel(['.'], { ...options, bigFileBytes: 1 });
      expect(plain.results.length).toBe(4);
      expect(plain.results.some((result) => result.findings.length > 0)).toBe(true);
      expect(bounded).toEqual(plain);
    } finally {
      dir.cleanup();
    }
  });

  it('report a file problem the way the main thread does', async () => {
    const dir = folder();
    try {
      writeFileSync(join(dir.path, 'binary.txt'), Buffer.from([0x00, 0xff, 0x00, 0x01, 0x02]));
      const options = { cwd: dir.path, noConfig: true, concurrency: 1 };
      const plain = await lintFilesParallel(['.'], { ...options, boundHeap: false });
      const bounded = await lintFilesParallel(['.'], { ...options, bigFileBytes: 1 });
      expect(plain.errors.map((error) => error.message)).toHaveLength(1);
      expect(bounded.errors.map((error) => error.message)).toEqual(plain.errors.map((error) => error.message));
      expect(bounded.results).toEqual(plain.results);
    } finally {
      dir.cleanup();
    }
  });

  it('answer undefined when the worker runs out of heap, so the caller lints the file itself', async () => {
    const dir = folder();
    try {
      const filePath = join(dir.path, 'belarus-mt-article.txt');
      const job = {
        filePath,
        format: 'txt' as const,
        config: presetConfig('mtlint:recommended'),
        mode: 'lint' as const,
      };
      const outcome = await runOnBoundedWorker(job, { cwd: dir.path }, 2);
      expect(outcome).toBeUndefined();
      const roomy = await runOnBoundedWorker(job, { cwd: dir.path }, heapLimitMegabytes(0));
      expect(roomy && 'result' in roomy && roomy.result.findings.length).toBeGreaterThan(0);
    } finally {
      dir.cleanup();
    }
  });

  it('bound the heap by the size of the file', () => {
    expect(heapLimitMegabytes(10 * 1024 * 1024)).toBe(768);
    // A 100 MB file: the heap bound leaves room under 1 GB for the rest of the process.
    expect(heapLimitMegabytes(100 * 1024 * 1024)).toBe(768);
    // Bigger files get room for their text, twice (`--fix`), with more to spare.
    expect(heapLimitMegabytes(300 * 1024 * 1024)).toBe(1756);
  });
});
