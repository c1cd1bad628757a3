/** The command line's flags: help text, parsing, and the checks that need no file system. */
import { parseArgs } from 'node:util';
import { PRESETS, type PresetName, parseSetting, type RuleSettingInput } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import { getRule, rules } from '../rules/index.js';
import { didYouMean } from '../shared/suggest.js';

export const HELP = `mtlint [options] [file|dir|glob ...]

Finds machine-translation artefacts in .txt, .md, .html, XLIFF (.xlf) and PO
files (default: .). Use - to read standard input.

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
      --fix-dry-run          show what --fix would change, as a unified diff
                             (-f json: the fixed text in \`output\`)
      --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings (-1: no
                             limit, the default)
      --no-inline-config     ignore mtlint-disable comments in the files
      --report-unused-disable-directives
                             report mtlint-disable comments that silence nothing
      --encoding NAME        read files without a byte order mark as utf-8
                             (default), latin1 (Windows-1252) or utf-16le
      --stdin-filename PATH  name (and format) of the text read from stdin
      --source FILE          bilingual mode: lint the one file named (or stdin)
                             against FILE, the file it was translated from
      --ext .EXT[,.EXT]      also lint files with these extensions in folders
                             (.mdx as Markdown, others as plain text)
      --ignore-pattern GLOB  ignore files matching GLOB; repeatable
      --ignore-path FILE     ignore file to use (default .mtlintignore)
      --no-ignore            do not use ignore files (.mtlintignore, .gitignore)
      --max-file-size BYTES  skip files larger than this (default 50 MB)
      --concurrency N        threads for many files (default: the number of cores)
      --since REF            lint only files changed against a git ref
      --shard K/N            lint only the K-th of N parts of the file list
      --cache                reuse the results of unchanged files
      --cache-location PATH  cache file or folder (default .mtlintcache)
      --init                 write a commented starter .mtlintrc.json here
      --print-config FILE    print the config that applies to FILE
      --list-rules           list the rules
      --color, --no-color    force colours on or off (NO_COLOR is honoured)
      --debug                show stack traces for internal errors
  -v, --version              print the version
  -h, --help                 print this help

mtlint --jsonl [options] [FILE|-]...
  Lints one JSON document a line into one JSON result a line (mtlint --jsonl --help).

mtlint summarize [FILE|-]...
  Sums up the results of --jsonl: findings per rule, per 10,000 words, worst documents.

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

/** What `mtlint lsp` says when started by hand in a terminal. */
export const LSP_WAITING =
  'mtlint language server: waiting for an LSP client on standard input (Ctrl-C to quit).\n' +
  'Editors start this for you; to lint files, run mtlint without "lsp" (see the README, "Editors").\n';

/** parseArgs' message, on one line, with the nearest option for a misspelt one. */
export function argumentProblem(error: Error & { code?: string }): string {
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

export function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: joinNegativeCounts(argv),
    allowPositionals: true,
    strict: true,
    options: CLI_OPTIONS,
  });
}

/** Every option of the file mode (`--jsonl` takes the ones it shares from here). */
export const CLI_OPTIONS = {
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
  encoding: { type: 'string' },
  source: { type: 'string' },
  ext: { type: 'string', multiple: true },
  'ignore-pattern': { type: 'string', multiple: true },
  'ignore-path': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  concurrency: { type: 'string' },
  since: { type: 'string' },
  shard: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  init: { type: 'boolean' },
  'print-config': { type: 'string' },
  'list-rules': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export type CliValues = ReturnType<typeof parseCliArgs>['values'];

/** The file mode's declarations of `names`, for another mode that takes the same options. */
export function cliOptions<Name extends keyof typeof CLI_OPTIONS>(
  names: readonly Name[],
): Pick<typeof CLI_OPTIONS, Name> {
  return Object.fromEntries(names.map((name) => [name, CLI_OPTIONS[name]])) as Pick<typeof CLI_OPTIONS, Name>;
}

/** `--preset strict` or `--preset mtlint:strict`. */
export function parsePreset(value: string | undefined): PresetName | undefined {
  if (value === undefined) return undefined;
  const name = value.startsWith('mtlint:') ? value : `mtlint:${value}`;
  if ((PRESETS as readonly string[]).includes(name)) return name as PresetName;
  const short = PRESETS.map((preset) => preset.slice('mtlint:'.length));
  throw new UsageError(`--preset: unknown preset "${value}"${didYouMean(value, short)} (expected ${short.join(', ')})`);
}

/** `--ext .mdx,.rst` (repeatable; the dot is optional): the extensions, each with its dot. */
export function parseExtensions(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const extensions = values.flatMap((value) => value.split(',')).map((value) => value.trim());
  for (const extension of extensions) {
    if (!/^\.?[A-Za-z0-9][\w.-]*$/.test(extension)) {
      throw new UsageError(`--ext expects extensions such as .mdx,.rst, got "${extension}"`);
    }
  }
  return extensions.map((extension) => (extension.startsWith('.') ? extension : `.${extension}`));
}

/** A whole number flag (`--max-warnings`, `--max-file-size`, `--concurrency`). */
export function parseCount(value: string, flag: string): number {
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
