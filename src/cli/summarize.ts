/**
 * `mtlint summarize [FILE|-]...`: one report from the result lines of
 * `mtlint --jsonl` runs (the shards of an archive, concatenated or not).
 * Exit codes: 0 no findings, 1 findings, 2 usage or unreadable results.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLines } from '../stream/lines.js';
import { ResultLineError, type StreamSummary, SummaryBuilder } from '../stream/summary.js';
import type { StreamIo } from './jsonl.js';

export const SUMMARIZE_HELP = `mtlint summarize [options] [FILE|-]...

Reads the results of mtlint --jsonl (standard input when no FILE is given)
and prints the findings per rule, findings per 10,000 words and the
documents with the most findings.

Options:
  -f, --format NAME          text (default) or json
      --top N                documents to list (default 10)
  -o, --output-file FILE     write the summary to FILE

Exit codes: 0 no findings, 1 findings, 2 usage or unreadable results.
`;

/** A result line holds at most the text twice (with --fix) and its findings. */
const MAX_RESULT_LINE_BYTES = 512 * 1024 * 1024;

class SummarizeError extends Error {}

export async function runSummarize(argv: string[], io: StreamIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        top: { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(SUMMARIZE_HELP);
      return 0;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new SummarizeError(`summarize: unknown format "${format}" (expected text or json)`);
    if (values.top !== undefined && !/^\d+$/.test(values.top))
      throw new SummarizeError(`summarize: --top expects a whole number, got "${values.top}"`);
    const builder = new SummaryBuilder(values.top === undefined ? 10 : Number(values.top));
    const inputs = positionals.length === 0 ? ['-'] : positionals;
    for (const path of inputs) await addInput(builder, path, io);
    const summary = builder.summary();
    const text = format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary);
    if (values['output-file']) {
      try {
        writeFileSync(resolve(io.cwd, values['output-file']), text);
      } catch (error) {
        throw new SummarizeError(
          `${values['output-file']}: cannot write the summary (${(error as NodeJS.ErrnoException).code})`,
        );
      }
    } else io.stdout.write(text);
    return summary.findings > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof SummarizeError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mtlint: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

async function addInput(builder: SummaryBuilder, path: string, io: StreamIo): Promise<void> {
  const shown = path === '-' ? '<stdin>' : path;
  const stream = path === '-' ? io.stdin : createReadStream(resolve(io.cwd, path), { highWaterMark: 256 * 1024 });
  try {
    for await (const line of readLines(stream, MAX_RESULT_LINE_BYTES)) {
      if (line.kind !== 'line') throw new SummarizeError(`${shown}:${line.number}: not a result of mtlint --jsonl`);
      try {
        builder.addLine(line.text);
      } catch (error) {
        if (error instanceof ResultLineError) throw new SummarizeError(`${shown}:${line.number}: ${error.message}`);
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof SummarizeError) throw error;
    throw new SummarizeError(
      `${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

const number = (value: number): string => value.toLocaleString('en-US');
const rate = (value: number): string => value.toFixed(2);

/** The human-readable summary: totals, a table of rules, the worst documents. */
export function formatSummary(summary: StreamSummary): string {
  const lines: string[] = [];
  lines.push(
    `Documents: ${number(summary.documents)} (${number(summary.linted)} linted, ${number(summary.failed)} not linted)`,
    `Words: ${number(summary.words)}`,
    `Findings: ${number(summary.findings)} (${number(summary.errors)} errors, ${number(summary.warnings)} warnings), ${rate(summary.per10kWords)} per 10,000 words, in ${number(summary.documentsWithFindings)} documents`,
  );
  if (summary.rules.length > 0) {
    lines.push(
      '',
      ...table(
        ['Rule', 'Findings', 'Per 10,000 words', 'Documents'],
        summary.rules.map((rule) => [
          rule.ruleId,
          number(rule.findings),
          rate(rule.per10kWords),
          number(rule.documents),
        ]),
      ),
    );
  }
  if (summary.worst.length > 0) {
    lines.push('', 'Documents with the most findings:');
    lines.push(
      ...table(
        ['Id', 'Findings', 'Words', 'Per 10,000 words'],
        summary.worst.map((document) => [
          String(document.id),
          number(document.findings),
          number(document.words),
          rate(document.per10kWords),
        ]),
      ),
    );
  }
  if (summary.firstFailures.length > 0) {
    lines.push(
      '',
      summary.failed > summary.firstFailures.length
        ? `Not linted (first ${summary.firstFailures.length}):`
        : 'Not linted:',
    );
    for (const failure of summary.firstFailures) {
      const name =
        failure.id !== null ? String(failure.id) : failure.line !== undefined ? `(line ${failure.line})` : '(no id)';
      lines.push(`  ${name}: ${failure.error}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}
