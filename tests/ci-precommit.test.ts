/**
 * The pre-commit hook (.pre-commit-hooks.yaml): its manifest checked against
 * the keys and types pre-commit accepts, then run as pre-commit runs it
 * (pre-commit itself is a Python tool outside this project's registries): in
 * a temporary git repository, the staged files that match the hook's `files`
 * pattern are passed to its `entry` (the `mtlint` bin of package.json) with its
 * `args`, and the exit code decides the commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, ROOT, tempDir } from './helpers/cli.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  types?: string[];
  args?: string[];
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks[0];
const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;

/** pre-commit's `files` is a Python regex; `(?i)` at the start is the only inline flag used. */
function pythonRegex(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

let repo: ReturnType<typeof tempDir>;
function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
    cwd: repo.path,
    encoding: 'utf8',
  });
}

/** What pre-commit does on `git commit`: staged (added, copied, modified, renamed) files, filtered, as arguments. */
function runHook(): { code: number; stdout: string; stderr: string; files: string[] } {
  const staged = git('diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR').split('\0').filter(Boolean);
  const include = pythonRegex(hook.files ?? '');
  const exclude = hook.exclude ? pythonRegex(hook.exclude) : undefined;
  const files = staged.filter((file) => include.test(file) && !exclude?.test(file));
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  expect(bin[command], `entry ${command} is a bin of the package`).toBe('dist/cli/mtlint.js');
  const result = spawnSync(
    process.execPath,
    [CLI, ...entryArgs, ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : files)],
    {
      cwd: repo.path,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, files };
}

beforeEach(() => {
  repo = tempDir('mtlint-precommit-');
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo.path, 'site'));
});
afterEach(() => repo.cleanup());

describe('.pre-commit-hooks.yaml', () => {
  it('is a valid hook manifest for pre-commit', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(import.meta.dirname, 'schemas', 'pre-commit-hooks.schema.json'), 'utf8')),
    );
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...hook, language: 'nodejs' }])).toBe(false);
    expect(validate([{ ...hook, entry: undefined }])).toBe(false);
    expect(hook).toMatchObject({ id: 'mtlint', entry: 'mtlint', language: 'node', types: ['text'] });
  });

  it('lints the staged text, Markdown and HTML files only, and blocks the commit on errors', () => {
    writeFileSync(join(repo.path, '.mtlintrc.json'), JSON.stringify({ rules: { 'doubled-punctuation': 'error' } }));
    writeFileSync(join(repo.path, 'site', 'post.md'), '# Post\n\nShe left. . Then she came back.\n');
    writeFileSync(join(repo.path, 'site', 'page.HTML'), '<p>Clean text for $ 5, almost.</p>\n');
    writeFileSync(join(repo.path, 'notes.txt'), 'A clean note.\n');
    writeFileSync(join(repo.path, 'script.py'), "print('She left. . Then')\n");
    writeFileSync(join(repo.path, 'unstaged.txt'), 'Not staged. . At all.\n');
    git('add', '.mtlintrc.json', 'site', 'notes.txt', 'script.py');
    const run = runHook();
    expect(run.files).toEqual(['notes.txt', 'site/page.HTML', 'site/post.md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('site/post.md');
    expect(run.stdout).toMatch(/ 3:9 +error /);
    expect(run.stdout).toContain('site/page.HTML');
    expect(run.stdout).not.toContain('unstaged.txt');
    expect(run.stdout).not.toContain('script.py');
  });

  it('lets the commit through when the staged files have warnings only or nothing', () => {
    writeFileSync(join(repo.path, 'a.txt'), 'Warnings only , here.\n');
    git('add', 'a.txt');
    const warnings = runHook();
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toContain('a.txt');
    git('commit', '-q', '-m', 'a');
    writeFileSync(join(repo.path, 'b.md'), '# Fine\n\nAll good.\n');
    git('add', 'b.md');
    const clean = runHook();
    expect(clean).toMatchObject({ code: 0, stdout: '', files: ['b.md'] });
  });
});
