/** Runs the built `mtlint` binary (the bundle dist/cli/mtlint.js, package.json's bin) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'mtlint.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runMtlint(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {},
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'mtlint-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
