/**
 * The planner (src/engine/plan.ts) resolves config once per folder: each
 * config and `extends` file is read once per run, however many files it
 * applies to, and `overrides` still apply file by file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintFiles } from '../src/engine/lint-files.js';
import { tempDir } from './helpers/cli.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, readFileSync: vi.fn(fs.readFileSync) };
});

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('mtlint-plan-');
});
afterEach(() => dir.cleanup());

function readsOf(name: string): number {
  return vi.mocked(readFileSync).mock.calls.filter(([path]) => String(path).endsWith(name)).length;
}

function write(path: string, text: string): void {
  mkdirSync(join(dir.path, path, '..'), { recursive: true });
  writeFileSync(join(dir.path, path), text);
}

describe('config, once per run', () => {
  it('reads an extended file once for twenty files in two folders', () => {
    write(
      'shared/base.json',
      JSON.stringify({ extends: 'mtlint:recommended', rules: { 'currency-spacing': 'error' } }),
    );
    write('.mtlintrc.json', JSON.stringify({ extends: ['./shared/base.json'] }));
    for (let index = 0; index < 10; index++) {
      write(`news/story-${index}.txt`, 'It cost $ 20 , they said.\n');
      write(`blog/post-${index}.txt`, 'It cost $ 20 , they said.\n');
    }
    vi.mocked(readFileSync).mockClear();
    const { results, errors } = lintFiles(['.'], { cwd: dir.path });
    expect(errors).toEqual([]);
    expect(results).toHaveLength(20);
    for (const result of results) {
      expect(result.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
        ['currency-spacing', 2],
        ['space-before-punctuation', 1],
      ]);
    }
    expect(readsOf('base.json')).toBe(1);
    expect(readsOf('.mtlintrc.json')).toBe(1);
  });

  it('still applies overrides file by file in one folder', () => {
    write(
      '.mtlintrc.json',
      JSON.stringify({ overrides: [{ files: 'quiet-*.txt', rules: { 'currency-spacing': 'off' } }] }),
    );
    write('loud.txt', 'It cost $ 20.\n');
    write('quiet-1.txt', 'It cost $ 20.\n');
    write('loud-2.txt', 'It cost $ 20.\n');
    const { results } = lintFiles(['.'], { cwd: dir.path });
    const rulesByFile = Object.fromEntries(
      results.map((result) => [result.filePath.slice(dir.path.length + 1), result.findings.map((f) => f.ruleId)]),
    );
    expect(rulesByFile).toEqual({
      'loud-2.txt': ['currency-spacing'],
      'loud.txt': ['currency-spacing'],
      'quiet-1.txt': [],
    });
  });
});
