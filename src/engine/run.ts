/**
 * The command line, following ESLint's conventions: arguments → lint → report
 * → exit code. Exit codes: 0 no errors (warnings within `--max-warnings`),
 * 1 lint errors or too many warnings, 2 usage, config or file problems.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { canRequireModules, formatFor, isFormatName, loadFormats } from '../formats/index.js';
import { getReporter, reporters } from '../report/index.js';
import { runMergeReports } from '../report/merge.js';
import { getRule, rules } from '../rules/index.js';
import { didYouMean } from '../shared/suggest.js';
import { VERSION } from '../version.js';
import { setupCi } from './ci.js';
import {
  ConfigError,
  ConfigResolver,
  inPreset,
  type LinterOptions,
  PRESETS,
  type PresetName,
  parseSetting,
  type RuleSettingInput,
  serializeConfig,
} from './config.js';
import { UsageError } from './errors.js';
import { DEFAULT_MAX_FILE_SIZE, decode, FileError, isIgnored, loadIgnore } from './files.js';
import { fixText } from './fixes.js';
import { lint } from './lint.js';
import { type FileResult, summarize } from './lint-files.js';
import { lintFilesParallel } from './parallel.js';

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FATAL = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Buffer;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** The terminal's width in columns, when standard output is a terminal. */
  columns?: number;
}

export const HELP = `mtlint [options] [file|dir|glob ...]

Finds machine-translation artefacts in .txt, .md and .html files (default: .).
Use - to read standard input.

Options:
  -f, --format NAME          stylish (default), compact, unix, json, sarif,
                             github, junit, checkstyle or gitlab
  -o, --output-file FILE     write the report to FILE
  -c, --config FILE          use this config file only (no cascade)
      --no-config            ignore config files: the preset only
      --preset NAME          start from recommended (default), strict or all;
                             config files apply on top
      --rule ID:SEVERITY     set a rule's severity (off, warn, error or 0-2);
                             repeatable
      --fix                  fix problems in place
      --fix-dry-run          compute fixes without writing (output in json)
      --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings (-1: no
                             limit, the default)
      --no-inline-config     ignore mtlint-disable comments in the files
      --report-unused-disable-directives
                             report mtlint-disable comments that silence nothing
      --stdin-filename PATH  name (and format) of the text read from stdin
      --ignore-pattern GLOB  ignore files matching GLOB; repeatable
      --ignore-path FILE     ignore file to use (default .mtlintignore)
      --no-ignore            do not use ignore files
      --max-file-size BYTES  skip files larger than this (default 50 MB)
      --concurrency N        threads for many files (default: the number of cores)
      --since REF            lint only files changed against a git ref
      --shard K/N            lint only the K-th of N parts of the file list
      --cache                reuse the results of unchanged files
      --cache-location PATH  cache file or folder (default .mtlintcache)
      --print-config FILE    print the config that applies to FILE
      --list-rules           list the rules
      --color, --no-color    force colours on or off (NO_COLOR is honoured)
      --debug                show stack traces for internal errors
  -v, --version              print the version
  -h, --help                 print this help

mtlint merge-reports [-o FILE] REPORT...
  Merges the JSON or SARIF reports of --shard runs into one report.

mtlint lsp
  Runs the language server (stdio) for editors.

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, config or file problems.
`;

export const LSP_HELP = `mtlint lsp [--stdio]

Runs the mtlint language server over standard input and output (the Language
Server Protocol): diagnostics as you type, quick fixes and "fix all" in any
editor with an LSP client. It uses the same config files as the command line.
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'merge-reports') return runMergeReports(argv.slice(1), io);
  if (argv[0] === 'lsp') return runLsp(argv.slice(1), io);
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
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof FileError) {
      io.stderr(`mtlint: ${error.message}\n`);
      return EXIT_FATAL;
    }
    if (values.debug) io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    else io.stderr(`mtlint: internal error: ${(error as Error).message} (run with --debug for details)\n`);
    return EXIT_FATAL;
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
  const { startServer } = await import('../lsp/server.js');
  startServer({ cwd: io.cwd });
  return EXIT_OK;
}

/** parseArgs' message, on one line, with the nearest option for a misspelt one. */
function argumentProblem(error: Error & { code?: string }): string {
  const first = error.message.split('\n')[0];
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(first);
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !unknown) return first;
  const names = Object.keys(CLI_OPTIONS).map((name) => `--${name}`);
  return `${unknown[0]}${didYouMean(unknown[1].split('=')[0], names, (name) => `'${name}'`)}`;
}

/** `--max-warnings -1`: parseArgs takes a value that starts with a dash for an option, so join it. */
function joinNegativeCounts(argv: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--max-warnings' && /^-\d+$/.test(argv[index + 1] ?? '')) {
      joined.push(`--max-warnings=${argv[++index]}`);
    } else joined.push(argv[index]);
  }
  return joined;
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: joinNegativeCounts(argv),
    allowPositionals: true,
    strict: true,
    options: CLI_OPTIONS,
  });
}

const CLI_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  preset: { type: 'string' },
  rule: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'no-inline-config': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'ignore-path': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  concurrency: { type: 'string' },
  since: { type: 'string' },
  shard: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'print-config': { type: 'string' },
  'list-rules': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>['options'];

type Values = ReturnType<typeof parseCliArgs>['values'];

async function runParsed(values: Values, positionals: string[], io: CliIo): Promise<number> {
  // Node < 20.19 cannot load the Markdown and HTML front ends on first use.
  if (!canRequireModules()) await loadFormats();
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (values['list-rules']) {
    io.stdout(listRules());
    return EXIT_OK;
  }
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
  const ruleOverrides = parseRuleFlags(values.rule ?? []);
  const preset = parsePreset(values.preset);
  const linterOptions: LinterOptions = {};
  if (values['no-inline-config']) linterOptions.noInlineConfig = true;
  if (values['report-unused-disable-directives']) linterOptions.reportUnusedDisableDirectives = 'error';
  const cwd = io.cwd;
  const resolverOptions = {
    configFile: values.config ? resolve(cwd, values.config) : undefined,
    noConfig: values['no-config'],
    ruleOverrides,
    linterOptions,
    preset,
    projectRoot: cwd,
  };

  if (values['print-config']) {
    const resolver = new ConfigResolver(resolverOptions);
    const path = resolve(cwd, values['print-config']);
    const config = withOptionValues(serializeConfig(resolver.forFile(path)));
    io.stdout(`${JSON.stringify({ ...config, sources: resolver.sourcesFor(path) }, null, 2)}\n`);
    return EXIT_OK;
  }

  const readsStdin = positionals.includes('-');
  if (values['stdin-filename'] !== undefined && !readsStdin) {
    throw new UsageError('--stdin-filename names standard input: add - to read it (mtlint --stdin-filename x.md -)');
  }
  if (readsStdin && positionals.length > 1) throw new UsageError('- (stdin) cannot be combined with other paths');
  if (readsStdin && values.fix) throw new UsageError('--fix cannot write to stdin; use --fix-dry-run');

  const ci = setupCi(values, { cwd, readsStdin, debug: values.debug });
  let results: FileResult[];
  const problems: Error[] = [];
  if (readsStdin) {
    const stdinName = values['stdin-filename'];
    const filePath = stdinName ? resolve(cwd, stdinName) : '<stdin>';
    if (stdinName && values['no-ignore'] !== true) {
      const matcher = loadIgnore({ cwd, ignorePatterns: values['ignore-pattern'], ignorePath: values['ignore-path'] });
      if (isIgnored(matcher, filePath, cwd)) {
        io.stderr(`mtlint: ${stdinName}: ignored by an ignore pattern\n`);
        return EXIT_OK;
      }
    }
    const buffer = io.readStdin();
    if (buffer.length > maxFileSize) throw new FileError('<stdin>', 'input is over the size limit (--max-file-size)');
    const { text } = decode(buffer, '<stdin>');
    const format = stdinName ? formatFor(stdinName) : 'txt';
    if (!isFormatName(format)) throw new UsageError(`unknown format for ${stdinName}`);
    const config = new ConfigResolver(resolverOptions).forFile(stdinName ? filePath : resolve(cwd, 'stdin.txt'));
    if (values['fix-dry-run']) {
      const fixed = fixText(text, { filePath, format, config });
      const result = summarize(filePath, fixed.result.findings);
      if (fixed.changed) result.output = fixed.output;
      results = [result];
    } else results = [summarize(filePath, lint(text, { filePath, format, config }).findings)];
  } else {
    const outcome = await lintFilesParallel(positionals, {
      concurrency,
      cwd,
      configFile: resolverOptions.configFile,
      noConfig: values['no-config'],
      ruleOverrides,
      linterOptions,
      preset,
      ignorePatterns: values['ignore-pattern'],
      ignorePath: values['no-ignore'] ? false : values['ignore-path'],
      fix: values.fix,
      fixDryRun: values['fix-dry-run'],
      maxFileSize,
      ...ci.options,
    });
    for (const warning of ci.finish()) io.stderr(`mtlint: ${warning}\n`);
    results = outcome.results;
    problems.push(...outcome.errors);
    for (const path of outcome.ignored)
      io.stderr(`mtlint: ${path}: ignored by an ignore pattern (use --no-ignore to lint it)\n`);
  }

  if (values.quiet)
    results = results.map((result) =>
      summarize(
        result.filePath,
        result.findings.filter((f) => f.severity === 2),
      ),
    );
  for (const [index, result] of results.entries()) {
    const output = (results[index] as FileResult).output;
    if (output === undefined && result.output !== undefined) results[index].output = result.output;
  }

  const color = values['no-color']
    ? false
    : values.color
      ? true
      : forceColor(io.env) || (io.isTTY && !io.env.NO_COLOR && !values['output-file']);
  const report = reporter(results, {
    cwd,
    color: Boolean(color),
    rules: rules.map((rule) => rule.meta),
    version: VERSION,
    quiet: values.quiet,
    width: io.isTTY && !values['output-file'] ? io.columns : undefined,
  });
  if (values['output-file']) {
    try {
      writeFileSync(resolve(cwd, values['output-file']), report);
    } catch (error) {
      throw new FileError(values['output-file'], `cannot write report (${(error as NodeJS.ErrnoException).code})`);
    }
  } else if (report) io.stdout(report);

  for (const problem of problems) io.stderr(`mtlint: ${problem.message}\n`);

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

/** `--preset strict` or `--preset mtlint:strict`. */
function parsePreset(value: string | undefined): PresetName | undefined {
  if (value === undefined) return undefined;
  const name = value.startsWith('mtlint:') ? value : `mtlint:${value}`;
  if ((PRESETS as readonly string[]).includes(name)) return name as PresetName;
  const short = PRESETS.map((preset) => preset.slice('mtlint:'.length));
  throw new UsageError(`--preset: unknown preset "${value}"${didYouMean(value, short)} (expected ${short.join(', ')})`);
}

function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

/** `--rule id:severity` (or `id:["warn",{...}]`). */
export function parseRuleFlags(flags: string[]): Record<string, RuleSettingInput> {
  const settings: Record<string, RuleSettingInput> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(':');
    if (colon <= 0) throw new UsageError(`--rule expects id:severity, got "${flag}"`);
    const id = flag.slice(0, colon).trim();
    const rest = flag.slice(colon + 1).trim();
    const rule = getRule(id);
    if (!rule) {
      const hint = didYouMean(
        id,
        rules.map((known) => known.meta.id),
      );
      throw new UsageError(`--rule: unknown rule "${id}"${hint} (see mtlint --list-rules)`);
    }
    // As in config files: 0, 1 and 2 are off, warn and error.
    let setting: unknown = /^[012]$/.test(rest) ? Number(rest) : rest;
    if (rest.startsWith('[')) {
      try {
        setting = JSON.parse(rest);
      } catch {
        throw new UsageError(`--rule ${id}: invalid JSON "${rest}"`);
      }
    }
    parseSetting(setting, rule, '--rule', id);
    settings[id] = setting as RuleSettingInput;
  }
  return settings;
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

/** Reads all of standard input synchronously (fd 0). */
export function readAllStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return Buffer.alloc(0);
    throw new FileError('<stdin>', `cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** `FORCE_COLOR` (set, and not `0` or `false`) turns colours on where no terminal is seen, as in Node and chalk. */
function forceColor(env: NodeJS.ProcessEnv): boolean {
  const value = env.FORCE_COLOR;
  return value !== undefined && value !== '0' && value !== 'false';
}
