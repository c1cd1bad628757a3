/** `--since REF`: only the files changed against a git ref, end to end in temporary repositories. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMtlint, tempDir } from './helpers/cli.js';

const BAD = 'She left , then she came back.\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

/** File names (relative to `cwd`) in a JSON report. */
function linted(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string }>).map((result) => result.filePath.slice(cwd.length + 1));
}

let repo: ReturnType<typeof tempDir>;
beforeAll(() => {
  repo = tempDir('mtlint-since-');
  const root = repo.path;
  git(root, 'init', '-q', '-b', 'main');
  mkdirSync(join(root, 'docs'));
  for (const name of ['unchanged.txt', 'edited.txt', 'staged.md', 'deleted.txt', 'renamed.txt', 'docs/old.html'])
    writeFileSync(join(root, name), BAD);
  writeFileSync(join(root, '.gitignore'), 'ignored.txt\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(root, 'committed.txt'), BAD);
  git(root, 'add', 'committed.txt');
  git(root, 'commit', '-q', '-m', 'feature work');
  // After the branch point, main moves on: its changes are not the pull request's.
  git(root, 'checkout', '-q', 'main');
  writeFileSync(join(root, 'main-only.txt'), BAD);
  git(root, 'add', 'main-only.txt');
  git(root, 'commit', '-q', '-m', 'main moves on');
  git(root, 'checkout', '-q', 'feature');
  writeFileSync(join(root, 'edited.txt'), `${BAD}More , text.\n`);
  writeFileSync(join(root, 'staged.md'), `# Title\n\n${BAD}`);
  git(root, 'add', 'staged.md');
  rmSync(join(root, 'deleted.txt'));
  renameSync(join(root, 'renamed.txt'), join(root, 'docs', 'moved.txt'));
  git(root, 'add', '-A', 'renamed.txt', 'docs/moved.txt');
  writeFileSync(join(root, 'untracked file.txt'), BAD);
  writeFileSync(join(root, 'ignored.txt'), BAD);
  writeFileSync(join(root, 'notes.log'), BAD);
});
afterAll(() => repo.cleanup());

describe('--since', () => {
  it('lints committed, staged, unstaged, renamed and untracked changes since the merge base, nothing else', () => {
    const run = runMtlint(['--since', 'main', '-f', 'json'], { cwd: repo.path });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(linted(run.stdout, repo.path)).toEqual([
      'committed.txt',
      'docs/moved.txt',
      'edited.txt',
      'staged.md',
      'untracked file.txt',
    ]);
  });

  it('combines with paths, and works from a subfolder', () => {
    const inDocs = runMtlint(['--since', 'main', '-f', 'json', 'docs'], { cwd: repo.path });
    expect(linted(inDocs.stdout, repo.path)).toEqual(['docs/moved.txt']);
    const fromSubfolder = runMtlint(['--since', 'main', '-f', 'json'], { cwd: join(repo.path, 'docs') });
    expect(linted(fromSubfolder.stdout, join(repo.path, 'docs'))).toEqual(['moved.txt']);
  });

  it('accepts any commit-ish (HEAD: only the work in progress)', () => {
    const run = runMtlint(['--since', 'HEAD', '-f', 'json'], { cwd: repo.path });
    expect(linted(run.stdout, repo.path)).toEqual(['docs/moved.txt', 'edited.txt', 'staged.md', 'untracked file.txt']);
  });

  it('lints nothing, and exits 0, when nothing changed', () => {
    const clean = tempDir('mtlint-since-clean-');
    try {
      git(clean.path, 'init', '-q', '-b', 'main');
      writeFileSync(join(clean.path, 'a.txt'), BAD);
      git(clean.path, 'add', '.');
      git(clean.path, 'commit', '-q', '-m', 'one');
      const run = runMtlint(['--since', 'HEAD'], { cwd: clean.path });
      expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(runMtlint([], { cwd: clean.path }).stdout).toContain('a.txt');
    } finally {
      clean.cleanup();
    }
  });

  it('gives a one-line error and exit code 2 outside a git work tree', () => {
    const outside = tempDir('mtlint-no-git-');
    try {
      writeFileSync(join(outside.path, 'a.txt'), BAD);
      const run = runMtlint(['--since', 'main'], { cwd: outside.path, env: { GIT_CEILING_DIRECTORIES: outside.path } });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`mtlint: --since needs a git work tree, and ${outside.path} is not inside one\n`);
    } finally {
      outside.cleanup();
    }
  });

  it('gives a one-line error and exit code 2 for an unknown or option-like ref, or with stdin', () => {
    const unknown = runMtlint(['--since', 'origin/nope'], { cwd: repo.path });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^mtlint: --since: unknown git ref "origin\/nope" \(in a shallow CI clone[^\n]*\n$/);
    const optionLike = runMtlint(['--since=--output=/tmp/x'], { cwd: repo.path });
    expect(optionLike.code).toBe(2);
    expect(optionLike.stderr).toBe('mtlint: --since: invalid git ref "--output=/tmp/x"\n');
    const stdin = runMtlint(['--since', 'main', '-'], { cwd: repo.path, input: BAD });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toBe('mtlint: --since cannot be used with - (stdin)\n');
  });

  it('says so when git itself is missing', () => {
    const run = runMtlint(['--since', 'main'], { cwd: repo.path, env: { PATH: '/nonexistent' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mtlint: --since needs git, which was not found on PATH\n');
  });
});
