/** `--shard K/N` and `mtlint merge-reports`, end to end: the shards' merged report equals one run over everything. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../src/engine/shard.js';
import { runMtlint, tempDir } from './helpers/cli.js';

const N = 3;
let repo: ReturnType<typeof tempDir>;
const names: string[] = [];

beforeAll(() => {
  repo = tempDir('mtlint-shard-');
  mkdirSync(join(repo.path, 'news'));
  for (let index = 0; index < 24; index++) {
    const name = index % 3 === 0 ? `news/item-${index}.md` : `article-${index}.txt`;
    names.push(name);
    // Some files clean, some with warnings, some with errors (via the config below).
    const text =
      index % 4 === 0 ? 'A clean sentence.\n' : `Sentence ${index} ends. . Then more ,text.\nAnd the the end.\n`;
    writeFileSync(join(repo.path, name), text);
  }
  writeFileSync(
    join(repo.path, '.mtlintrc.json'),
    JSON.stringify({ overrides: [{ files: ['news/**'], rules: { 'doubled-punctuation': 'error' } }] }),
  );
});
afterAll(() => repo.cleanup());

function files(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string }>).map((result) => result.filePath);
}

describe('--shard', () => {
  it('splits the files into disjoint shards that cover every file, the same way on every run', () => {
    const all = files(runMtlint(['-f', 'json'], { cwd: repo.path }).stdout);
    expect(all).toHaveLength(24);
    const shards = Array.from({ length: N }, (_, k) =>
      files(runMtlint(['--shard', `${k + 1}/${N}`, '-f', 'json'], { cwd: repo.path }).stdout),
    );
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(24);
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
    expect(files(runMtlint(['--shard', `2/${N}`, '-f', 'json'], { cwd: repo.path }).stdout)).toEqual(shards[1]);
    // The split is the documented hash of the relative path.
    for (const [k, shard] of shards.entries()) for (const file of shard) expect(shardOf(file, repo.path, N)).toBe(k);
  });

  it('splits the same way with worker threads', () => {
    for (let index = 200; index < 260; index++) writeFileSync(join(repo.path, `bulk-${index}.txt`), 'Bulk , text.\n');
    try {
      for (let k = 1; k <= N; k++) {
        const threaded = runMtlint(['--shard', `${k}/${N}`, '--concurrency', '2', '-f', 'json'], { cwd: repo.path });
        const single = runMtlint(['--shard', `${k}/${N}`, '--concurrency', '1', '-f', 'json'], { cwd: repo.path });
        expect(files(threaded.stdout).length).toBeGreaterThan(16);
        expect(threaded.stdout).toBe(single.stdout);
      }
    } finally {
      for (let index = 200; index < 260; index++) rmSync(join(repo.path, `bulk-${index}.txt`));
    }
  });

  it('keeps files in their shard when other files are added', () => {
    const before = files(runMtlint(['--shard', '1/3', '-f', 'json'], { cwd: repo.path }).stdout);
    const extra = tempDir('mtlint-shard-grow-');
    try {
      for (const name of names) {
        mkdirSync(join(extra.path, 'news'), { recursive: true });
        writeFileSync(join(extra.path, name), readFileSync(join(repo.path, name)));
      }
      for (let index = 100; index < 120; index++) writeFileSync(join(extra.path, `new-${index}.txt`), 'New text.\n');
      const after = files(runMtlint(['--shard', '1/3', '-f', 'json'], { cwd: extra.path }).stdout)
        .map((file) => file.slice(extra.path.length + 1))
        .filter((file) => !file.startsWith('new-'));
      expect(after).toEqual(before.map((file) => file.slice(repo.path.length + 1)));
    } finally {
      extra.cleanup();
    }
  });

  it('1/1 is everything; a bad value is a usage error', () => {
    expect(runMtlint(['--shard', '1/1', '-f', 'json'], { cwd: repo.path }).stdout).toBe(
      runMtlint(['-f', 'json'], { cwd: repo.path }).stdout,
    );
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) {
      const run = runMtlint([`--shard=${bad}`], { cwd: repo.path });
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toBe(`mtlint: --shard expects K/N with 1 <= K <= N (e.g. 2/4), got "${bad}"\n`);
    }
  });
});

describe('merge-reports', () => {
  function shardReports(format: 'json' | 'sarif'): string[] {
    return Array.from({ length: N }, (_, k) => {
      const path = `shard-${k + 1}.${format}`;
      const run = runMtlint(['--shard', `${k + 1}/${N}`, '-f', format, '-o', path], { cwd: repo.path });
      expect([0, 1]).toContain(run.code);
      return path;
    });
  }

  it('merges JSON reports into exactly the report of one run over everything', () => {
    const whole = runMtlint(['-f', 'json'], { cwd: repo.path });
    const reports = shardReports('json');
    const merged = runMtlint(['merge-reports', ...reports.reverse()], { cwd: repo.path });
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    expect(whole.code).toBe(1);
    expect(merged.code).toBe(1);
    const totals = JSON.parse(merged.stdout).reduce(
      (sum: number[], r: { errorCount: number; warningCount: number }) => [
        sum[0] + r.errorCount,
        sum[1] + r.warningCount,
      ],
      [0, 0],
    );
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBeGreaterThan(0);
  });

  it('merges SARIF reports into one valid run with the same results as one run over everything', () => {
    const whole = JSON.parse(runMtlint(['-f', 'sarif'], { cwd: repo.path }).stdout);
    const reports = shardReports('sarif');
    const merged = runMtlint(['merge-reports', '-o', 'merged.sarif', ...reports], { cwd: repo.path });
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(repo.path, 'merged.sarif'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-2.1.0.json'), 'utf8')),
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results).toEqual(whole.runs[0].results);
    expect(log.runs[0].tool).toEqual(whole.runs[0].tool);
    expect(log.runs[0].results.filter((r: { level: string }) => r.level === 'error').length).toBeGreaterThan(0);
  });

  it('exits 0 when the merged report has no errors', () => {
    const clean = runMtlint(['--rule', 'doubled-punctuation:warn', '-f', 'json', '-o', 'warn-only.json'], {
      cwd: repo.path,
    });
    expect(clean.code).toBe(0);
    expect(runMtlint(['merge-reports', 'warn-only.json'], { cwd: repo.path }).code).toBe(0);
  });

  it('refuses overlapping, mixed, invalid or missing reports with a one-line error and exit code 2', () => {
    runMtlint(['--shard', '1/3', '-f', 'json', '-o', 'a.json'], { cwd: repo.path });
    runMtlint(['--shard', '1/3', '-f', 'sarif', '-o', 'a.sarif'], { cwd: repo.path });
    writeFileSync(join(repo.path, 'junk.json'), '{"not": "a report"}');
    writeFileSync(join(repo.path, 'broken.json'), '[{"filePath"');
    const cases: Array<[string[], RegExp]> = [
      [['a.json', 'a.json'], /^mtlint: \/.+ is in both a\.json and a\.json \(the same shard twice\?\)\n$/],
      [['a.sarif', 'a.sarif'], /is in both a\.sarif and a\.sarif/],
      [['a.json', 'a.sarif'], /^mtlint: cannot merge JSON and SARIF reports together\n$/],
      [['junk.json'], /^mtlint: junk\.json: not an mtlint JSON or SARIF report\n$/],
      [['broken.json'], /^mtlint: broken\.json: not a JSON or SARIF report \(invalid JSON\)\n$/],
      [['missing.json'], /^mtlint: missing\.json: cannot read report \(ENOENT\)\n$/],
      [[], /^mtlint: merge-reports needs at least one report file\n$/],
      [['--bogus'], /^mtlint: Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const run = runMtlint(['merge-reports', ...args], { cwd: repo.path });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });

  it('has its own --help', () => {
    const run = runMtlint(['merge-reports', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mtlint merge-reports [-o FILE] REPORT...');
  });
});
