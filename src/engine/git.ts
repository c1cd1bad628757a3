/**
 * `--since REF`: the files changed against a git ref, for pull-request runs.
 *
 * "Changed" means added, copied, modified, renamed (new name) or retyped
 * between the merge base of REF and HEAD and the working tree (so committed,
 * staged and unstaged edits all count), plus untracked files that git does
 * not ignore. Deleted files are not listed. git runs as a child process with
 * an argument array, never through a shell.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

interface GitFailure {
  missing: boolean;
  message: string;
}

function git(args: string[], cwd: string): string | GitFailure {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    const message = String(failure.stderr ?? failure.message)
      .trim()
      .split('\n')[0];
    return { missing: failure.code === 'ENOENT', message };
  }
}

function failed(value: string | GitFailure): value is GitFailure {
  return typeof value !== 'string';
}

/** Absolute real paths of the files changed against `ref`. Throws `UsageError`. */
export function changedFiles(ref: string, cwd: string): Set<string> {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref))
    throw new UsageError(`--since: invalid git ref "${ref}"`);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (failed(top)) {
    if (top.missing) throw new UsageError('--since needs git, which was not found on PATH');
    throw new UsageError(`--since needs a git work tree, and ${resolve(cwd)} is not inside one`);
  }
  const root = top.trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  if (failed(commit)) {
    throw new UsageError(
      `--since: unknown git ref "${ref}" (in a shallow CI clone, fetch it first, e.g. fetch-depth: 0 in actions/checkout)`,
    );
  }
  const base = git(['merge-base', commit.trim(), 'HEAD'], root);
  if (failed(base)) {
    throw new UsageError(
      `--since: "${ref}" and HEAD have no common ancestor (is the clone shallow? fetch more history)`,
    );
  }
  const changed = git(['diff', '--name-only', '-z', '--diff-filter=ACMRT', base.trim(), '--'], root);
  if (failed(changed)) throw new UsageError(`--since: git diff failed: ${changed.message}`);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.'], root);
  if (failed(untracked)) throw new UsageError(`--since: git ls-files failed: ${untracked.message}`);
  const files = new Set<string>();
  for (const name of `${changed}${untracked}`.split('\0')) if (name) files.add(join(root, name));
  return files;
}

/**
 * Keeps the files (absolute paths) whose real location is in `changed`, or
 * whose source (bilingual mode) is: a changed source re-lints its translation.
 */
export function filterChanged(
  files: string[],
  changed: Set<string>,
  sourceOf: (filePath: string) => string | undefined = () => undefined,
): string[] {
  const realDirectories = new Map<string, string>();
  const realPath = (file: string) => {
    const directory = dirname(file);
    let real = realDirectories.get(directory);
    if (real === undefined) {
      try {
        real = realpathSync(directory);
      } catch {
        real = directory;
      }
      realDirectories.set(directory, real);
    }
    return join(real, basename(file));
  };
  return files.filter((file) => {
    if (changed.has(realPath(file))) return true;
    const source = sourceOf(file);
    return source !== undefined && changed.has(realPath(source));
  });
}

/**
 * False when no folder from `cwd` up holds a `.git` (a folder, or a file in a
 * worktree or submodule) and `GIT_DIR` names none: git would only say "not a
 * repository", and starting it costs a run over one article a tenth of its time.
 */
function mayBeInRepository(cwd: string): boolean {
  if (process.env.GIT_DIR) return true;
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    if (existsSync(join(directory, '.git'))) return true;
    if (dirname(directory) === directory) return false;
  }
}

/**
 * The files among `paths` (absolute, inside `cwd`) that git ignores: its
 * `.gitignore` files at every level, `.git/info/exclude` and the user's
 * excludes, exactly as git reads them (`git check-ignore`). A tracked file is
 * never ignored, as in git. Outside a repository, or without git, none.
 */
export function gitIgnored(paths: string[], cwd: string): Set<string> {
  if (paths.length === 0 || !mayBeInRepository(cwd)) return new Set();
  try {
    const output = execFileSync('git', ['check-ignore', '-z', '--stdin'], {
      cwd,
      input: `${paths.join('\0')}\0`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    return new Set(
      output
        .split('\0')
        .filter(Boolean)
        .map((path) => resolve(cwd, path)),
    );
  } catch {
    // Exit status 1: nothing is ignored; 128: not a repository; ENOENT: no git. Each means: none.
    return new Set();
  }
}
