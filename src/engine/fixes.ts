/**
 * Fixes are text edits over ranges of the original text, applied apart from
 * reporting (as in ESLint and textlint): never by re-serialising a tree, so
 * nothing outside an edit's range can change.
 */
import type { TextEdit } from '../shared/rule.js';
import { type Finding, type LintOptions, type LintResult, lint } from './lint.js';

export interface FixResult {
  output: string;
  /** Number of edits applied. */
  applied: number;
  /** True when the output differs from the input. */
  changed: boolean;
}

/**
 * Applies the fixes of `findings` to `text`. Edits are applied in order of
 * their start; an edit that overlaps one already taken is skipped (the next
 * pass of `fixText` picks it up if it still applies).
 */
export function applyFixes(text: string, findings: readonly Pick<Finding, 'fix'>[]): FixResult {
  const edits = findings
    .map((finding) => finding.fix)
    .filter((fix): fix is TextEdit => fix !== undefined && isValidEdit(fix, text.length))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const parts: string[] = [];
  let cursor = 0;
  let applied = 0;
  let lastEnd = -1;
  for (const edit of edits) {
    const [start, end] = edit.range;
    // Overlapping (or two insertions at one point): keep the first.
    if (start < lastEnd || (start === lastEnd && start === end)) continue;
    if (text.slice(start, end) === edit.text) continue;
    parts.push(text.slice(cursor, start), edit.text);
    cursor = end;
    lastEnd = end;
    applied++;
  }
  parts.push(text.slice(cursor));
  const output = parts.join('');
  return { output, applied, changed: output !== text };
}

function isValidEdit(edit: TextEdit, length: number): boolean {
  const [start, end] = edit.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= length;
}

export const MAX_FIX_PASSES = 10;

export interface FixTextResult extends FixResult {
  /** Findings that remain after fixing. */
  result: LintResult;
  passes: number;
}

/** Lints and fixes until nothing fixable is left (at most `MAX_FIX_PASSES`). */
export function fixText(input: string, options: LintOptions = {}): FixTextResult {
  const bom = input.charCodeAt(0) === 0xfeff;
  let text = bom ? input.slice(1) : input;
  // Lint the text with its byte order mark: `lint` strips exactly one, and its
  // offsets count from after it. Linting the stripped text would strip a second
  // U+FEFF as if it were the mark, and its fix would never be applied.
  const withBom = (body: string) => (bom ? `\uFEFF${body}` : body);
  let applied = 0;
  let passes = 0;
  let result = lint(input, options);
  while (passes < MAX_FIX_PASSES) {
    const fixed = applyFixes(text, result.findings);
    if (!fixed.changed) break;
    passes++;
    applied += fixed.applied;
    text = fixed.output;
    result = lint(withBom(text), options);
  }
  const output = bom ? `\uFEFF${text}` : text;
  return { output, applied, changed: output !== input, result: { ...result, bom }, passes };
}
