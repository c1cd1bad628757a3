/**
 * A job: one file to lint, as plain data (path, format, config), so it runs the
 * same on this thread, on a pool worker or on a bounded-heap worker, and an
 * outcome (a result or a one-line error) that crosses threads as plain data.
 */
import { resolve } from 'node:path';
import type { FormatName } from '../formats/index.js';
import { ConfigError, type ResolvedConfig } from './config.js';
import { DEFAULT_MAX_FILE_SIZE, encode, FileError, type ReadResult, readTextFile, writeFileAtomic } from './files.js';
import { fixText } from './fixes.js';
import { lint } from './lint.js';
import { type FileResult, summarize } from './result.js';

/** `lint`: findings only; `fix`: write the fixed text; `fix-dry-run`: compute it into `output`. */
export type JobMode = 'lint' | 'fix' | 'fix-dry-run';

export interface FileJob {
  filePath: string;
  format: FormatName;
  config: ResolvedConfig;
  mode: JobMode;
  /**
   * The text, when the caller has it already (the planner read it to consult
   * the cache; an editor's unsaved buffer). Without it the job reads the file.
   * A `fix` job always reads the file: it needs its encoding and mode to write it back.
   */
  text?: string;
}

/** What every job of a run shares. */
export interface JobOptions {
  /** Writes (`fix`) stay inside this folder. */
  cwd: string;
  maxFileSize?: number;
}

/** A job's outcome in plain data: what crosses threads, and what the main thread revives errors from. */
export type JobOutcome =
  | { result: FileResult }
  | { error: { kind: 'file' | 'config' | 'other'; message: string; filePath: string } };

/** Runs one job; returns an error instead of throwing. */
export function runFileJob(job: FileJob, options: JobOptions): FileResult | Error {
  const { filePath, format, config } = job;
  try {
    if (job.mode === 'fix') return fixFile(job, options);
    const text = job.text ?? readTextFile(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE).text;
    if (job.mode === 'lint') return summarize(filePath, lint(text, { filePath, format, config }).findings);
    const fixed = fixText(text, { filePath, format, config });
    const result = summarize(filePath, fixed.result.findings);
    if (fixed.changed) result.output = fixed.output;
    return result;
  } catch (error) {
    if (error instanceof FileError || error instanceof ConfigError) return error;
    return new FileError(filePath, `internal error: ${(error as Error).message}`);
  }
}

function fixFile(job: FileJob, options: JobOptions): FileResult {
  const { filePath, format, config } = job;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let current: ReadResult = readTextFile(filePath, maxFileSize);
  // If another process changes the file while we fix it, start again from its new text.
  for (let attempt = 0; attempt < 3; attempt++) {
    const fixed = fixText(current.text, { filePath, format, config });
    const result = summarize(filePath, fixed.result.findings);
    if (!fixed.changed) return result;
    result.output = fixed.output;
    const now = readTextFile(filePath, maxFileSize);
    if (now.text !== current.text) {
      current = now;
      continue;
    }
    writeFileAtomic(filePath, encode(fixed.output, current.encoding), {
      mode: current.mode,
      root: resolve(options.cwd),
    });
    return result;
  }
  throw new FileError(filePath, 'not fixed: the file kept changing while mtlint was fixing it');
}

export function toOutcome(filePath: string, outcome: FileResult | Error): JobOutcome {
  if (!(outcome instanceof Error)) return { result: outcome };
  const kind = outcome instanceof ConfigError ? 'config' : outcome instanceof FileError ? 'file' : 'other';
  return { error: { kind, message: outcome.message, filePath } };
}

/** The result, or the error as the class the main thread reports (same message as on the thread that failed). */
export function fromOutcome(outcome: JobOutcome): FileResult | Error {
  if ('result' in outcome) return outcome.result;
  const { error } = outcome;
  if (error.kind === 'config') {
    const revived = new ConfigError('', '', '');
    revived.message = error.message;
    return revived;
  }
  if (error.kind === 'file') {
    const revived = new FileError(error.filePath, '');
    revived.message = error.message;
    return revived;
  }
  return new Error(error.message);
}
