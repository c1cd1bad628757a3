/**
 * The planner: turns the command line's paths into jobs, once. It lists the
 * files and selects them (`--since`, `--shard`) once, resolves config once per
 * folder, answers what it can from the cache, and emits plain jobs
 * `{filePath, format, config, mode}` for an executor. Results come back
 * through `settle`, which keeps them in the order of the listed files and
 * stores them in the cache.
 */
import { formatFor } from '../formats/index.js';
import { hashText, type ResultCache } from './cache.js';
import {
  ConfigResolver,
  type LinterOptions,
  type PresetName,
  type ResolvedConfig,
  type RuleSettingInput,
} from './config.js';
import { DEFAULT_MAX_FILE_SIZE, listFiles, readTextFile } from './files.js';
import { type FileJob, type JobMode, type JobOptions, runFileJob } from './job.js';
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
  const jobOptions: JobOptions = { cwd, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  let listed: ReturnType<typeof listFiles>;
  try {
    listed = listFiles(patterns, { cwd, ignorePatterns: options.ignorePatterns, ignorePath: options.ignorePath });
  } catch (error) {
    const result = { results: [], errors: [error as Error], ignored: [] };
    return { files: [], jobs: [], jobOptions, settle: () => undefined, finish: () => result };
  }
  const files = options.selectFiles ? options.selectFiles(listed.files) : listed.files;
  const resolver = resolverFor(options, cwd);
  const mode: JobMode = options.fix ? 'fix' : options.fixDryRun ? 'fix-dry-run' : 'lint';
  const cache = mode === 'fix-dry-run' ? undefined : options.cache;
  const onlyRules = options.onlyRules ? narrower(options.onlyRules) : undefined;
  const outcomes: Array<FileResult | Error | undefined> = new Array(files.length);
  /** Hashes of the texts read for the cache, to store the results under. */
  const textHashes = new Map<number, string>();
  const configs = new Map<number, ResolvedConfig>();
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
    if (cache) {
      let text: string;
      try {
        text = readTextFile(filePath, jobOptions.maxFileSize).text;
      } catch (error) {
        outcomes[index] = error as Error;
        return;
      }
      const textHash = hashText(text);
      const cached = cache.get(filePath, textHash, config);
      // With --fix, a cached result is enough only when there is nothing to fix.
      if (cached && (mode === 'lint' || !cached.some((finding) => finding.fix))) {
        outcomes[index] = summarize(filePath, cached);
        return;
      }
      textHashes.set(index, textHash);
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
      cache.set(files[index], outcome.output === undefined ? textHash : hashText(outcome.output), config, outcome);
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
