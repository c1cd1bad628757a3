/** `--fix-dry-run` at the default format: a unified diff that `patch` applies, or "Nothing to fix." */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/report/diff.js';
import { runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-dry-run-');
});
afterEach(() => dir.cleanup());

const hasPatch = spawnSync('patch', ['--version']).status === 0;

/** Applies `diff` to a copy of `before` with GNU patch; the patched text. */
function patched(before: string, diff: string): string {
  const target = join(dir.path, 'patched.txt');
  writeFileSync(target, before);
  const run = spawnSync('patch', ['-s', target], { input: diff, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return readFileSync(target, 'utf8');
}

const ARTICLE = readFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), 'utf8');

describe('the command line', () => {
  it('shows a diff of the sample article that turns it into --fix’s output', () => {
    writeFileSync(join(dir.path, 'article.txt'), ARTICLE);
    const run = runMtlint(['--fix-dry-run', 'article.txt'], { cwd: dir.path });
    expect(run.stdout).toMatch(/^--- article\.txt\n\+\+\+ article\.txt \(fixed\)\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n/);
    expect(run.stdout).toContain('-The meeting between Lukashenko and Putin');
    expect(run.stdout).toContain('providing $500 million in loans');
    expect(run.stdout).toContain('1 file would change; run with --fix to write the changes.');
    const json = JSON.parse(runMtlint(['--fix-dry-run', '-f', 'json', 'article.txt'], { cwd: dir.path }).stdout);
    const diff = run.stdout.slice(0, run.stdout.indexOf('\n1 file would change'));
    if (hasPatch) expect(patched(ARTICLE, diff)).toBe(json[0].output);
    // A dry run writes nothing.
    expect(readFileSync(join(dir.path, 'article.txt'), 'utf8')).toBe(ARTICLE);
  });

  it('says "Nothing to fix." when nothing would change, and still lists what it cannot fix', () => {
    writeFileSync(join(dir.path, 'clean.txt'), 'The law was passed in March.\n');
    expect(runMtlint(['--fix-dry-run', 'clean.txt'], { cwd: dir.path }).stdout).toBe('Nothing to fix.\n');
  });

  it('-f json keeps `output` and shows no diff', () => {
    writeFileSync(join(dir.path, 'a.txt'), 'Hello , world.\n');
    const run = runMtlint(['--fix-dry-run', '-f', 'json', 'a.txt'], { cwd: dir.path });
    expect(run.stdout).not.toContain('+++');
    expect(JSON.parse(run.stdout)[0].output).toBe('Hello, world.\n');
  });

  it('reads standard input as <stdin>', () => {
    const run = runMtlint(['-', '--fix-dry-run'], { input: 'x , y' });
    expect(run.stdout).toContain(
      '--- <stdin>\n+++ <stdin> (fixed)\n@@ -1 +1 @@\n-x , y\n\\ No newline at end of file\n+x, y\n\\ No newline at end of file\n',
    );
  });
});

describe('unifiedDiff', () => {
  const lines = (count: number, prefix = 'line') => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`);

  it('keeps three lines of context and joins changes closer than six lines into one hunk', () => {
    const before = lines(20).join('');
    const after = before
      .replace('line 2\n', 'line two\n')
      .replace('line 7\n', 'line seven\n')
      .replace('line 18\n', 'x\n');
    const diff = unifiedDiff(before, after, 'a.txt');
    expect(diff.match(/^@@.*@@$/gm)).toEqual(['@@ -1,10 +1,10 @@', '@@ -15,6 +15,6 @@']);
    if (hasPatch) expect(patched(before, diff)).toBe(after);
  });

  it('lines added and removed (a fix that joins two lines), checked by patch', () => {
    const before = [...lines(10), 'broken\n', 'line\n', ...lines(10, 'tail')].join('');
    const after = [...lines(10), 'broken line\n', ...lines(10, 'tail')].join('').replace('line 3\n', '');
    const diff = unifiedDiff(before, after, 'a.txt');
    expect(diff).toContain('-broken\n-line\n+broken line\n');
    if (hasPatch) expect(patched(before, diff)).toBe(after);
  });

  it('is empty for equal texts and colours only when asked', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a.txt')).toBe('');
    expect(unifiedDiff('a\n', 'b\n', 'a.txt', true)).toContain('\u001b[31m-a\u001b[39m');
    expect(unifiedDiff('a\n', 'b\n', 'a.txt')).not.toContain('\u001b[');
  });
});
