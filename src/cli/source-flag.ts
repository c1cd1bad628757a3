/** `--source FILE` on the command line (the config's `sources` mapping is engine/sources.ts). */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../engine/errors.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from '../engine/files.js';
import type { SourceFile } from '../formats/types.js';

/**
 * `--source FILE`: the one translated file named beside it (or stdin) is
 * linted against FILE. Returns the pairing for `lintFiles`, or the source
 * itself for stdin.
 */
export function sourceFlag(
  source: string | undefined,
  positionals: string[],
  cwd: string,
  maxFileSize: number = DEFAULT_MAX_FILE_SIZE,
): { sourceFiles?: Record<string, string>; stdinSource?: SourceFile } {
  if (source === undefined) return {};
  const sourcePath = resolve(cwd, source);
  if (positionals.length !== 1)
    throw new UsageError('--source pairs one source with one translated file: name exactly one file to lint');
  if (positionals[0] === '-') {
    const read = readTextFile(sourcePath, maxFileSize);
    return { stdinSource: { text: read.text, filePath: sourcePath, name: source } };
  }
  const target = resolve(cwd, positionals[0]);
  let isFile = false;
  try {
    isFile = statSync(target).isFile();
  } catch {}
  if (!isFile) throw new UsageError(`--source: ${positionals[0]} is not a file (name the translated file to lint)`);
  return { sourceFiles: { [target]: sourcePath } };
}
