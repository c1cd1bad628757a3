/**
 * Lints files one at a time: list → config → read → lint (→ fix) → result.
 * Each file's tree is dropped before the next is read.
 */
import { resolve } from 'node:path';
import { type FormatName, formatFor } from '../formats/index.js';
import type { ResultCache } from './cache.js';
import { ConfigError, ConfigResolver, type LinterOptions, type PresetName, type RuleSettingInput } from './config.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  encode,
  FileError,
  listFiles,
  type ReadResult,
  readTextFile,
  writeFileAtomic,
} from './files.js';
import { fixText } from './fixes.js';
import { type Finding, lint } from './lint.js';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, with `fix` or `fixDryRun`, when it differs. */
  output?: string;
  /** The text that was linted (kept only when asked, for reporters that show source). */
  source?: string;
}

export interface LintFilesOptions {
  cwd?: string;
  /** `--config FILE` */
  configFile?: string;
  /** `--no-config` */
  noConfig?: boolean;
  /** `--rule id:severity` */
  ruleOverrides?: Record<string, RuleSettingInput>;
  /** `--no-inline-config`, `--report-unused-disable-directives` */
  linterOptions?: LinterOptions;
  /** `--preset NAME` */
  preset?: PresetName;
  ignorePatterns?: string[];
  ignorePath?: string | false;
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileSize?: number;
  /** Rule ids to keep (the `eval` and `--rule-only` use); undefined: all. */
  onlyRules?: string[];
  /** Narrows the listed files, absolute paths in and out (`--since`, `--shard`). */
  selectFiles?: (files: string[]) => string[];
  /** Reuses the findings of unchanged files (`--cache`). */
  cache?: ResultCache;
}

export interface LintFilesResult {
  results: FileResult[];
  /** Problems with files or config (exit code 2). */
  errors: Error[];
  /** Files named explicitly but ignored. */
  ignored: string[];
}

export function summarize(filePath: string, findings: Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const finding of findings) {
    if (finding.severity === 2) {
      errorCount++;
      if (finding.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (finding.fix) fixableWarningCount++;
    }
  }
  return { filePath, findings, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}

/** The config resolver of a run: its config options, rooted at `cwd`. */
export function resolverFor(options: LintFilesOptions, cwd: string): ConfigResolver {
  return new ConfigResolver({
    configFile: options.configFile,
    noConfig: options.noConfig,
    ruleOverrides: options.ruleOverrides,
    linterOptions: options.linterOptions,
    preset: options.preset,
    projectRoot: cwd,
  });
}

export function lintFiles(patterns: string[], options: LintFilesOptions = {}): LintFilesResult {
  const cwd = options.cwd ?? process.cwd();
  const errors: Error[] = [];
  let listed: ReturnType<typeof listFiles>;
  try {
    listed = listFiles(patterns, { cwd, ignorePatterns: options.ignorePatterns, ignorePath: options.ignorePath });
  } catch (error) {
    return { results: [], errors: [error as Error], ignored: [] };
  }
  errors.push(...listed.errors);
  const resolver = resolverFor(options, cwd);
  const results: FileResult[] = [];
  const files = options.selectFiles ? options.selectFiles(listed.files) : listed.files;
  for (const filePath of files) {
    const outcome = lintOneFile(filePath, resolver, options, cwd);
    if (outcome instanceof Error) errors.push(outcome);
    else results.push(outcome);
  }
  return { results, errors, ignored: listed.ignored };
}

/** Lints one file from disk; returns an error instead of throwing. */
export function lintOneFile(
  filePath: string,
  resolver: ConfigResolver,
  options: LintFilesOptions,
  cwd: string,
): FileResult | Error {
  try {
    const config = resolver.forFile(filePath);
    if (options.onlyRules)
      for (const id of [...config.rules.keys()]) if (!options.onlyRules.includes(id)) config.rules.delete(id);
    const read = readTextFile(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    const format = formatFor(filePath);
    const cached = options.fixDryRun ? undefined : options.cache?.get(filePath, read.text, config);
    // With --fix, a cached result is enough only when there is nothing to fix.
    if (cached && (!options.fix || !cached.some((finding) => finding.fix))) return summarize(filePath, cached);
    if (!options.fix && !options.fixDryRun) {
      const { findings } = lint(read.text, { filePath, format, config });
      const result = summarize(filePath, findings);
      options.cache?.set(filePath, read.text, config, result);
      return result;
    }
    const result = fixFile(filePath, read, format, config, options, cwd);
    if (options.fix) options.cache?.set(filePath, result.output ?? read.text, config, result);
    return result;
  } catch (error) {
    if (error instanceof FileError || error instanceof ConfigError) return error;
    return new FileError(filePath, `internal error: ${(error as Error).message}`);
  }
}

function fixFile(
  filePath: string,
  read: ReadResult,
  format: FormatName,
  config: ReturnType<ConfigResolver['forFile']>,
  options: LintFilesOptions,
  cwd: string,
): FileResult {
  let current = read;
  // If another process changes the file while we fix it, start again from its new text.
  for (let attempt = 0; attempt < 3; attempt++) {
    const fixed = fixText(current.text, { filePath, format, config });
    const result = summarize(filePath, fixed.result.findings);
    if (!fixed.changed) return result;
    result.output = fixed.output;
    if (options.fixDryRun) return result;
    const now = readTextFile(filePath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (now.text !== current.text) {
      current = now;
      continue;
    }
    writeFileAtomic(filePath, encode(fixed.output, current.encoding), { mode: current.mode, root: resolve(cwd) });
    return result;
  }
  throw new FileError(filePath, 'not fixed: the file kept changing while mtlint was fixing it');
}
