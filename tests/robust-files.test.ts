/**
 * Odd files, end to end through the built CLI (`node dist/src/cli.js`) in
 * temporary folders: empty, binary, invalid UTF-8, UTF-16 with a byte order
 * mark, over `--max-file-size`, unreadable, deleted between listing and
 * reading, symbolic link loops, FIFOs. Each problem is one clear line on
 * stderr (no stack trace), the other files are still linted, and the exit code
 * is 2 (file problems); an empty file is simply clean.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/engine/config.js';
import { FileError } from '../src/engine/files.js';
import { runFileJob } from '../src/engine/job.js';
import { CLI, type CliRun, runMtlint, tempDir } from './helpers/cli.js';

const GOOD = 'The opposition said so , then left.\n';
const STRICT_CONFIG = '{"root": true, "extends": "mtlint:strict"}\n';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/**
 * A temporary folder with `good.txt` (one finding) and the given extra files,
 * linted with `mtlint:strict` (its `space-before-punctuation` gives the findings).
 */
function project(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('mtlint-robust-');
  cleanups.push(dir.cleanup);
  writeFileSync(join(dir.path, '.mtlintrc.json'), STRICT_CONFIG);
  writeFileSync(join(dir.path, 'good.txt'), GOOD);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir.path, name, '..'), { recursive: true });
    writeFileSync(join(dir.path, name), content);
  }
  return dir.path;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number; column: number }>;
}

function reported(run: CliRun): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const result of JSON.parse(run.stdout) as JsonResult[])
    out[result.filePath.split('/').pop() as string] = result.messages.map(
      (message) => `${message.line}:${message.column} ${message.ruleId}`,
    );
  return out;
}

/** stderr lines that are problems (`mtlint: …`), checked to be single lines without a stack trace. */
function problems(run: CliRun): string[] {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/internal error/i);
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  for (const line of lines) expect(line).toMatch(/^mtlint: /);
  return lines;
}

function expectGoodStillLinted(run: CliRun): void {
  expect(reported(run)['good.txt']).toEqual(['1:23 space-before-punctuation']);
}

describe('odd files through the CLI', () => {
  it('an empty file is clean: no message, exit 0', () => {
    const cwd = project({ 'empty.txt': '', 'empty.md': '', 'empty.html': '' });
    unlinkSync(join(cwd, 'good.txt'));
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([]);
    expect(reported(run)).toEqual({ 'empty.html': [], 'empty.md': [], 'empty.txt': [] });
    expect(run.code).toBe(0);
  });

  it('a binary file: one line, skipped, exit 2', () => {
    const cwd = project({ 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([`mtlint: image.txt: binary file (contains NUL bytes), skipped`]);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
  });

  it('invalid UTF-8: one line naming the byte, exit 2', () => {
    const cwd = project({ 'latin1.md': Buffer.from('Caf\xe9 au lait , please.\n', 'latin1') });
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([
      `mtlint: latin1.md: invalid UTF-8 at byte 3, skipped; if it is Latin-1, convert it (iconv -f latin1 -t utf-8 FILE > FILE.new) or read it with --encoding latin1`,
    ]);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
  });

  it('UTF-16 with a byte order mark (LE and BE) is read, linted at the right place and fixed in its encoding', () => {
    const text = 'Café 😀 said so , then left .\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const cwd = project({ 'le.txt': le, 'be.txt': be });
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([]);
    const expected = ['1:16 space-before-punctuation', '1:28 space-before-punctuation'];
    expect(reported(run)).toEqual({
      'be.txt': expected,
      'good.txt': ['1:23 space-before-punctuation'],
      'le.txt': expected,
    });
    const fix = runMtlint(['--fix', '.'], { cwd });
    expect(fix.code).toBe(0);
    const fixed = 'Café 😀 said so, then left.\n';
    expect(readFileSync(join(cwd, 'le.txt'))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]),
    );
    const fixedBe = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]);
    fixedBe.swap16();
    expect(readFileSync(join(cwd, 'be.txt'))).toEqual(fixedBe);
  });

  it('a file over --max-file-size: one line with the sizes, exit 2', () => {
    const cwd = project({ 'big.txt': 'word '.repeat(50_000) });
    const run = runMtlint(['--format', 'json', '--max-file-size', '100000', '.'], { cwd });
    expect(problems(run)).toEqual([`mtlint: big.txt: file is 244.1 KB, over the limit of 97.7 KB (--max-file-size)`]);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
  });

  it('an unreadable file: one line, exit 2 (as an unprivileged user, since root reads anything)', () => {
    const cwd = project({ 'secret.md': 'Private , text.\n' });
    chmodSync(join(cwd, 'secret.md'), 0o000);
    const asRoot = process.getuid?.() === 0;
    let run: CliRun;
    if (asRoot) {
      // chmod 000 does not stop root: run the CLI as `nobody`, who can read the rest.
      chmodSync(cwd, 0o755);
      for (const name of ['good.txt']) chmodSync(join(cwd, name), 0o644);
      const result = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], {
        cwd,
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
      });
      run = { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    } else run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([`mtlint: secret.md: permission denied`]);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
  });

  it('a file deleted between listing and reading: a FileError, not a crash', () => {
    const cwd = project({ 'gone.md': 'Soon , gone.\n' });
    const path = join(cwd, 'gone.md');
    unlinkSync(path);
    const job = {
      filePath: path,
      format: 'md' as const,
      config: new ConfigResolver({ projectRoot: cwd }).forFile(path),
    };
    const outcome = runFileJob({ ...job, mode: 'lint' }, { cwd });
    expect(outcome).toBeInstanceOf(FileError);
    expect((outcome as FileError).message).toBe(`${path}: no such file (deleted?)`);
    const fixOutcome = runFileJob({ ...job, mode: 'fix' }, { cwd });
    expect((fixOutcome as FileError).message).toBe(`${path}: no such file (deleted?)`);
  });

  it('a file named on the command line that does not exist: one line, the others linted, exit 2', () => {
    const cwd = project();
    const run = runMtlint(['--format', 'json', 'good.txt', 'missing.md'], { cwd });
    expect(problems(run)).toEqual(['mtlint: missing.md: no such file or directory']);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
  });

  it('symbolic link loops: one line each, found while walking and when named, exit 2', () => {
    const cwd = project();
    symlinkSync('b.md', join(cwd, 'a.md'));
    symlinkSync('a.md', join(cwd, 'b.md'));
    mkdirSync(join(cwd, 'sub'));
    symlinkSync('..', join(cwd, 'sub', 'up'));
    writeFileSync(join(cwd, 'sub', 'inner.md'), 'Inside , here.\n');
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run).sort()).toEqual([`mtlint: a.md: symbolic link loop`, `mtlint: b.md: symbolic link loop`]);
    // The folder loop (sub/up → ..) is walked once, so each file is linted once.
    expect(reported(run)).toEqual({
      'good.txt': ['1:23 space-before-punctuation'],
      'inner.md': ['1:7 space-before-punctuation'],
    });
    expect(run.code).toBe(2);
    const named = runMtlint(['--format', 'json', 'a.md', 'good.txt'], { cwd });
    expect(problems(named)).toEqual(['mtlint: a.md: symbolic link loop']);
    expectGoodStillLinted(named);
    expect(named.code).toBe(2);
  });

  it('a FIFO: reported without blocking, while walking and when named, exit 2', () => {
    const cwd = project();
    const made = spawnSync('mkfifo', [join(cwd, 'pipe.md')]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    const run = runMtlint(['--format', 'json', '.'], { cwd });
    expect(problems(run)).toEqual([`mtlint: pipe.md: not a regular file (FIFO, socket or device), skipped`]);
    expectGoodStillLinted(run);
    expect(run.code).toBe(2);
    const named = runMtlint(['--format', 'json', 'pipe.md', 'good.txt'], { cwd });
    expect(problems(named)).toEqual([`mtlint: pipe.md: not a regular file (FIFO, socket or device)`]);
    expectGoodStillLinted(named);
    expect(named.code).toBe(2);
  });

  it('many files on worker threads: a bad file among them is still one line, the others linted, exit 2', () => {
    const files: Record<string, string | Buffer> = { 'bad.md': Buffer.from([0xc3, 0x28]) };
    for (let index = 0; index < 40; index++) files[`doc-${String(index).padStart(2, '0')}.md`] = GOOD;
    const cwd = project(files);
    const run = runMtlint(['--format', 'json', '--concurrency', '2', '.'], { cwd });
    expect(problems(run)).toEqual([
      `mtlint: bad.md: invalid UTF-8 at byte 0, skipped; if it is Latin-1, convert it (iconv -f latin1 -t utf-8 FILE > FILE.new) or read it with --encoding latin1`,
    ]);
    const results = reported(run);
    expect(Object.keys(results)).toHaveLength(41);
    expect(Object.values(results).every((messages) => messages.length === 1)).toBe(true);
    expect(run.code).toBe(2);
  });
});
