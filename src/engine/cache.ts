/**
 * `--cache`: remembers each file's findings, keyed by a hash of its text, a
 * hash of the config that applies to it and mtlint's version, so a re-run on
 * a large repository lints only what changed.
 *
 * The cache is one JSON file (default `.mtlintcache` in the working folder).
 * It is written atomically: a temporary file beside it, flushed to disk, then
 * renamed over it, so a crash or a kill mid-write leaves the previous cache
 * intact. A cache that cannot be read or parsed, or that another mtlint
 * version wrote, is ignored and rebuilt; it is never fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import type { ResolvedConfig } from './config.js';
import type { Finding } from './lint.js';
import type { FileResult } from './result.js';

export const DEFAULT_CACHE_FILE = '.mtlintcache';
const CACHE_SCHEMA = 1;
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

interface CacheEntry {
  /** sha256 of the file's text. */
  text: string;
  /** sha256 of the resolved config. */
  config: string;
  findings: Finding[];
}

interface CacheData {
  mtlint: string;
  schema: number;
  /** The rule set (ids); a build with other rules does not reuse the results. */
  rules: string;
  files: Record<string, CacheEntry>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The key of a file's text in the cache: the planner hashes what it read, and stores results under it later. */
export const hashText = sha256;

const RULES_FINGERPRINT = sha256(rules.map((rule) => rule.meta.id).join('\n'));

/** The cache file for `--cache-location` (a file, or a folder to put `.mtlintcache` in). */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith(sep)) return join(path, DEFAULT_CACHE_FILE);
  try {
    if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE);
  } catch {}
  return path;
}

export class ResultCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly configHashes = new WeakMap<ResolvedConfig, string>();
  private dirty = false;
  /** Why the previous cache was not used, if it was not (for `--debug`). */
  readonly discarded?: string;
  hits = 0;
  misses = 0;

  constructor(readonly path: string) {
    const loaded = loadCache(path);
    this.entries = new Map(Object.entries(loaded.files));
    this.discarded = loaded.discarded;
    if (loaded.discarded) this.dirty = true;
  }

  private key(filePath: string): string {
    return relative(dirname(this.path), resolve(filePath)).split(sep).join('/');
  }

  private configHash(config: ResolvedConfig): string {
    let hash = this.configHashes.get(config);
    if (hash === undefined) {
      const rulesList = [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      hash = sha256(
        JSON.stringify({
          language: config.language,
          rules: rulesList,
          noInlineConfig: config.noInlineConfig,
          reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
        }),
      );
      this.configHashes.set(config, hash);
    }
    return hash;
  }

  /** The cached findings for a text (its `hashText`) and config, if any. */
  get(filePath: string, textHash: string, config: ResolvedConfig): Finding[] | undefined {
    const entry = this.entries.get(this.key(filePath));
    if (entry && entry.text === textHash && entry.config === this.configHash(config)) {
      this.hits++;
      return entry.findings;
    }
    this.misses++;
    return undefined;
  }

  set(filePath: string, textHash: string, config: ResolvedConfig, result: FileResult): void {
    this.entries.set(this.key(filePath), {
      text: textHash,
      config: this.configHash(config),
      findings: result.findings,
    });
    this.dirty = true;
  }

  /**
   * Writes the cache if anything changed, dropping entries of files that no
   * longer exist. Returns a one-line problem instead of throwing.
   */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const directory = dirname(this.path);
    const files: Record<string, CacheEntry> = {};
    for (const [key, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      try {
        if (statSync(resolve(directory, key)).isFile()) files[key] = entry;
      } catch {}
    }
    const data: CacheData = { mtlint: VERSION, schema: CACHE_SCHEMA, rules: RULES_FINGERPRINT, files };
    try {
      writeAtomic(this.path, `${JSON.stringify(data)}\n`);
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `${this.path}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); results are fine, the next run will lint everything again`;
    }
  }
}

function loadCache(path: string): { files: Record<string, CacheEntry>; discarded?: string } {
  let raw: string;
  try {
    if (statSync(path).size > MAX_CACHE_BYTES) return { files: {}, discarded: 'cache file too large' };
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { files: {} } : { files: {}, discarded: `cannot read (${code})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { files: {}, discarded: 'not valid JSON' };
  }
  if (!isCacheData(data)) return { files: {}, discarded: 'not an mtlint cache' };
  if (data.mtlint !== VERSION || data.schema !== CACHE_SCHEMA || data.rules !== RULES_FINGERPRINT) {
    return { files: {}, discarded: `written by another mtlint version (${data.mtlint})` };
  }
  const files: Record<string, CacheEntry> = {};
  for (const [key, entry] of Object.entries(data.files)) if (isEntry(entry)) files[key] = entry;
  return { files };
}

function isCacheData(data: unknown): data is CacheData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const record = data as Record<string, unknown>;
  return (
    typeof record.mtlint === 'string' &&
    typeof record.files === 'object' &&
    record.files !== null &&
    !Array.isArray(record.files)
  );
}

function isEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const record = entry as Record<string, unknown>;
  return (
    typeof record.text === 'string' &&
    typeof record.config === 'string' &&
    Array.isArray(record.findings) &&
    record.findings.every(
      (finding) =>
        typeof finding === 'object' &&
        finding !== null &&
        typeof (finding as Finding).ruleId === 'string' &&
        ((finding as Finding).severity === 1 || (finding as Finding).severity === 2) &&
        typeof (finding as Finding).line === 'number',
    )
  );
}

/** Temporary file in the same folder, flushed, then renamed over the target. */
function writeAtomic(path: string, data: string): void {
  const temporary = join(dirname(path), `${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    const buffer = Buffer.from(data, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(descriptor, buffer, written, buffer.length - written);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {}
    throw error;
  }
}
