/**
 * `--shard K/N`: a deterministic split of the file list for parallel CI jobs.
 * A file goes to shard `hash(path relative to the working folder) mod N`, so
 * every job that runs the same command from the same folder agrees on the
 * split without talking to the others, the N shards cover every file exactly
 * once, and adding or removing a file never moves the other files between
 * shards (a per-shard `--cache` stays warm).
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { UsageError } from './errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const total = match ? Number(match[2]) : Number.NaN;
  if (!match || index < 1 || total < 1 || index > total) {
    throw new UsageError(`--shard expects K/N with 1 <= K <= N (e.g. 2/4), got "${value}"`);
  }
  return { index, total };
}

/** The shard (0-based) a path belongs to: stable across machines and operating systems. */
export function shardOf(filePath: string, cwd: string, total: number): number {
  const key = relative(cwd, filePath).split(sep).join('/');
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % total;
}

export function selectShard(files: string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => shardOf(file, cwd, shard.total) === shard.index - 1);
}
