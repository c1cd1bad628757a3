/**
 * Progress of big files on standard error, for a person at a terminal: one
 * line, rewritten in place (`mtlint: big.txt 42 %`), erased when the files are
 * done. Big files are linted on a worker thread (engine/bounded.ts), so this
 * thread is free to draw. Never shown in CI, in a pipe or for a machine format.
 */
import { relative } from 'node:path';

const REDRAW_MS = 200;
/** Formats a person reads; the others go to tools, which want no noise on stderr either. */
const FORMATS_FOR_PEOPLE = new Set(['stylish', 'compact', 'unix']);

export interface ProgressTerminal {
  write: (text: string) => void;
  /** Standard error is a terminal. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  format: string;
}

/** The `onBigFiles` hook of `lintFilesParallel`, or `undefined` where progress is not shown. */
export function progressDisplay(
  terminal: ProgressTerminal,
): ((files: ReadonlyArray<{ filePath: string; progress: Int32Array }>) => () => void) | undefined {
  if (!terminal.isTTY || terminal.env.CI || !FORMATS_FOR_PEOPLE.has(terminal.format)) return undefined;
  return (files) => {
    let shown = false;
    const draw = () => {
      const current = files.find(({ progress }) => Atomics.load(progress, 1) > Atomics.load(progress, 0));
      if (!current) return;
      const percent = Math.floor((100 * Atomics.load(current.progress, 0)) / Atomics.load(current.progress, 1));
      terminal.write(`\r\u001b[Kmtlint: ${relative(terminal.cwd, current.filePath)} ${percent} %`);
      shown = true;
    };
    const timer = setInterval(draw, REDRAW_MS);
    return () => {
      clearInterval(timer);
      if (shown) terminal.write('\r\u001b[K');
    };
  };
}
