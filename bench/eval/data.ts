/**
 * The evaluation records (`../shared/eval/dev/*.jsonl`, schema in its
 * README.md): one MT or human translation of one segment with the MQM error
 * spans professional raters marked on it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ErrorSpan {
  /** Code point offsets into `target` (side `target`); null otherwise. */
  start: number | null;
  end: number | null;
  text?: string | null;
  /** `target`, `source` (omissions) or `none`. */
  side: string;
  category?: string;
  category_norm: string;
  severity?: string;
  rater?: string;
  src_start?: number | null;
  src_end?: number | null;
  src_text?: string | null;
}

export interface EvalRecord {
  id: string;
  lp: string;
  testset: string;
  system: string;
  is_reference: boolean;
  doc: string;
  seg: string;
  doc_seg: number;
  source: string;
  target: string;
  raters?: string[];
  errors: ErrorSpan[];
  split?: string;
}

export const PUNCTUATION_CATEGORY = 'Fluency/Punctuation';

/** The language of one side of a language pair such as `zh-en`. */
export function languageOf(lp: string, side: 'source' | 'target'): string {
  const [source, target] = lp.split('-');
  return ((side === 'source' ? source : target) ?? 'en').toLowerCase();
}

/** Target-side spans with usable offsets. */
export function targetSpans(record: Pick<EvalRecord, 'errors'>): ErrorSpan[] {
  return record.errors.filter(
    (error) =>
      error.side === 'target' &&
      typeof error.start === 'number' &&
      typeof error.end === 'number' &&
      error.end >= error.start,
  );
}

export function isPunctuationSpan(error: ErrorSpan): boolean {
  return error.category_norm === PUNCTUATION_CATEGORY;
}

/** A segment raters judged clean: a human reference with no error at all. */
export function isCleanReference(record: Pick<EvalRecord, 'is_reference' | 'errors'>): boolean {
  return record.is_reference && record.errors.length === 0;
}

/**
 * A paragraph of native English (`clean_en_*.jsonl`: `{id, set, domain, doc,
 * seg, text}`), linted for false alarms only: it has no translation and no
 * error spans.
 */
export interface CleanParagraph {
  id: string;
  set: string;
  domain?: string;
  doc: string;
  seg: number;
  text: string;
}

/** An evaluation file: MQM-annotated translations, or native English paragraphs. */
export type Corpus = { kind: 'mqm'; records: EvalRecord[] } | { kind: 'clean'; paragraphs: CleanParagraph[] };

function isCleanParagraph(value: Record<string, unknown>): boolean {
  return typeof value.text === 'string' && !('target' in value) && !('errors' in value);
}

/**
 * Reads either schema; the first record decides which, and every line must
 * then follow it (a clear `file:line` error otherwise).
 */
export function parseCorpus(text: string, source: string): Corpus {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0) {
    let head: Record<string, unknown> | null = null;
    try {
      head = JSON.parse(lines[first]) as Record<string, unknown>;
    } catch {}
    if (head && typeof head === 'object' && isCleanParagraph(head))
      return { kind: 'clean', paragraphs: parseClean(lines, source) };
  }
  return { kind: 'mqm', records: parseJsonl(text, source) };
}

function parseClean(lines: string[], source: string): CleanParagraph[] {
  const paragraphs: CleanParagraph[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (!line) continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${source}:${index + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (
      !value ||
      typeof value !== 'object' ||
      !isCleanParagraph(value) ||
      typeof value.id !== 'string' ||
      typeof value.doc !== 'string' ||
      typeof value.seg !== 'number'
    ) {
      throw new Error(`${source}:${index + 1}: not a clean English paragraph (needs id, doc, seg, text)`);
    }
    paragraphs.push({
      id: value.id,
      set: typeof value.set === 'string' ? value.set : '',
      domain: typeof value.domain === 'string' ? value.domain : undefined,
      doc: value.doc,
      seg: value.seg,
      text: value.text as string,
    });
  }
  return paragraphs;
}

export function parseJsonl(text: string, source: string): EvalRecord[] {
  const records: EvalRecord[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (!line) continue;
    let record: EvalRecord;
    try {
      record = JSON.parse(line) as EvalRecord;
    } catch (error) {
      throw new Error(`${source}:${index + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof record.target !== 'string' || typeof record.lp !== 'string' || !Array.isArray(record.errors)) {
      throw new Error(`${source}:${index + 1}: not an evaluation record (needs lp, target, errors)`);
    }
    records.push(record);
  }
  return records;
}

/** `.jsonl` files named by `paths` (files or folders). */
export function jsonlFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new Error(`no evaluation data at ${absolute} (use --split PATH or set MTLINT_EVAL_DIR)`);
    }
    if (isDirectory) {
      for (const name of readdirSync(absolute).sort()) if (name.endsWith('.jsonl')) files.push(join(absolute, name));
    } else files.push(absolute);
  }
  return files;
}

export function loadRecords(file: string): EvalRecord[] {
  return parseJsonl(readFileSync(file, 'utf8'), file);
}

export function loadCorpus(file: string): Corpus {
  return parseCorpus(readFileSync(file, 'utf8'), file);
}

/**
 * The dev split: `MTLINT_EVAL_DIR` if set, else the first `shared/eval/dev`
 * folder found walking up from the repository (`/work/main` → `/work/shared`,
 * and from a worktree such as `/work/wt/eval` as well).
 */
export function defaultDevDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.MTLINT_EVAL_DIR) return resolve(env.MTLINT_EVAL_DIR);
  let directory = resolve(root);
  for (;;) {
    const candidate = join(directory, 'shared', 'eval', 'dev');
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {}
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return join(resolve(root), '..', 'shared', 'eval', 'dev');
}
