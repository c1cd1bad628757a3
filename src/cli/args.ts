/** The command line's flags: help text, parsing, and the checks that need no file system. */
import { parseArgs } from 'node:util';
import { parseSetting, type RuleSettingInput } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import { getRule } from '../rules/index.js';

export const HELP = `mtlint [options] [file|dir|glob ...]

Finds machine-translation artefacts in .txt, .md and .html files (default: .).
Use - to read standard input.

Options:
  -f, --format NAME          stylish (default), compact, unix, json, sarif,
                             github, junit, checkstyle or gitlab
  -o, --output-file FILE     write the report to FILE
  -c, --config FILE          use this config file only (no cascade)
      --no-config            ignore config files: mtlint:recommended only
      --rule ID:SEVERITY     set a rule's severity (off, warn, error); repeatable
      --fix                  fix problems in place
      --fix-dry-run          compute fixes without writing (output in json)
      --quiet                report errors only
      --max-warnings N       exit 1 when there are more than N warnings
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

export function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'output-file': { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      rule: { type: 'string', multiple: true },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      quiet: { type: 'boolean' },
      'max-warnings': { type: 'string' },
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
    },
  });
}

export type CliValues = ReturnType<typeof parseCliArgs>['values'];

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
    if (!rule) throw new UsageError(`--rule: unknown rule "${id}" (see mtlint --list-rules)`);
    let setting: unknown = rest;
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
