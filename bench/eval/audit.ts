/**
 * The audit: findings that hit no rater span, read by a person, with a
 * verdict. `bench/eval/audit/<rule-id>.jsonl` holds one line per read finding:
 *
 *   {"id": record id, "rule": rule id, "start": 3, "end": 7, "text": "the the",
 *    "verdict": "real" | "false" | "unclear", "reason": "why"}
 *
 * `start`/`end` are code point offsets into the segment's text (the MT target,
 * the English source side, or a clean English paragraph), the unit of the
 * data's error spans. A line belongs to a finding of the same rule in the same
 * record whose range overlaps its own, so it survives code changes that move
 * nothing at that place; a line that matches no finding any more is reported
 * as stale by `npm run eval`.
 *
 * The ids: an MT target's record `id`; the English source side of a segment
 * `source:lp|testset|doc|doc_seg` (see `sourceId`); a clean English
 * paragraph its record `id`.
 *
 * `real` only when a careful copy-editor of the target language would change
 * the text at that place and the message says what is wrong there; a right
 * place with a fix that would damage the text is `false`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from './score.js';

export const VERDICTS = ['real', 'false', 'unclear'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface AuditLine {
  id: string;
  rule: string;
  start: number;
  end: number;
  text: string;
  verdict: Verdict;
  reason: string;
}

/** An audit line and where it was read from (for error and stale reports). */
export interface LoadedAuditLine extends AuditLine {
  file: string;
  line: number;
}

const KEYS = ['id', 'rule', 'start', 'end', 'text', 'verdict', 'reason'];

/** The line as an `AuditLine`, or a one-line reason why it is not one. */
export function checkAuditLine(value: unknown): AuditLine | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const line = value as Record<string, unknown>;
  const extra = Object.keys(line).filter((key) => !KEYS.includes(key));
  if (extra.length > 0) return `unknown key \`${extra[0]}\` (keys: ${KEYS.join(', ')})`;
  for (const key of ['id', 'rule', 'text', 'reason'] as const) {
    if (typeof line[key] !== 'string') return `\`${key}\` must be a string`;
  }
  if ((line.id as string).length === 0 || (line.rule as string).length === 0)
    return '`id` and `rule` must not be empty';
  if ((line.reason as string).trim().length === 0) return '`reason` must say why';
  for (const key of ['start', 'end'] as const) {
    if (!Number.isInteger(line[key]) || (line[key] as number) < 0) return `\`${key}\` must be a whole number`;
  }
  if ((line.end as number) < (line.start as number)) return '`end` is before `start`';
  if (!VERDICTS.includes(line.verdict as Verdict)) return `\`verdict\` must be one of ${VERDICTS.join(', ')}`;
  return line as unknown as AuditLine;
}

/** Parses one audit file; `rule` (the file's name) must match every line's rule. */
export function parseAuditFile(text: string, file: string, rule?: string): LoadedAuditLine[] {
  const lines: LoadedAuditLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${file}:${index + 1}: invalid JSON (${(error as Error).message})`);
    }
    const checked = checkAuditLine(value);
    if (typeof checked === 'string') throw new Error(`${file}:${index + 1}: ${checked}`);
    if (rule !== undefined && checked.rule !== rule) {
      throw new Error(`${file}:${index + 1}: rule \`${checked.rule}\` in the audit file of \`${rule}\``);
    }
    lines.push({ ...checked, file, line: index + 1 });
  });
  return lines;
}

/** Every `<rule-id>.jsonl` in `directory` (none when the folder does not exist). */
export function loadAudit(directory: string): LoadedAuditLine[] {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((name) => parseAuditFile(readFileSync(join(directory, name), 'utf8'), name, name.replace(/\.jsonl$/, '')));
}

/** Two ranges share a character, or are the same point, or a point lies inside the other range. */
export function sameSpan(a: Range, b: Range): boolean {
  if (a.start === b.start && a.end === b.end) return true;
  if (a.start === a.end) return b.start <= a.start && a.start < b.end;
  if (b.start === b.end) return a.start <= b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Looks findings up in the audit and remembers which lines were used. */
export class AuditIndex {
  private readonly byKey = new Map<string, LoadedAuditLine[]>();
  private readonly used = new Set<LoadedAuditLine>();

  constructor(readonly lines: readonly LoadedAuditLine[]) {
    for (const line of lines) {
      const key = `${line.id}\u0000${line.rule}`;
      const group = this.byKey.get(key) ?? [];
      group.push(line);
      this.byKey.set(key, group);
    }
  }

  /** The audit line of a finding of `rule` at `range` of record `id`, if someone read it. */
  find(id: string, rule: string, range: Range): LoadedAuditLine | undefined {
    const line = this.byKey.get(`${id}\u0000${rule}`)?.find((candidate) => sameSpan(candidate, range));
    if (line) this.used.add(line);
    return line;
  }

  /** Lines no finding looked up: the finding moved or went away (or a rater now marks it). */
  stale(): LoadedAuditLine[] {
    return this.lines.filter((line) => !this.used.has(line));
  }
}

/** Two lines of one file that would match the same finding (the second is never used). */
export function overlappingLines(lines: readonly AuditLine[]): [AuditLine, AuditLine][] {
  const pairs: [AuditLine, AuditLine][] = [];
  const byKey = new Map<string, AuditLine[]>();
  for (const line of lines) {
    const key = `${line.id}\u0000${line.rule}`;
    for (const other of byKey.get(key) ?? []) if (sameSpan(other, line)) pairs.push([other, line]);
    byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  return pairs;
}

/**
 * Rewrites the audit files without the lines named `file:line` in `stale`
 * (as `EvalResult.audit.stale` lists them); returns how many were removed.
 */
export function pruneAudit(directory: string, lines: readonly LoadedAuditLine[], stale: readonly string[]): number {
  const drop = new Set(stale);
  const byFile = new Map<string, LoadedAuditLine[]>();
  for (const line of lines) byFile.set(line.file, [...(byFile.get(line.file) ?? []), line]);
  let removed = 0;
  for (const [file, fileLines] of byFile) {
    const kept = fileLines.filter((line) => !drop.has(`${line.file}:${line.line}`));
    if (kept.length === fileLines.length) continue;
    removed += fileLines.length - kept.length;
    const text = kept
      .map(({ id, rule, start, end, text, verdict, reason }) =>
        JSON.stringify({ id, rule, start, end, text, verdict, reason }),
      )
      .join('\n');
    writeFileSync(join(directory, file), kept.length > 0 ? `${text}\n` : '');
  }
  return removed;
}
