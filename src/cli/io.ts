/** What the command line talks to (standard streams, the working folder), and its exit codes. */
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { FileError } from '../engine/files.js';

/** No errors (warnings within `--max-warnings`). */
export const EXIT_OK = 0;
/** Lint errors, or more warnings than `--max-warnings`. */
export const EXIT_LINT_ERRORS = 1;
/** Usage, config or file problems. */
export const EXIT_FATAL = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Buffer;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Whether standard error is a terminal (progress of big files is drawn there). */
  stderrIsTTY?: boolean;
  /** Whether standard input is a terminal (a person, not an editor or a pipe). */
  stdinIsTTY?: boolean;
  /** The terminal's width in columns, when standard output is a terminal. */
  columns?: number;
  /** Standard input and output as streams, for the commands that stream (`--jsonl`, `summarize`). */
  stdinStream?: Readable;
  stdoutStream?: Writable;
}

/** Reads all of standard input synchronously (fd 0). */
export function readAllStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return Buffer.alloc(0);
    throw new FileError('<stdin>', `cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/**
 * A run that threw: a problem the user can act on (one of `expected`) is one
 * line; anything else is an internal error, with its stack under `--debug`.
 * Returns the exit code.
 */
export function reportRunError(
  error: unknown,
  expected: ReadonlyArray<abstract new (...args: never[]) => Error>,
  debug: boolean | undefined,
  stderr: (text: string) => void,
): number {
  if (expected.some((kind) => error instanceof kind)) {
    stderr(`mtlint: ${(error as Error).message}\n`);
    return EXIT_FATAL;
  }
  if (debug) stderr(`${(error as Error).stack ?? String(error)}\n`);
  else stderr(`mtlint: internal error: ${(error as Error).message} (run with --debug for details)\n`);
  return EXIT_FATAL;
}
