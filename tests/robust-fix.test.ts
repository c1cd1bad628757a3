/**
 * `--fix` safety, end to end through the built CLI: the file is replaced
 * atomically (a new inode, no temporary file left), its mode is kept, a fix
 * never writes through a symbolic link (to a file or a folder) to a place
 * outside the linted folder, ignored files are never touched, and two
 * concurrent `mtlint --fix` runs on one big file leave exactly what one run
 * leaves.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, type CliRun, runMtlint, tempDir } from './helpers/cli.js';

const BROKEN = 'The group ( Viasna ) said so , then left .\nShe waited. . Then she left,, again.\n';
const FIXED = 'The group (Viasna) said so, then left.\nShe waited. Then she left, again.\n';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A temporary folder linted with `mtlint:strict`, whose spacing rules fix most of BROKEN. */
function temp(): string {
  const dir = tempDir('mtlint-fix-');
  cleanups.push(dir.cleanup);
  writeFileSync(join(dir.path, '.mtlintrc.json'), '{"root": true, "extends": "mtlint:strict"}\n');
  return dir.path;
}

/** What a fix may have left in a folder, besides the config `temp()` writes: sorted names. */
function entries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== '.mtlintrc.json')
    .sort();
}

function noStackTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('--fix safety', () => {
  it('replaces the file atomically (new inode, no temporary file left) and keeps its mode', () => {
    const cwd = temp();
    const path = join(cwd, 'article.md');
    writeFileSync(path, BROKEN);
    chmodSync(path, 0o640);
    const before = statSync(path);
    const run = runMtlint(['--fix', 'article.md'], { cwd });
    noStackTrace(run);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    const after = statSync(path);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(entries(cwd)).toEqual(['article.md']);
  });

  it('keeps an executable or unusual mode too', () => {
    const cwd = temp();
    const path = join(cwd, 'notes.txt');
    writeFileSync(path, BROKEN);
    chmodSync(path, 0o751);
    expect(runMtlint(['--fix', '.'], { cwd }).code).toBe(0);
    expect(statSync(path).mode & 0o7777).toBe(0o751);
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
  });

  it('never writes through a symbolic link to a file outside the linted folder', () => {
    const outside = temp();
    const target = join(outside, 'target.md');
    writeFileSync(target, BROKEN);
    const cwd = temp();
    symlinkSync(target, join(cwd, 'link.md'));
    writeFileSync(join(cwd, 'own.md'), BROKEN);
    const run = runMtlint(['--fix', '.'], { cwd });
    noStackTrace(run);
    expect(run.stderr.trim()).toBe(`mtlint: link.md: not fixed: symbolic link points outside the linted folder`);
    expect(run.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe(BROKEN);
    expect(readFileSync(join(cwd, 'own.md'), 'utf8')).toBe(FIXED);
  });

  it('never writes into a linked folder that points outside the linted folder', () => {
    const outside = temp();
    writeFileSync(join(outside, 'elsewhere.md'), BROKEN);
    const cwd = temp();
    symlinkSync(outside, join(cwd, 'linked'));
    const run = runMtlint(['--fix', '.'], { cwd });
    noStackTrace(run);
    expect(run.stderr.trim()).toBe(
      `mtlint: linked/elsewhere.md: not fixed: symbolic link points outside the linted folder`,
    );
    expect(run.code).toBe(2);
    expect(readFileSync(join(outside, 'elsewhere.md'), 'utf8')).toBe(BROKEN);
    expect(entries(outside)).toEqual(['elsewhere.md']);
  });

  it('fixes the target of a link inside the linted folder and keeps the link', () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'real'));
    writeFileSync(join(cwd, 'real', 'doc.md'), BROKEN);
    symlinkSync(join('real', 'doc.md'), join(cwd, 'alias.md'));
    const run = runMtlint(['--fix', 'alias.md'], { cwd });
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, 'real', 'doc.md'), 'utf8')).toBe(FIXED);
    expect(statSync(join(cwd, 'alias.md')).isFile()).toBe(true);
    expect(entries(cwd)).toEqual(['alias.md', 'real']);
  });

  it('never touches ignored files, walked or named', () => {
    const cwd = temp();
    writeFileSync(join(cwd, '.mtlintignore'), 'ignored.md\nvendor/\n');
    writeFileSync(join(cwd, 'ignored.md'), BROKEN);
    mkdirSync(join(cwd, 'vendor'));
    writeFileSync(join(cwd, 'vendor', 'lib.md'), BROKEN);
    mkdirSync(join(cwd, 'node_modules'));
    writeFileSync(join(cwd, 'node_modules', 'readme.md'), BROKEN);
    writeFileSync(join(cwd, 'kept.md'), BROKEN);
    const before = statSync(join(cwd, 'ignored.md'));
    const walked = runMtlint(['--fix', '.'], { cwd });
    expect(walked.code).toBe(0);
    const named = runMtlint(['--fix', 'ignored.md', '--ignore-pattern', 'kept.md', 'kept.md'], { cwd });
    expect(named.stderr).toContain('ignored.md: ignored by an ignore pattern');
    expect(readFileSync(join(cwd, 'ignored.md'), 'utf8')).toBe(BROKEN);
    expect(statSync(join(cwd, 'ignored.md')).ino).toBe(before.ino);
    expect(readFileSync(join(cwd, 'vendor', 'lib.md'), 'utf8')).toBe(BROKEN);
    expect(readFileSync(join(cwd, 'node_modules', 'readme.md'), 'utf8')).toBe(BROKEN);
    expect(readFileSync(join(cwd, 'kept.md'), 'utf8')).toBe(FIXED);
  });

  it('two concurrent --fix runs on one big file leave exactly what one run leaves', async () => {
    const paragraphs: string[] = [];
    for (let index = 0; index < 1000; index++)
      paragraphs.push(
        `Paragraph ${index} says so , then leaves . The group ( Viasna ) met. . Then the the police came,, again.`,
      );
    const big = `${paragraphs.join('\n\n')}\n`;
    const single = temp();
    writeFileSync(join(single, 'big.md'), big);
    const alone = runMtlint(['--fix', 'big.md'], { cwd: single });
    expect(alone.code).toBe(0);
    const expected = readFileSync(join(single, 'big.md'), 'utf8');
    expect(expected).not.toBe(big);
    expect(expected).not.toMatch(/ ,|\. \.|,,/);

    const cwd = temp();
    copyFileSync(join(single, 'big.md'), join(cwd, 'expected.md'));
    writeFileSync(join(cwd, 'big.md'), big);
    const runOnce = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [CLI, '--fix', 'big.md'], { cwd, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([runOnce(), runOnce()]);
    expect(codes).toEqual([0, 0]);
    expect(readFileSync(join(cwd, 'big.md'), 'utf8')).toBe(expected);
    expect(entries(cwd)).toEqual(['big.md', 'expected.md']);
  }, 240_000);
});
