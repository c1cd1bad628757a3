/**
 * The CI options of the command line, kept out of `run.ts`: `--since REF`,
 * `--shard K/N`, `--cache` and `--cache-location`.
 */
import { cacheFilePath, ResultCache } from '../engine/cache.js';
import { UsageError } from '../engine/errors.js';
import { changedFiles, filterChanged } from '../engine/git.js';
import type { LintFilesOptions } from '../engine/plan.js';
import { parseShard, selectShard } from '../engine/shard.js';

export interface CiFlags {
  since?: string;
  shard?: string;
  cache?: boolean;
  'cache-location'?: string;
}

export interface CiSetup {
  /** Extra `lintFiles` options. */
  options: Pick<LintFilesOptions, 'selectFiles' | 'cache'>;
  /** Call after linting: writes the cache; returns warnings to print. */
  finish: () => string[];
}

export function setupCi(flags: CiFlags, context: { cwd: string; readsStdin: boolean; debug?: boolean }): CiSetup {
  const { cwd } = context;
  if (context.readsStdin) {
    for (const flag of ['since', 'shard', 'cache'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag} cannot be used with - (stdin)`);
    }
  }
  if (flags['cache-location'] !== undefined && !flags.cache) throw new UsageError('--cache-location needs --cache');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const changed = flags.since === undefined ? undefined : changedFiles(flags.since, cwd);
  const selectFiles =
    shard || changed
      ? (files: string[], sourceOf: (filePath: string) => string | undefined) => {
          let selected = changed ? filterChanged(files, changed, sourceOf) : files;
          if (shard) selected = selectShard(selected, shard, cwd);
          return selected;
        }
      : undefined;
  const cache = flags.cache ? new ResultCache(cacheFilePath(flags['cache-location'], cwd)) : undefined;
  const warnings: string[] = [];
  if (cache?.discarded && context.debug) warnings.push(`${cache.path}: previous cache not used: ${cache.discarded}`);
  return {
    options: { selectFiles, cache },
    finish: () => {
      const problem = cache?.save();
      if (problem) warnings.push(`warning: ${problem}`);
      if (cache && context.debug) warnings.push(`cache: ${cache.hits} hit(s), ${cache.misses} miss(es)`);
      return warnings;
    },
  };
}
