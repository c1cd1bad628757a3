/**
 * A job: one file to lint, as plain data (path, format, config), so it runs the
 * same on this thread, on a pool worker or on a bounded-heap worker, and an
 * outcome (a result or a one-line error) that crosses threads as plain data.
 */
import { resolve } from 'node:path';
import { type FormatName, InputError } from '../formats/index.js';
import { ConfigError, type ResolvedConfig } from './config.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  EncodingError,
  encode,
  FileError,
  type InputEncoding,
  type ReadResult,
  readTextFile,
  writeFileAtomic,
} from './files.js';
import { fixText } from './fixes.js';
import { IncrementalLinter } from './incremental.js';
import {
  type Finding,
  FORMAT_WARNING,
  type LintOptions,
  type LintResult,
  lint,
  reportedFindings,
  type SourceFile,
  sourceOptions,
} from './lint.js';
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
  /** Bilingual mode: the file this one was translated from (`--source`, the config's `sources`), read by the planner. */
  source?: SourceFile;
  /** A source the config's `sources` maps this file to but that is not there: how to name it in the warning. */
  missingSource?: string;
  /**
   * An editor's document, linted again after each edit: the thread that runs
   * the job keeps an `IncrementalLinter` per path and reuses its last run's work.
   */
  incremental?: boolean;
  /**
   * Shared with the thread that shows progress: characters linted so far and
   * in all (`[done, total]`), updated after each chunk. Crosses to a worker
   * as shared memory, where a callback could not.
   */
  progress?: Int32Array;
}

/** What every job of a run shares. */
export interface JobOptions {
  /** Writes (`fix`) stay inside this folder. */
  cwd: string;
  maxFileSize?: number;
  /** `--encoding`: how files without a byte order mark are read (UTF-8 by default). */
  encoding?: InputEncoding;
}

/** A job's outcome in plain data: what crosses threads, and what the main thread revives errors from. */
export type JobOutcome =
  | { result: FileResult }
  | { error: { kind: 'file' | 'config' | 'other'; message: string; filePath: string } };

/** Documents whose incremental linters a thread keeps (the most recently linted ones). */
const KEPT_DOCUMENTS = 16;
const incrementalLinters = new Map<string, IncrementalLinter>();

function incrementalLinterFor(filePath: string): IncrementalLinter {
  const linter = incrementalLinters.get(filePath) ?? new IncrementalLinter();
  // Most recent last: the first one is the one to drop.
  incrementalLinters.delete(filePath);
  incrementalLinters.set(filePath, linter);
  if (incrementalLinters.size > KEPT_DOCUMENTS)
    incrementalLinters.delete(incrementalLinters.keys().next().value as string);
  return linter;
}

/** Runs one job; returns an error instead of throwing. */
export function runFileJob(job: FileJob, options: JobOptions): FileResult | Error {
  const { filePath, format, config } = job;
  try {
    if (job.mode === 'fix') return fixFile(job, options);
    const text =
      job.text ?? readTextFile(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, options.encoding).text;
    const lintOptions = { filePath, format, config, ...sourceOptions(job.source), ...progressOf(job) };
    if (job.mode === 'lint') {
      const result = job.incremental ? incrementalLinterFor(filePath).lint(text, lintOptions) : lint(text, lintOptions);
      return summarize(filePath, findingsOf(job, result));
    }
    const fixed = fixText(text, lintOptions);
    const result = summarize(filePath, findingsOf(job, fixed.result));
    if (fixed.changed) result.output = fixed.output;
    return result;
  } catch (error) {
    if (error instanceof FileError || error instanceof ConfigError) return error;
    // A file a format reader cannot read: its message is already `file:line:column: problem`.
    if (error instanceof InputError) return inputFileError(filePath, error);
    return new FileError(filePath, `internal error: ${(error as Error).message}`);
  }
}

/** The findings a job reports: the rules', the reader's file-level warnings, and a missing mapped source. */
function findingsOf(job: FileJob, result: LintResult): Finding[] {
  const findings = reportedFindings(result);
  if (job.missingSource === undefined) return findings;
  const missing: Finding = {
    ruleId: FORMAT_WARNING,
    severity: 1,
    message: `No source file at ${job.missingSource} (from the config's \`sources\`): linted without a source`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: 0,
    endOffset: 0,
  };
  return [missing, ...findings];
}

function progressOf(job: FileJob): Pick<LintOptions, 'onProgress'> {
  const { progress } = job;
  if (!progress) return {};
  return {
    onProgress(done, total) {
      Atomics.store(progress, 1, total);
      Atomics.store(progress, 0, done);
    },
  };
}

function inputFileError(filePath: string, error: InputError): FileError {
  const fileError = new FileError(filePath, error.message);
  fileError.message = error.message;
  return fileError;
}

function fixFile(job: FileJob, options: JobOptions): FileResult {
  const { filePath, format, config } = job;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let current: ReadResult = readTextFile(filePath, maxFileSize, options.encoding);
  // If another process changes the file while we fix it, start again from its new text.
  for (let attempt = 0; attempt < 3; attempt++) {
    const fixed = fixText(current.text, { filePath, format, config, ...sourceOptions(job.source), ...progressOf(job) });
    const result = summarize(filePath, findingsOf(job, fixed.result));
    if (!fixed.changed) return result;
    result.output = fixed.output;
    const now = readTextFile(filePath, maxFileSize, options.encoding);
    if (now.text !== current.text) {
      current = now;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = encode(fixed.output, current.encoding);
    } catch (error) {
      if (error instanceof EncodingError) throw new FileError(filePath, `not fixed: ${error.message}`);
      throw error;
    }
    writeFileAtomic(filePath, bytes, {
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
