/**
 * Which files a run takes: `.gitignore` (through git), `.mtlintignore` found
 * as config files are (from a file's folder up to the repository root),
 * `--no-ignore`, `--ext`; and problems named relative to the working folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-files-');
});
afterEach(() => dir.cleanup());

const ARTEFACT = 'One , two.\n';
const hasGit = spawnSync('git', ['--version']).status === 0;

function files(entries: Record<string, string>): void {
  for (const [name, content] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir.path, name)), { recursive: true });
    writeFileSync(join(dir.path, name), content);
  }
}

/** The files a run reported on, relative to the folder it ran in. */
function linted(args: string[], cwd = dir.path): string[] {
  const run = runMtlint([...args, '-f', 'unix'], { cwd });
  return [...new Set(run.stdout.split('\n').flatMap((line) => /^(.+?):\d+:\d+:/.exec(line)?.[1] ?? []))].sort();
}

function git(...args: string[]): void {
  const run = spawnSync('git', args, { cwd: dir.path, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

describe('.gitignore', () => {
  it.skipIf(!hasGit)('skips what git ignores, at every level, but not tracked files; --no-ignore lints all', () => {
    files({
      '.gitignore': 'build/\n',
      'build/out.txt': ARTEFACT,
      'build/kept.txt': ARTEFACT,
      'docs/.gitignore': '*.draft.md\n',
      'docs/a.md': ARTEFACT,
      'docs/b.draft.md': ARTEFACT,
      'article.txt': ARTEFACT,
    });
    git('init', '-q');
    git('add', '-f', 'build/kept.txt');
    expect(linted([])).toEqual(['article.txt', 'build/kept.txt', 'docs/a.md']);
    expect(linted(['--no-ignore'])).toEqual([
      'article.txt',
      'build/kept.txt',
      'build/out.txt',
      'docs/a.md',
      'docs/b.draft.md',
    ]);
    const named = runMtlint(['build/out.txt'], { cwd: dir.path });
    expect(named.stderr).toBe('mtlint: build/out.txt: ignored by an ignore pattern (use --no-ignore to lint it)\n');
  });

  it('outside a git repository, a .gitignore is not read', () => {
    files({ '.gitignore': 'build/\n', 'build/out.txt': ARTEFACT });
    expect(linted([])).toEqual(['build/out.txt']);
  });
});

describe('.mtlintignore', () => {
  it('is found from the working folder up to the repository root, each relative to its folder', () => {
    files({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.mtlintignore': 'site/generated/\n',
      'repo/site/generated/page.txt': ARTEFACT,
      'repo/site/page.txt': ARTEFACT,
      // Above the repository root: not read.
      '.mtlintignore': 'page.txt\n',
    });
    expect(linted([], join(dir.path, 'repo', 'site'))).toEqual(['page.txt']);
    expect(linted(['--no-ignore'], join(dir.path, 'repo', 'site'))).toEqual(['generated/page.txt', 'page.txt']);
  });

  it('in a folder below the working folder applies to that folder', () => {
    files({
      'docs/.mtlintignore': 'old/\n',
      'docs/old/a.txt': ARTEFACT,
      'docs/new/a.txt': ARTEFACT,
      'old/a.txt': ARTEFACT,
    });
    expect(linted([])).toEqual(['docs/new/a.txt', 'old/a.txt']);
    expect(runMtlint(['docs/old/a.txt'], { cwd: dir.path }).stderr).toContain('docs/old/a.txt: ignored');
  });

  it('--ignore-path uses one file instead, --ignore-pattern adds patterns', () => {
    files({
      '.mtlintignore': 'a.txt\n',
      'team.ignore': 'b.txt\n',
      'a.txt': ARTEFACT,
      'b.txt': ARTEFACT,
      'c.txt': ARTEFACT,
    });
    expect(linted([])).toEqual(['b.txt', 'c.txt']);
    expect(linted(['--ignore-path', 'team.ignore'])).toEqual(['a.txt', 'c.txt']);
    expect(linted(['--ignore-pattern', 'c.txt'])).toEqual(['b.txt']);
  });
});

describe('--ext', () => {
  it('adds extensions to a folder walk: .mdx read as Markdown, others as plain text', () => {
    files({
      'a.mdx': '# Title\n\n```js\nconst list = [1 , 2];\n```\n\nText , here.\n',
      'b.rst': 'Some text , here.\n',
      'c.txt': ARTEFACT,
    });
    expect(linted([])).toEqual(['c.txt']);
    const run = runMtlint(['--ext', '.mdx,rst', '-f', 'unix'], { cwd: dir.path });
    // The code block of the .mdx file is not prose: one finding, on line 7.
    expect(run.stdout).toContain('a.mdx:7:5: Unexpected space before `,`');
    expect(run.stdout).not.toContain('a.mdx:4:');
    expect(run.stdout).toContain('b.rst:1:10:');
    expect(runMtlint(['--ext', '*.x'], { cwd: dir.path }).stderr).toBe(
      'mtlint: --ext expects extensions such as .mdx,.rst, got "*.x"\n',
    );
  });
});

describe('the `extensions` config key', () => {
  it('adds extensions as --ext does; a bad one names the key', () => {
    files({ '.mtlintrc.json': '{ "extensions": [".rst"] }', 'b.rst': 'Some text , here.\n', 'c.txt': ARTEFACT });
    expect(linted([])).toEqual(['b.rst', 'c.txt']);
    expect(JSON.parse(runMtlint(['--print-config', 'c.txt'], { cwd: dir.path }).stdout).extensions).toEqual(['.rst']);
    writeFileSync(join(dir.path, '.mtlintrc.json'), '{ "extensions": ["rst"] }');
    const run = runMtlint(['c.txt'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'mtlint: .mtlintrc.json:1:3: extensions: must be a list of extensions such as [".mdx", ".rst"]\n',
    );
  });
});

describe('paths', () => {
  it('problems name files relative to the working folder, as the report does', () => {
    files({ 'docs/bad.txt': 'caf\u00e9', 'docs/good.txt': ARTEFACT });
    writeFileSync(join(dir.path, 'docs', 'bad.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const run = runMtlint(['docs'], { cwd: dir.path });
    expect(run.stderr).toMatch(/^mtlint: docs\/bad\.txt: invalid UTF-8 at byte 3/);
    expect(run.stdout).toMatch(/^docs\/good\.txt$/m);
  });
});
