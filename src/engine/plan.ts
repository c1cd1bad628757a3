/**
 * The planner: turns the command line's paths into jobs, once. It lists the
 * files and selects them (`--since`, `--shard`) once, resolves config once per
 * folder, answers what it can from the cache, and emits plain jobs
 * `{filePath, format, config, mode}` for an executor. Results come back
 * through `settle`, which keeps them in the order of the listed files and
 * stores them in the cache.
 */
import { join, relative } from 'node:path';
import { formatFor } from '../formats/index.js';
import { hashText, type ResultCache } from './cache.js';
import {
  ConfigResolver,
  type LinterOptions,
  type PresetName,
  type ResolvedConfig,
  type RuleSettingInput,
} from './config.js';
import { DEFAULT_MAX_FILE_SIZE, type InputEncoding, listFiles, readTextFile } from './files.js';
import { type FileJob, type JobMode, type JobOptions, runFileJob } from './job.js';
import type { SourceFile } from './lint.js';
import { type FileResult, type LintFilesResult, summarize } from './result.js';

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
  /** Skip what git ignores (the command line does, unless `--no-ignore`). */
  gitignore?: boolean;
  /** `--ext .mdx,.rst`: more extensions a folder walk takes (`.mdx` read as Markdown, others as text). */
  extensions?: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileSize?: number;
  /** `--encoding`: how files without a byte order mark are read (UTF-8 by default). */
  encoding?: InputEncoding;
  /** Rule ids to keep (the `eval` and `--rule-only` use); undefined: all. */
  onlyRules?: string[];
  /**
   * Narrows the listed files, absolute paths in and out (`--since`, `--shard`);
   * `sourceOf` gives a file's source in bilingual mode (`--since` re-lints a
   * file whose source changed).
   */
  selectFiles?: (files: string[], sourceOf: (filePath: string) => string | undefined) => string[];
  /** `--source FILE`: absolute target path → absolute source path, before the config's `sources`. */
  sourceFiles?: Record<string, string>;
  /** Reuses the findings of unchanged files (`--cache`). */
  cache?: ResultCache;
}

/** A job and where its file is in the run's list. */
export interface PlannedJob {
  index: number;
  job: FileJob;
}

export interface Plan {
  /** The selected files, in report order. */
  files: string[];
  /** What is left to lint. */
  jobs: PlannedJob[];
  /** What every job shares. */
  jobOptions: JobOptions;
  /** Records a job's outcome (and stores its result in the cache). */
  settle(index: number, outcome: FileResult | Error): void;
  /** Results in file order, the listing's problems first among the errors. */
  finish(): LintFilesResult;
}

/** Lists, selects and configures the files of a run. A listing problem ends the run with that one error. */
export function planFiles(patterns: string[], options: LintFilesOptions = {}): Plan {
  const cwd = options.cwd ?? process.cwd();
  const jobOptions: JobOptions = {
    cwd,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
  // One resolver for the run: the walk asks it which catalogs are mapped, then every file its config.
  const resolver = resolverFor(options, cwd);
  let listed: ReturnType<typeof listFiles>;
  try {
    listed = listFiles(patterns, {
      cwd,
      ignorePatterns: options.ignorePatterns,
      ignorePath: options.ignorePath,
      gitignore: options.gitignore,
      include: withExtensions(extensionsOf(options, resolver, cwd), mappedCatalogs(options, resolver)),
    });
  } catch (error) {
    const result = { results: [], errors: [error as Error], ignored: [] };
    return { files: [], jobs: [], jobOptions, settle: () => undefined, finish: () => result };
  }
  const files = selectFiles(listed.files, options, resolver);
  const mode: JobMode = options.fix ? 'fix' : options.fixDryRun ? 'fix-dry-run' : 'lint';
  const cache = mode === 'fix-dry-run' ? undefined : options.cache;
  const onlyRules = options.onlyRules ? narrower(options.onlyRules) : undefined;
  const outcomes: Array<FileResult | Error | undefined> = new Array(files.length);
  /** Hashes of the texts read for the cache, to store the results under. */
  const textHashes = new Map<number, string>();
  const configs = new Map<number, ResolvedConfig>();
  /** Jobs with a source, whose cache key includes it. */
  const pairedJobs = new Map<number, FileJob>();
  const jobs: PlannedJob[] = [];
  files.forEach((filePath, index) => {
    let config: ResolvedConfig;
    try {
      config = resolver.forFile(filePath);
    } catch (error) {
      outcomes[index] = error as Error;
      return;
    }
    if (onlyRules) config = onlyRules(config);
    const job: FileJob = { filePath, format: formatFor(filePath), config, mode };
    try {
      const { source, missing } = readSource(filePath, options, resolver, cwd, jobOptions.maxFileSize);
      if (source) job.source = source;
      if (missing) job.missingSource = missing;
    } catch (error) {
      outcomes[index] = error as Error;
      return;
    }
    if (cache) {
      let text: string;
      try {
        text = readTextFile(filePath, jobOptions.maxFileSize, jobOptions.encoding).text;
      } catch (error) {
        outcomes[index] = error as Error;
        return;
      }
      // A paired file's findings depend on its source too.
      const textHash = hashText(cacheText(text, job));
      const cached = cache.get(filePath, textHash, config);
      // With --fix, a cached result is enough only when there is nothing to fix.
      if (cached && (mode === 'lint' || !cached.some((finding) => finding.fix))) {
        outcomes[index] = summarize(filePath, cached);
        return;
      }
      textHashes.set(index, textHash);
      if (job.source) pairedJobs.set(index, job);
      configs.set(index, config);
      if (mode === 'lint') job.text = text;
    }
    jobs.push({ index, job });
  });
  return {
    files,
    jobs,
    jobOptions,
    settle(index, outcome) {
      outcomes[index] = outcome;
      const textHash = textHashes.get(index);
      const config = configs.get(index);
      if (!cache || textHash === undefined || config === undefined || outcome instanceof Error) return;
      // After --fix the file holds the fixed text: that is what the next run reads.
      const stored =
        outcome.output === undefined ? textHash : hashText(cacheText(outcome.output, pairedJobs.get(index)));
      cache.set(files[index], stored, config, outcome);
    },
    finish() {
      const results: FileResult[] = [];
      const errors: Error[] = [...listed.errors];
      for (const outcome of outcomes) {
        if (outcome instanceof Error) errors.push(outcome);
        else if (outcome) results.push(outcome);
      }
      return { results, errors, ignored: listed.ignored };
    },
  };
}

/** The text a file's cache entry is keyed on: with its source's path and text in bilingual mode. */
function cacheText(text: string, job: FileJob | undefined): string {
  const source = job?.source;
  return source ? `${text}\0${source.filePath}\0${source.text}` : text;
}

/**
 * A folder walk takes JSON and YAML catalogs only when a config's `sources`
 * maps them (they have a source): other JSON and YAML files are not prose.
 */
/** `--ext` and the `extensions` of the config that applies to the working folder. */
function extensionsOf(options: LintFilesOptions, resolver: ConfigResolver, cwd: string): string[] {
  let configured: string[] = [];
  try {
    configured = resolver.forFile(join(cwd, 'any.txt')).extensions ?? [];
  } catch {
    // A broken config is reported for each file it applies to; the walk goes on without its extensions.
  }
  return [...configured, ...(options.extensions ?? [])];
}

/** The walk's extra files: those with an extension of `--ext`, and what `include` takes. */
function withExtensions(
  extensions: string[] | undefined,
  include: (path: string) => boolean,
): (path: string) => boolean {
  if (!extensions || extensions.length === 0) return include;
  const lower = extensions.map((extension) => extension.toLowerCase());
  return (path) => lower.some((extension) => path.toLowerCase().endsWith(extension)) || include(path);
}

export function mappedCatalogs(options: LintFilesOptions, resolver: ConfigResolver): (path: string) => boolean {
  return (path) => {
    const format = formatFor(path);
    return (format === 'json' || format === 'yaml') && sourceOfFile(path, options, resolver) !== undefined;
  };
}

/** A file's source in bilingual mode: `--source`, else the nearest config's `sources`; `undefined` for none. */
export function sourceOfFile(
  filePath: string,
  options: LintFilesOptions,
  resolver: ConfigResolver,
): string | undefined {
  const explicit = options.sourceFiles?.[filePath];
  if (explicit) return explicit;
  try {
    return resolver.sourceFor(filePath);
  } catch {
    // A broken config is reported when the file itself is configured.
    return undefined;
  }
}

/**
 * The files to lint: a file that is the source of another listed file is
 * read as that file's source, not linted on its own (it is in another
 * language); then `options.selectFiles` (`--since`, `--shard`).
 */
export function selectFiles(listed: string[], options: LintFilesOptions, resolver: ConfigResolver): string[] {
  const sourceOf = (filePath: string) => sourceOfFile(filePath, options, resolver);
  const sources = new Set<string>();
  for (const filePath of listed) {
    const source = sourceOf(filePath);
    if (source) sources.add(source);
  }
  const targets = sources.size > 0 ? listed.filter((filePath) => !sources.has(filePath)) : listed;
  return options.selectFiles ? options.selectFiles(targets, sourceOf) : targets;
}

/** Reads a file's source for bilingual mode; a missing mapped source is linted without it (named by `missing`). */
function readSource(
  filePath: string,
  options: LintFilesOptions,
  resolver: ConfigResolver,
  cwd: string,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): { source?: SourceFile; missing?: string } {
  const sourcePath = sourceOfFile(filePath, options, resolver);
  if (!sourcePath) return {};
  const name = relative(cwd, sourcePath) || sourcePath;
  try {
    const read = readTextFile(sourcePath, maxFileSize);
    return { source: { text: read.text, filePath: sourcePath, name: name.startsWith('..') ? sourcePath : name } };
  } catch (error) {
    // Named with --source: the user expects it to be there.
    if (options.sourceFiles?.[filePath]) throw error;
    return { missing: name };
  }
}

/** The config resolver of a run: config files are read once for the whole run. */
export function resolverFor(options: LintFilesOptions, cwd: string): ConfigResolver {
  return new ConfigResolver({
    configFile: options.configFile,
    noConfig: options.noConfig,
    ruleOverrides: options.ruleOverrides,
    linterOptions: options.linterOptions,
    preset: options.preset,
    projectRoot: cwd,
    snapshot: true,
  });
}

/** Keeps only `ids` of a config: one narrowed copy per config (configs are shared by the files of a folder). */
function narrower(ids: readonly string[]): (config: ResolvedConfig) => ResolvedConfig {
  const narrowed = new WeakMap<ResolvedConfig, ResolvedConfig>();
  return (config) => {
    let copy = narrowed.get(config);
    if (!copy) {
      copy = { language: config.language, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };
      narrowed.set(config, copy);
    }
    return copy;
  };
}

/** Runs a plan's jobs one after another on this thread. */
export function runPlanInline(plan: Plan): LintFilesResult {
  for (const { index, job } of plan.jobs) plan.settle(index, runFileJob(job, plan.jobOptions));
  return plan.finish();
}
