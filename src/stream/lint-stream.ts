/**
 * The JSONL stream mode's engine: one document per input line → one result
 * per output line, in order, one line in memory at a time. A line that
 * cannot be linted gives a result with an `error`, and the stream goes on.
 * Engines such as Spark (`RDD.pipe`), Beam and GNU parallel run this as a
 * plain map over their partitions.
 */

import type { ResolvedConfig } from '../engine/config.js';
import { fixText } from '../engine/fixes.js';
import { type Finding, type LintOptions, lint, reportedFindings } from '../engine/lint.js';
import { InputError } from '../formats/errors.js';
import type { FormatName } from '../formats/index.js';
import { readLines } from './lines.js';
import { type FieldMap, parseRecord, type RecordId, recoverId, type StreamRecord } from './record.js';

/** Longest input line linted by default; a longer one is a per-line error. */
export const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;

export interface StreamOptions {
  /** The config a document of this format is linted with (the CLI resolves it from `-c` or the cascade). */
  configFor: (format: FormatName) => ResolvedConfig;
  fields: FieldMap;
  /** Format of records without a `format` field. */
  defaultFormat?: FormatName;
  maxLineBytes?: number;
  /** Adds the fixed text to each result (`fixed`). */
  fix?: boolean;
  /** Keeps errors only. */
  quiet?: boolean;
}

/** One output line. */
export interface StreamResult {
  id: RecordId;
  /** Words in the text, for rates such as findings per 10,000 words (`mtlint summarize`). */
  words?: number;
  findings?: Finding[];
  /** With `fix`: the text with every fix applied (the text itself when nothing was fixed). */
  fixed?: string;
  /** Why the line was not linted; such a result has no findings. */
  error?: string;
  /** The line's number in this process's input (error results only). */
  line?: number;
}

export interface StreamTotals {
  lines: number;
  failed: number;
}

/**
 * Lints each line of `input`, calling `emit` with each result in input
 * order; `emit` may return a promise (back-pressure of the output).
 */
export async function lintStream(
  input: AsyncIterable<Buffer | string>,
  options: StreamOptions,
  emit: (result: StreamResult) => void | Promise<void>,
): Promise<StreamTotals> {
  const totals: StreamTotals = { lines: 0, failed: 0 };
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const configs = new Map<string, ResolvedConfig>();
  const configOf = (format: FormatName, language: string | undefined): ResolvedConfig => {
    const key = `${format}:${language ?? ''}`;
    let config = configs.get(key);
    if (!config) {
      const base = options.configFor(format);
      config = language && language !== base.language ? { ...base, language } : base;
      configs.set(key, config);
    }
    return config;
  };
  for await (const line of readLines(input, maxLineBytes)) {
    totals.lines++;
    let result: StreamResult;
    if (line.kind === 'overlong')
      result = {
        id: recoverId(line.head, options.fields),
        error: `line of ${line.bytes} bytes is over the limit of ${maxLineBytes} (--jsonl-max-line)`,
      };
    else if (line.kind === 'invalid-utf8')
      result = { id: recoverId(line.head, options.fields), error: 'line is not valid UTF-8' };
    else {
      const record = parseRecord(line.text, options.fields, options.defaultFormat ?? 'txt');
      result = 'error' in record ? record : lintRecord(record, configOf(record.format, record.language), options);
    }
    if (result.error !== undefined) {
      totals.failed++;
      result.line = line.number;
    }
    await emit(result);
  }
  return totals;
}

function lintRecord(record: StreamRecord, config: ResolvedConfig, options: StreamOptions): StreamResult {
  const filePath = `<jsonl>.${record.format}`;
  // A record with a `source` is linted against it, as `lint(text, {source})` does: its paragraphs pair
  // with the source's in order, and the bilingual rules run.
  const lintOptions: LintOptions = { filePath, format: record.format, config };
  if (record.source !== undefined) {
    Object.assign(lintOptions, {
      source: record.source,
      sourceLanguage: record.sourceLanguage,
      targetLanguage: record.language,
    });
  }
  try {
    let findings: Finding[];
    let fixed: string | undefined;
    if (options.fix) {
      const outcome = fixText(record.text, lintOptions);
      // File-level warnings (paragraphs that do not pair with the source's) are reported as the CLI does.
      findings = reportedFindings(outcome.result);
      fixed = outcome.output;
    } else findings = reportedFindings(lint(record.text, lintOptions));
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 2);
    // Tags are not words: an HTML page's rate per 10,000 words is that of its prose.
    const prose = record.format === 'html' ? withoutTags(record.text) : record.text;
    const result: StreamResult = { id: record.id, words: countWords(prose), findings };
    if (fixed !== undefined) result.fixed = fixed;
    return result;
  } catch (error) {
    if (error instanceof InputError) return { id: record.id, error: error.message };
    return { id: record.id, error: `internal error: ${(error as Error).message}` };
  }
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words as a reader counts them: runs of letters and digits (`don't` is one). */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/** An HTML text with each `<…>` tag replaced by a space: one forward scan (a regex backtracks on `<<<<`). */
function withoutTags(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = html.indexOf('<', from);
    if (open < 0) break;
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    out += `${html.slice(from, open)} `;
    from = close + 1;
  }
  return out + html.slice(from);
}
