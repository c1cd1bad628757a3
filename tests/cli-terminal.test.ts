/**
 * What the command line says only to a person at a terminal: run under
 * `script`, which gives the command a pseudo-terminal, and with pipes, as an
 * editor or a CI job runs it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs `mtlint args` on a pseudo-terminal for at most `seconds`; what it printed (stdout and stderr together). */
function inTerminal(args: string[], seconds: number): string {
  const command = [process.execPath, CLI, ...args].map((part) => `'${part}'`).join(' ');
  const run = spawnSync('timeout', [String(seconds), 'script', '-qec', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, GITHUB_ACTIONS: undefined },
  });
  return run.stdout.replaceAll('\r', '');
}

describe('mtlint lsp started by hand', () => {
  it.skipIf(!hasScript)('says what it is and what it waits for when standard input is a terminal', () => {
    const printed = inTerminal(['lsp'], 4);
    expect(printed).toContain('mtlint language server: waiting for an LSP client on standard input (Ctrl-C to quit).');
    expect(printed).toContain('Editors start this for you');
  });

  it('says nothing when an editor starts it with pipes', () => {
    const run = spawnSync(process.execPath, [CLI, 'lsp', '--stdio'], {
      cwd: ROOT,
      input: '',
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.stderr).not.toContain('waiting');
    expect(run.stdout).toBe('');
  });
});
