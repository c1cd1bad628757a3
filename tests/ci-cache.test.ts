/**
 * `--cache` end to end: results are reused only when the text, the config and
 * mtlint's version are the same; a corrupt cache is ignored; a crash while the
 * cache is being written leaves the previous cache intact.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, runMtlint, tempDir } from './helpers/cli.js';

const BAD = 'She left , then she came back with $ 5 and went home.\n';
let dir: ReturnType<typeof tempDir>;

beforeEach(() => {
  dir = tempDir('mtlint-cache-');
  for (let index = 0; index < 5; index++) writeFileSync(join(dir.path, `a${index}.txt`), `${index}. ${BAD}`);
  writeFileSync(join(dir.path, 'clean.md'), '# Clean\n\nNothing to see.\n');
});
afterEach(() => dir.cleanup());

/** Runs with `--cache --debug` and returns the run with its hit and miss counts. */
function cached(args: string[] = [], env: Record<string, string> = {}) {
  const run = runMtlint(['--cache', '--debug', ...args], { cwd: dir.path, env });
  const counts = /cache: (\d+) hit\(s\), (\d+) miss\(es\)/.exec(run.stderr);
  return { ...run, hits: Number(counts?.[1]), misses: Number(counts?.[2]) };
}

const cacheFile = () => join(dir.path, '.mtlintcache');

describe('--cache', () => {
  it('reuses the results of unchanged files, with the same output and exit code as without a cache', () => {
    const plain = runMtlint([], { cwd: dir.path });
    const first = cached();
    expect([first.hits, first.misses]).toEqual([0, 6]);
    expect(existsSync(cacheFile())).toBe(true);
    const second = cached();
    expect([second.hits, second.misses]).toEqual([6, 0]);
    for (const run of [first, second]) {
      expect(run.stdout).toBe(plain.stdout);
      expect(run.code).toBe(plain.code);
    }
    // JSON output (fix ranges included) is the same from the cache.
    expect(cached(['-f', 'json']).stdout).toBe(runMtlint(['-f', 'json'], { cwd: dir.path }).stdout);
  });

  it('lints again a file whose text changed, and only that one', () => {
    cached();
    writeFileSync(join(dir.path, 'a2.txt'), 'Now it is clean.\n');
    const run = cached(['-f', 'json']);
    expect([run.hits, run.misses]).toEqual([5, 1]);
    const result = JSON.parse(run.stdout).find((r: { filePath: string }) => r.filePath.endsWith('a2.txt'));
    expect(result.messages).toEqual([]);
  });

  it('lints everything again when the config changes, from a file or from --rule', () => {
    cached();
    writeFileSync(join(dir.path, '.mtlintrc.json'), JSON.stringify({ rules: { 'space-before-punctuation': 'error' } }));
    const run = cached();
    expect([run.hits, run.misses]).toEqual([0, 6]);
    expect(run.code).toBe(1);
    expect(cached().hits).toBe(6);
    const flagged = cached(['--rule', 'currency-spacing:off']);
    expect([flagged.hits, flagged.misses]).toEqual([0, 6]);
    expect(flagged.stdout).not.toContain('currency-spacing');
  });

  it('does not reuse results written by another mtlint version', () => {
    cached();
    const data = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    data.mtlint = '0.0.1-other';
    writeFileSync(cacheFile(), JSON.stringify(data));
    const run = cached();
    expect([run.hits, run.misses]).toEqual([0, 6]);
    expect(run.stderr).toContain('previous cache not used: written by another mtlint version (0.0.1-other)');
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).mtlint).not.toBe('0.0.1-other');
  });

  it('ignores a corrupt cache (not fatal) and replaces it', () => {
    const plain = runMtlint([], { cwd: dir.path });
    const corruptions = [
      '',
      'garbage',
      '{"mtlint": "0.1.0", "files": ',
      '[1, 2, 3]',
      JSON.stringify({ mtlint: 'x', files: null }),
      '\u0000\u0001binary',
    ];
    for (const content of corruptions) {
      writeFileSync(cacheFile(), content);
      const run = runMtlint(['--cache'], { cwd: dir.path });
      expect(run.code, JSON.stringify(content)).toBe(plain.code);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe('');
      expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).files).toBeTypeOf('object');
    }
    // Entries of the right version but the wrong shape are dropped one by one.
    cached();
    const data = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    const key = Object.keys(data.files)[0];
    data.files[key].findings = [{ ruleId: 'x', severity: 7 }];
    writeFileSync(cacheFile(), JSON.stringify(data));
    const run = cached();
    expect([run.hits, run.misses]).toEqual([5, 1]);
    expect(run.stdout).toBe(plain.stdout);
  });

  it('survives a crash mid-write: the previous cache stays whole and is used by the next run', () => {
    cached();
    const before = readFileSync(cacheFile(), 'utf8');
    writeFileSync(join(dir.path, 'a0.txt'), 'Changed , so the cache must be written again.\n');
    for (const mode of ['write', 'rename']) {
      const crash = spawnSync(
        process.execPath,
        ['--import', join(import.meta.dirname, 'fixtures', 'crash-cache-write.mjs'), CLI, '--cache'],
        { cwd: dir.path, encoding: 'utf8', env: { ...process.env, MTLINT_TEST_CRASH: mode } },
      );
      expect(crash.signal, mode).toBe('SIGKILL');
      expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
    }
    // The killed runs left their temporary files behind; they are not the cache.
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp')).length).toBeGreaterThan(0);
    const after = cached();
    expect([after.hits, after.misses]).toEqual([5, 1]);
    expect(after.stdout).toBe(runMtlint([], { cwd: dir.path }).stdout);
  });

  it('works with worker threads: workers read the cache and the main thread writes what they found', () => {
    for (let index = 0; index < 40; index++) writeFileSync(join(dir.path, `many-${index}.txt`), `${index}. ${BAD}`);
    const single = runMtlint(['--concurrency', '1', '-f', 'json'], { cwd: dir.path });
    const first = cached(['--concurrency', '2', '-f', 'json']);
    expect([first.hits, first.misses]).toEqual([0, 46]);
    writeFileSync(join(dir.path, 'many-7.txt'), 'Clean now.\n');
    const second = cached(['--concurrency', '2', '-f', 'json']);
    expect([second.hits, second.misses]).toEqual([45, 1]);
    expect(second.stdout).toBe(runMtlint(['--concurrency', '1', '-f', 'json'], { cwd: dir.path }).stdout);
    expect(first.stdout).toBe(single.stdout);
  });

  it('--cache-location takes a file or a folder', () => {
    mkdirSync(join(dir.path, 'cache-dir'));
    cached(['--cache-location', 'cache-dir']);
    expect(existsSync(join(dir.path, 'cache-dir', '.mtlintcache'))).toBe(true);
    expect(cached(['--cache-location', 'cache-dir/']).hits).toBe(6);
    cached(['--cache-location', 'custom.cache']);
    expect(existsSync(join(dir.path, 'custom.cache'))).toBe(true);
    expect(cached(['--cache-location', 'custom.cache']).hits).toBe(6);
    expect(existsSync(cacheFile())).toBe(false);
    // The cache is keyed by paths relative to it: the same files from another folder hit it.
    mkdirSync(join(dir.path, 'sub'));
    const fromSub = runMtlint(['--cache', '--debug', '--cache-location', '../custom.cache', '..'], {
      cwd: join(dir.path, 'sub'),
    });
    expect(fromSub.stderr).toContain('cache: 6 hit(s), 0 miss(es)');
  });

  it('warns, without changing the exit code, when the cache cannot be written', () => {
    const plain = runMtlint([], { cwd: dir.path });
    const run = runMtlint(['--cache', '--cache-location', 'no/such/folder/cache'], { cwd: dir.path });
    expect(run.code).toBe(plain.code);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toMatch(/^mtlint: warning: .*no\/such\/folder\/cache: cannot write the cache \(ENOENT\)/);
  });

  it('--fix with --cache fixes files whose cached findings are fixable, and caches the fixed text', () => {
    cached();
    const run = cached(['--fix']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir.path, 'a1.txt'), 'utf8')).toBe(
      '1. She left, then she came back with $5 and went home.\n',
    );
    const again = cached();
    expect([again.hits, again.misses]).toEqual([6, 0]);
    expect(again.stdout).toBe('');
  });

  it('is a usage error with stdin, and --cache-location needs --cache', () => {
    expect(runMtlint(['--cache', '-'], { cwd: dir.path, input: BAD }).stderr).toBe(
      'mtlint: --cache cannot be used with - (stdin)\n',
    );
    const run = runMtlint(['--cache-location', 'x'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mtlint: --cache-location needs --cache\n');
  });
});
