/**
 * `mtlint --jsonl [FILE|-]...`: the command line of the JSONL stream mode
 * (src/stream). Exit codes: 0 every line linted (findings or not: a data
 * pipeline reads them from the output), 2 usage, config or unreadable input,
 * 3 some lines could not be linted (their results carry `error`).
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ConfigError, ConfigResolver, type ResolvedConfig } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import { FileError } from '../engine/files.js';
import type { Finding } from '../engine/lint.js';
import { canRequireModules, type FormatName, isFormatName, loadFormats } from '../formats/index.js';
import { DEFAULT_MAX_LINE_BYTES, lintStream, type StreamResult } from '../stream/lint-stream.js';
import { FieldMapError, fieldMapOf } from '../stream/record.js';
import { type CLI_OPTIONS, cliOptions, parsePreset, parseRuleFlags } from './args.js';
import { reportRunError } from './io.js';

export const EXIT_SOME_LINES_FAILED = 3;

/** What the stream commands need of the process: real streams, not whole buffers. */
export interface StreamIo {
  stdin: Readable;
  stdout: Writable;
  stderr: (text: string) => void;
  cwd: string;
}

export const JSONL_HELP = `mtlint --jsonl [options] [FILE|-]...

Lints a stream of documents, one JSON object a line, such as
{"id": "a1", "text": "…", "format": "md", "language": "en"}, and writes one
JSON result a line in the same order: {"id": "a1", "words": 120,
"findings": [...]} (with --fix also "fixed": the fixed text). A line that
cannot be linted gives {"id": …, "error": "…", "line": N} and the stream goes
on. Reads standard input when no FILE (or -) is given. Memory stays flat
whatever the input size; run several processes for several cores.

Options:
  -f, --format NAME          jsonl (default), or compact or unix: one line
                             per finding, named by the document's id
  -c, --config FILE          use this config file only (default: the config
                             files of the current folder and above)
      --no-config            ignore config files: the preset only
      --preset NAME          start from recommended (default), strict or all
      --rule ID:SEVERITY     set a rule's severity; repeatable
      --fix                  add the fixed text to each result ("fixed")
      --quiet                report errors only
  -o, --output-file FILE     write the results to FILE
      --jsonl-field NAME     read the text from field NAME (default text)
      --jsonl-id NAME        read the id from field NAME (default id)
      --jsonl-map F=NAME,... read fields from other names or dotted paths:
                             text, id, format, language, source, srcLang, tgtLang
                             (e.g. text=content,id=meta.url)
      --jsonl-format NAME    format of lines without one: txt (default), md, html
      --jsonl-max-line BYTES longest line linted (default ${DEFAULT_MAX_LINE_BYTES}, 10 MB);
                             a longer one is a per-line error
      --debug                show stack traces for internal errors

A record with "source" (and "srcLang") is linted against that source: its
paragraphs pair with the source's in order and the bilingual rules
(number-mismatch, carried-quotes, ...) run, as with --source. mtlint
summarize sums up the results.

Exit codes: 0 every line linted, 2 usage, config or input problems,
3 some lines could not be linted (their results carry "error").
`;

/** Options of the file mode that have no meaning on a stream, and why. */
const FILE_ONLY: Record<string, string> = {
  'fix-dry-run': 'on a stream --fix writes nothing but the "fixed" field of each result; use --fix',
  'max-warnings': 'a stream exits 0 whatever it finds; count findings with mtlint summarize',
  concurrency: 'a stream is linted on one core; run one process per core (GNU parallel, xargs -P, Spark)',
  since: 'a stream has no files to compare against git',
  shard: 'split the input instead (split -n l/N, GNU parallel --pipe)',
  cache: 'a stream has no files to cache',
  'cache-location': 'a stream has no files to cache',
  'stdin-filename': 'name the format of each line with "format" or --jsonl-format',
  'ignore-pattern': 'a stream has no files to ignore',
  'ignore-path': 'a stream has no files to ignore',
  'no-ignore': 'a stream has no files to ignore',
  'max-file-size': 'use --jsonl-max-line',
  'print-config': 'run it without --jsonl',
  'list-rules': 'run it without --jsonl',
};

/** Options the stream mode shares with the file mode, with the same meaning. */
const SHARED_OPTIONS = [
  'format',
  'output-file',
  'config',
  'no-config',
  'preset',
  'rule',
  'fix',
  'quiet',
  'color',
  'no-color',
  'debug',
  'help',
] as const;

function parseJsonlArgs(argv: string[]) {
  // Declared as the file mode declares them, so that using one is an error that says why, not "unknown option".
  const fileOnly = cliOptions(Object.keys(FILE_ONLY) as Array<keyof typeof CLI_OPTIONS>);
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...fileOnly,
      ...cliOptions(SHARED_OPTIONS),
      jsonl: { type: 'boolean' },
      'jsonl-field': { type: 'string' },
      'jsonl-id': { type: 'string' },
      'jsonl-map': { type: 'string', multiple: true },
      'jsonl-format': { type: 'string' },
      'jsonl-max-line': { type: 'string' },
    },
  });
}

export async function runJsonl(argv: string[], io: StreamIo): Promise<number> {
  let parsed: ReturnType<typeof parseJsonlArgs>;
  try {
    parsed = parseJsonlArgs(argv);
  } catch (error) {
    io.stderr(`mtlint: ${(error as Error).message}\nRun mtlint --jsonl --help for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    return await runParsed(values, positionals, io);
  } catch (error) {
    return reportRunError(error, [UsageError, ConfigError, FileError, FieldMapError], values.debug, io.stderr);
  }
}

type Values = ReturnType<typeof parseJsonlArgs>['values'];

async function runParsed(values: Values, positionals: string[], io: StreamIo): Promise<number> {
  if (values.help) {
    io.stdout.write(JSONL_HELP);
    return 0;
  }
  for (const name of Object.keys(FILE_ONLY))
    if ((values as Record<string, unknown>)[name] !== undefined)
      throw new UsageError(`--${name} does not apply to --jsonl: ${FILE_ONLY[name]}`);
  const format = values.format ?? 'jsonl';
  if (format === 'json')
    throw new UsageError(
      '--format json writes one report for a whole run and does not stream; --jsonl already writes one JSON result a line (drop --format, and use mtlint summarize for totals)',
    );
  if (format !== 'jsonl' && !Object.hasOwn(FINDING_LINES, format))
    throw new UsageError(
      `--format ${format} builds one report for a whole run and does not stream; with --jsonl use jsonl (the default), compact or unix (mtlint summarize sums results up)`,
    );
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const defaultFormat = values['jsonl-format'] ?? 'txt';
  if (!isFormatName(defaultFormat))
    throw new UsageError(`--jsonl-format expects txt, md or html, got "${defaultFormat}"`);
  const maxLineBytes =
    values['jsonl-max-line'] === undefined ? DEFAULT_MAX_LINE_BYTES : parseBytes(values['jsonl-max-line']);
  const fields = fieldMapOf({ map: values['jsonl-map'], text: values['jsonl-field'], id: values['jsonl-id'] });
  if (positionals.filter((path) => path === '-').length > 1) throw new UsageError('- (stdin) can be read once only');
  const inputs = positionals.length === 0 ? ['-'] : positionals;
  for (const path of inputs) if (path !== '-') checkReadable(resolve(io.cwd, path), path);

  // Node < 20.19 cannot load the Markdown and HTML front ends on first use.
  if (!canRequireModules()) await loadFormats();
  const resolver = new ConfigResolver({
    configFile: values.config ? resolve(io.cwd, values.config) : undefined,
    noConfig: values['no-config'],
    ruleOverrides: parseRuleFlags(values.rule ?? []),
    preset: parsePreset(values.preset),
    projectRoot: io.cwd,
    snapshot: true,
  });
  // The config of a document is that of a file of its format in the working folder;
  // resolved up front so a config error stops the run before any output.
  const configs = new Map<FormatName, ResolvedConfig>();
  for (const name of ['txt', 'md', 'html'] as const)
    configs.set(name, resolver.forFile(resolve(io.cwd, `document.${name}`)));

  const output = values['output-file'] ? openOutput(resolve(io.cwd, values['output-file'])) : io.stdout;
  const writer = new LineWriter(
    output,
    values['output-file'] ?? '<stdout>',
    format === 'jsonl' ? undefined : FINDING_LINES[format],
  );
  let totals: Awaited<ReturnType<typeof lintStream>>;
  try {
    totals = await lintStream(
      readInputs(inputs, io),
      {
        configFor: (name) => configs.get(name) as ResolvedConfig,
        fields,
        defaultFormat,
        maxLineBytes,
        fix: values.fix,
        quiet: values.quiet,
      },
      (result) => writer.write(result),
    );
  } catch (error) {
    // The reader of our output went away (`| head`): stop quietly, as Unix tools do.
    if (error instanceof OutputClosed) return 0;
    throw error;
  }
  await writer.end(output !== io.stdout);
  if (totals.failed > 0) {
    io.stderr(`mtlint: ${totals.failed} of ${totals.lines} lines could not be linted (their results carry "error")\n`);
    return EXIT_SOME_LINES_FAILED;
  }
  return 0;
}

function parseBytes(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new UsageError(`--jsonl-max-line expects a number of bytes, got "${value}"`);
  return Number(value);
}

function checkReadable(path: string, shown: string): void {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new FileError(shown, `cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
  if (stats.isDirectory()) throw new FileError(shown, 'is a folder; --jsonl reads JSONL files');
}

/** The inputs one after the other, as one stream of chunks. */
async function* readInputs(paths: string[], io: StreamIo): AsyncGenerator<Buffer> {
  for (const path of paths) {
    const stream = path === '-' ? io.stdin : createReadStream(resolve(io.cwd, path), { highWaterMark: 256 * 1024 });
    let last = 0x0a;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        if (buffer.length > 0) last = buffer[buffer.length - 1];
        yield buffer;
      }
    } catch (error) {
      throw new FileError(path === '-' ? '<stdin>' : path, `cannot read (${(error as NodeJS.ErrnoException).code})`);
    }
    // A file's last line may lack its newline: end it, so it does not run into the next file's first.
    if (last !== 0x0a) yield Buffer.from('\n');
  }
}

function openOutput(path: string): Writable {
  return createWriteStream(path);
}

class OutputClosed extends Error {}

type FindingLine = (name: string, finding: Finding) => string;

const severityOf = (finding: Finding) => (finding.severity === 2 ? 'Error' : 'Warning');
const singleLine = (message: string) => message.replace(/[\n\r\t]+/g, ' ');

/**
 * The one-line-per-finding formats of files (`compact`, `unix`), with the
 * document's id in place of the path: a stream a person can grep.
 */
const FINDING_LINES: Record<string, FindingLine> = {
  compact: (name, finding) =>
    `${name}: line ${finding.line}, col ${finding.column}, ${severityOf(finding)} - ${singleLine(finding.message)} (${finding.ruleId})`,
  unix: (name, finding) =>
    `${name}:${finding.line}:${finding.column}: ${singleLine(finding.message)} [${severityOf(finding)}/${finding.ruleId}]`,
};

/** Writes each result (as JSON, or as lines of findings), waiting when the reader is slower than mtlint. */
class LineWriter {
  private failure: NodeJS.ErrnoException | undefined;
  /** Findings written as lines (the closing count of `compact` and `unix`). */
  problems = 0;

  constructor(
    private readonly output: Writable,
    private readonly name: string,
    private readonly findingLine?: FindingLine,
  ) {
    output.on('error', (error: NodeJS.ErrnoException) => {
      this.failure = error;
    });
  }

  write(result: StreamResult): void | Promise<void> {
    this.check();
    const text = this.findingLine ? this.asLines(result) : `${JSON.stringify(result)}\n`;
    if (text === '' || this.output.write(text)) return;
    return new Promise<void>((done) => {
      const finish = () => {
        this.output.off('drain', finish);
        this.output.off('error', finish);
        done();
      };
      this.output.on('drain', finish);
      this.output.on('error', finish);
    }).then(() => this.check());
  }

  private asLines(result: StreamResult): string {
    const name = result.id !== null ? String(result.id) : `line ${result.line ?? '?'}`;
    if (result.error !== undefined) return `${name}: not linted: ${result.error}\n`;
    const findings = result.findings ?? [];
    this.problems += findings.length;
    return findings.map((finding) => `${(this.findingLine as FindingLine)(name, finding)}\n`).join('');
  }

  /** Ends the output, with the closing count of problems of the line formats, as for files. */
  async end(close: boolean): Promise<void> {
    if (this.findingLine && this.problems > 0)
      this.output.write(`\n${this.problems} problem${this.problems === 1 ? '' : 's'}\n`);
    if (close) await new Promise<void>((done) => this.output.end(done));
    this.check();
  }

  private check(): void {
    if (!this.failure) return;
    if (this.failure.code === 'EPIPE') throw new OutputClosed();
    throw new FileError(this.name, `cannot write results (${this.failure.code ?? this.failure.message})`);
  }
}
