/**
 * The command line, following ESLint's conventions: arguments → plan → run the
 * jobs → `--quiet` → reporter → exit code (see io.ts for the codes).
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  ConfigError,
  ConfigResolver,
  inPreset,
  type LinterOptions,
  type ResolverOptions,
  type RuleSettingInput,
  serializeConfig,
} from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  decode,
  FileError,
  INPUT_ENCODINGS,
  type InputEncoding,
  isIgnored,
  loadIgnore,
  readTextFile,
} from '../engine/files.js';
import { runFileJob } from '../engine/job.js';
import type { SourceFile } from '../engine/lint.js';
import { lintFilesParallel } from '../engine/parallel.js';
import { type FileResult, summarize } from '../engine/result.js';
import { canRequireModules, formatFor, InputError, isFormatName, loadFormats } from '../formats/index.js';
import { unifiedDiff } from '../report/diff.js';
import { getReporter, type Reporter, reporters } from '../report/index.js';
import { getRule, rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import {
  argumentProblem,
  type CliValues,
  HELP,
  LSP_HELP,
  LSP_WAITING,
  parseCliArgs,
  parseCount,
  parseExtensions,
  parsePreset,
  parseRuleFlags,
} from './args.js';
import { setupCi } from './ci.js';
import { initConfig } from './init.js';
import { type CliIo, EXIT_FATAL, EXIT_LINT_ERRORS, EXIT_OK, reportRunError } from './io.js';
import { runMergeReports } from './merge-reports.js';
import { progressDisplay } from './progress.js';
import { sourceFlag } from './source-flag.js';
import { isJsonlRun, streamIoOf } from './stream-io.js';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'merge-reports') return runMergeReports(argv.slice(1), io);
  if (argv[0] === 'lsp') return runLsp(argv.slice(1), io);
  // The stream commands, loaded only when asked for (src/cli/jsonl.ts, summarize.ts).
  if (argv[0] === 'summarize') return (await import('./summarize.js')).runSummarize(argv.slice(1), streamIoOf(io));
  if (isJsonlRun(argv)) return (await import('./jsonl.js')).runJsonl(argv, streamIoOf(io));
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`mtlint: ${argumentProblem(error as Error & { code?: string })}\nRun mtlint --help for usage.\n`);
    return EXIT_FATAL;
  }
  const { values, positionals } = parsed;
  try {
    return await runParsed(values, positionals, io);
  } catch (error) {
    return reportRunError(error, [UsageError, ConfigError, FileError, InputError], values.debug, io.stderr);
  }
}

/** `mtlint lsp`: loaded lazily, so the command line never loads the LSP libraries. */
async function runLsp(argv: string[], io: CliIo): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--stdio' && !arg.startsWith('--clientProcessId'));
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(LSP_HELP);
    return EXIT_OK;
  }
  if (unknown.length > 0) {
    io.stderr(`mtlint lsp: unknown argument ${unknown[0]} (the server speaks over stdio only)\n`);
    return EXIT_FATAL;
  }
  // Editors start the server with pipes; a person who typed `mtlint lsp` sees a silent, waiting process.
  if (io.stdinIsTTY) io.stderr(LSP_WAITING);
  const { startServer } = await import('../lsp/server.js');
  startServer({ cwd: io.cwd });
  return EXIT_OK;
}

/** What linting gave: results to report, and problems with files or config (exit code 2). */
interface Outcome {
  results: FileResult[];
  problems: Error[];
  /** Standard input's text, for the diff of `--fix-dry-run`. */
  stdinText?: string;
}

/** The flags of a lint run, checked. */
interface RunSettings {
  reporter: Reporter;
  maxWarnings: number;
  maxFileSize: number;
  concurrency: number | undefined;
  encoding: InputEncoding | undefined;
  resolver: ResolverOptions;
}

async function runParsed(values: CliValues, positionals: string[], io: CliIo): Promise<number> {
  // Node < 20.19 cannot load the Markdown and HTML front ends on first use.
  if (!canRequireModules()) await loadFormats();
  const answer = informationFor(values);
  if (answer !== undefined) {
    io.stdout(answer);
    return EXIT_OK;
  }
  if (values.init) {
    io.stdout(initConfig(io.cwd));
    return EXIT_OK;
  }
  const settings = settingsOf(values, io.cwd);
  if (values['print-config']) {
    io.stdout(printConfig(settings.resolver, resolve(io.cwd, values['print-config'])));
    return EXIT_OK;
  }
  const readsStdin = positionals.includes('-');
  if (values['stdin-filename'] !== undefined && !readsStdin) {
    throw new UsageError('--stdin-filename names standard input: add - to read it (mtlint --stdin-filename x.md -)');
  }
  const paired = sourceFlag(values.source, positionals, io.cwd, settings.maxFileSize);
  if (readsStdin && positionals.length > 1) throw new UsageError('- (stdin) cannot be combined with other paths');
  if (readsStdin && values.fix) throw new UsageError('--fix cannot write to stdin; use --fix-dry-run');
  const outcome = readsStdin
    ? lintStdin(values, settings, io, paired.stdinSource)
    : await lintPaths(values, positionals, settings, io, paired.sourceFiles);
  if (!outcome) return EXIT_OK;
  const results = values.quiet ? outcome.results.map(errorsOnly) : outcome.results;
  const options = reportOptions(values, io);
  let report = settings.reporter(results, options);
  // A person at the default format sees what the fixes would change; `-f json` keeps `output` for tools.
  if (values['fix-dry-run'] && (values.format ?? 'stylish') === 'stylish') {
    report =
      dryRunDiff(outcome, { ...options, encoding: settings.encoding, maxFileSize: settings.maxFileSize }) + report;
  }
  writeReport(report, values, io);
  for (const problem of outcome.problems) io.stderr(`mtlint: ${relativeToCwd(problem.message, io.cwd)}\n`);
  return exitCode(results, outcome.problems, settings.maxWarnings, io);
}

/** `--help`, `--version`, `--list-rules`: text to print instead of linting. */
function informationFor(values: CliValues): string | undefined {
  if (values.help) return HELP;
  if (values.version) return `${VERSION}\n`;
  if (values['list-rules']) return listRules();
  return undefined;
}

function settingsOf(values: CliValues, cwd: string): RunSettings {
  const formatName = values.format ?? 'stylish';
  const reporter = getReporter(formatName);
  if (!reporter) throw new UsageError(`unknown format "${formatName}" (expected ${Object.keys(reporters).join(', ')})`);
  const maxWarnings =
    values['max-warnings'] === undefined || values['max-warnings'] === '-1'
      ? -1
      : parseCount(values['max-warnings'], '--max-warnings');
  const maxFileSize =
    values['max-file-size'] === undefined
      ? DEFAULT_MAX_FILE_SIZE
      : parseCount(values['max-file-size'], '--max-file-size');
  const concurrency =
    values.concurrency === undefined || values.concurrency === 'auto'
      ? undefined
      : Math.max(1, parseCount(values.concurrency, '--concurrency'));
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const resolver: ResolverOptions = {
    configFile: values.config ? resolve(cwd, values.config) : undefined,
    noConfig: values['no-config'],
    ruleOverrides: parseRuleFlags(values.rule ?? []),
    linterOptions: linterOptionsOf(values),
    preset: parsePreset(values.preset),
    projectRoot: cwd,
  };
  return { reporter, maxWarnings, maxFileSize, concurrency, encoding: parseEncoding(values.encoding), resolver };
}

function printConfig(options: ResolverOptions, path: string): string {
  const resolver = new ConfigResolver(options);
  const config = withOptionValues(serializeConfig(resolver.forFile(path)));
  // `sources` here lists the config files that apply; `sourceFile` is the file's bilingual source, if mapped.
  const sourceFile = resolver.sourceFor(path);
  const printed = { ...config, sources: resolver.sourcesFor(path), ...(sourceFile ? { sourceFile } : {}) };
  return `${JSON.stringify(printed, null, 2)}\n`;
}

/** `-` lints standard input (`--stdin-filename` names it); `undefined` when that name is ignored. */
function lintStdin(
  values: CliValues,
  settings: RunSettings,
  io: CliIo,
  source: SourceFile | undefined,
): Outcome | undefined {
  const { cwd } = io;
  setupCi(values, { cwd, readsStdin: true, debug: values.debug });
  const stdinName = values['stdin-filename'];
  const filePath = stdinName ? resolve(cwd, stdinName) : '<stdin>';
  if (stdinName && values['no-ignore'] !== true) {
    const matcher = loadIgnore({ cwd, ignorePatterns: values['ignore-pattern'], ignorePath: values['ignore-path'] });
    if (isIgnored(matcher, filePath, cwd)) {
      io.stderr(`mtlint: ${stdinName}: ignored by an ignore pattern\n`);
      return undefined;
    }
  }
  const buffer = io.readStdin();
  if (buffer.length > settings.maxFileSize)
    throw new FileError('<stdin>', 'input is over the size limit (--max-file-size)');
  const { text } = decode(buffer, '<stdin>', settings.encoding);
  const format = stdinName ? formatFor(stdinName) : 'txt';
  if (!isFormatName(format)) throw new UsageError(`unknown format for ${stdinName}`);
  const config = new ConfigResolver(settings.resolver).forFile(stdinName ? filePath : resolve(cwd, 'stdin.txt'));
  const mode = values['fix-dry-run'] ? 'fix-dry-run' : 'lint';
  const result = runFileJob(
    { filePath, format, config, mode, text, ...(source ? { source } : {}) },
    { cwd, maxFileSize: settings.maxFileSize, encoding: settings.encoding },
  );
  if (result instanceof Error) throw result;
  return { results: [result], problems: [], stdinText: text };
}

async function lintPaths(
  values: CliValues,
  positionals: string[],
  settings: RunSettings,
  io: CliIo,
  sourceFiles: Record<string, string> | undefined,
): Promise<Outcome> {
  const ci = setupCi(values, { cwd: io.cwd, readsStdin: false, debug: values.debug });
  const outcome = await lintFilesParallel(positionals, {
    concurrency: settings.concurrency,
    cwd: io.cwd,
    configFile: settings.resolver.configFile,
    noConfig: settings.resolver.noConfig,
    ruleOverrides: settings.resolver.ruleOverrides,
    linterOptions: settings.resolver.linterOptions,
    preset: settings.resolver.preset,
    ignorePatterns: values['ignore-pattern'],
    ignorePath: values['no-ignore'] ? false : values['ignore-path'],
    gitignore: !values['no-ignore'],
    extensions: parseExtensions(values.ext),
    fix: values.fix,
    fixDryRun: values['fix-dry-run'],
    maxFileSize: settings.maxFileSize,
    ...(settings.encoding ? { encoding: settings.encoding } : {}),
    sourceFiles,
    ...ci.options,
    onBigFiles: progressDisplay({
      write: io.stderr,
      isTTY: io.stderrIsTTY === true,
      env: io.env,
      cwd: io.cwd,
      format: values.format ?? 'stylish',
    }),
  });
  for (const warning of ci.finish()) io.stderr(`mtlint: ${warning}\n`);
  for (const path of outcome.ignored)
    io.stderr(`mtlint: ${path}: ignored by an ignore pattern (use --no-ignore to lint it)\n`);
  return { results: outcome.results, problems: outcome.errors };
}

/**
 * `--fix-dry-run` at the default format: a unified diff of each file that
 * would change (read again: a result carries the fixed text only), or one
 * line saying there is nothing to fix.
 */
function dryRunDiff(
  outcome: Outcome,
  options: { cwd: string; color: boolean; encoding?: InputEncoding; maxFileSize: number },
): string {
  const diffs: string[] = [];
  for (const result of outcome.results) {
    if (result.output === undefined) continue;
    const name = result.filePath === '<stdin>' ? '<stdin>' : relative(options.cwd, result.filePath);
    let before = outcome.stdinText;
    if (result.filePath !== '<stdin>' && outcome.stdinText === undefined) {
      try {
        before = readTextFile(result.filePath, options.maxFileSize, options.encoding).text;
      } catch {
        diffs.push(`mtlint: ${name}: changed or removed since it was linted; no diff shown\n`);
        continue;
      }
    }
    if (before !== undefined) diffs.push(unifiedDiff(before, result.output, name, options.color));
  }
  if (diffs.length === 0) return 'Nothing to fix.\n';
  const files = diffs.length === 1 ? '1 file' : `${diffs.length} files`;
  return `${diffs.join('\n')}\n${files} would change; run with --fix to write the changes.\n\n`;
}

/** A problem's message with the working folder taken off the path it starts with, as the report shows paths. */
function relativeToCwd(message: string, cwd: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : `${cwd}${sep}`;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** `--quiet`: errors only; the fixed text of `--fix-dry-run` stays. */
export function errorsOnly(result: FileResult): FileResult {
  const kept = summarize(
    result.filePath,
    result.findings.filter((finding) => finding.severity === 2),
  );
  if (result.output !== undefined) kept.output = result.output;
  return kept;
}

function reportOptions(values: CliValues, io: CliIo): Parameters<Reporter>[1] {
  const color = values['no-color']
    ? false
    : values.color
      ? true
      : forceColor(io.env) || (io.isTTY && !io.env.NO_COLOR && !values['output-file']);
  return {
    cwd: io.cwd,
    color: Boolean(color),
    rules: rules.map((rule) => rule.meta),
    version: VERSION,
    quiet: values.quiet,
    width: io.isTTY && !values['output-file'] ? io.columns : undefined,
  };
}

function writeReport(report: string, values: CliValues, io: CliIo): void {
  const outputFile = values['output-file'];
  if (!outputFile) {
    if (report) io.stdout(report);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, outputFile), report);
  } catch (error) {
    throw new FileError(outputFile, `cannot write report (${(error as NodeJS.ErrnoException).code})`);
  }
}

function exitCode(results: FileResult[], problems: Error[], maxWarnings: number, io: CliIo): number {
  const errorCount = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warningCount = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (problems.length > 0) return EXIT_FATAL;
  if (errorCount > 0) return EXIT_LINT_ERRORS;
  if (maxWarnings >= 0 && warningCount > maxWarnings) {
    io.stderr(`mtlint: too many warnings (${warningCount}); the maximum is ${maxWarnings}\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

/** `--list-rules`: one row per rule under a header, the description last so long ones wrap harmlessly. */
export function listRules(): string {
  const header = ['rule', 'preset', 'severity', 'fixable', 'options', 'description'];
  const rows = rules.map((rule) => [
    rule.meta.id,
    inPreset(rule.meta, 'mtlint:recommended') ? 'recommended' : inPreset(rule.meta, 'mtlint:strict') ? 'strict' : 'all',
    rule.meta.defaultSeverity,
    rule.meta.fixable ? 'yes' : 'no',
    Object.entries(rule.meta.defaultOptions)
      .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
      .join(' ') || '-',
    rule.meta.description,
  ]);
  const last = header.length - 1;
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < last ? cell.padEnd(widths[column]) : cell))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width, column) => '-'.repeat(column < last ? width : header[last].length));
  return `${[line(header), line(rule), ...rows.map(line)].join('\n')}\n`;
}

/** `--print-config`: each enabled rule with every option value, its defaults included. */
function withOptionValues(config: ReturnType<typeof serializeConfig>): ReturnType<typeof serializeConfig> {
  const ruleSettings: Record<string, RuleSettingInput> = {};
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const defaults = getRule(id)?.meta.defaultOptions ?? {};
    const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
    ruleSettings[id] = Object.keys(defaults).length > 0 ? [severity, { ...defaults, ...options }] : severity;
  }
  return { ...config, rules: ruleSettings };
}

/** `--encoding utf-8|latin1|utf-16le` (and the usual spellings of each: `utf8`, `iso-8859-1`, `utf16le`). */
function parseEncoding(value: string | undefined): InputEncoding | undefined {
  if (value === undefined) return undefined;
  const name = value.toLowerCase().replace(/[-_]/g, '');
  const aliases: Record<string, InputEncoding> = {
    utf8: 'utf-8',
    latin1: 'latin1',
    iso88591: 'latin1',
    windows1252: 'latin1',
    cp1252: 'latin1',
    utf16le: 'utf-16le',
  };
  const encoding = aliases[name];
  if (!encoding)
    throw new UsageError(`--encoding: unknown encoding "${value}" (expected ${INPUT_ENCODINGS.join(', ')})`);
  return encoding;
}

/** `--no-inline-config` and `--report-unused-disable-directives` (which reports as errors, as in ESLint). */
function linterOptionsOf(values: CliValues): LinterOptions {
  const options: LinterOptions = {};
  if (values['no-inline-config']) options.noInlineConfig = true;
  if (values['report-unused-disable-directives']) options.reportUnusedDisableDirectives = 'error';
  return options;
}

/** `FORCE_COLOR` (set, and not `0` or `false`) turns colours on where no terminal is seen, as in Node and chalk. */
function forceColor(env: NodeJS.ProcessEnv): boolean {
  const value = env.FORCE_COLOR;
  return value !== undefined && value !== '0' && value !== 'false';
}
