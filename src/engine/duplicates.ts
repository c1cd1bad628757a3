/**
 * Findings that report one artefact twice, merged into one after the rules
 * have run (and after control comments, so a rule silenced on a line leaves
 * the other's finding alone). The policy, as the README's "Overlapping
 * findings" states it:
 *
 * 1. A rule reports a place inside another of its own findings that has a fix
 *    (or inside the text that fix rewrites), and brings no fix of its own: the
 *    outer finding's fix settles it. (And a rule that says the same words twice
 *    at one place says them once.) `« unacceptable »` in English is one
 *    quote-style finding (`«…»` → `“…”`, whose fix also drops the two spaces),
 *    not three.
 * 2. Two rules that name one artefact (`SAME_ARTEFACT`) report exactly the
 *    same range: `2024 2024` is a repeated number (spurious-number) and a
 *    repeated word (repeated-words).
 *
 * The finding kept is the more specific rule's (the first of its pair; in 1,
 * the outer finding). It takes the fix of a finding merged into it when it has
 * none, so `--fix` changes what it changed before; the highest severity of the
 * group, so an error is never shown as a warning; and `alsoReportedBy` names
 * the other rules.
 *
 * Everything else is kept apart: two artefacts at one place (a full-width `≫`
 * that is also a paragraph's missing final stop), a finding inside a
 * sentence-wide one (a doubled stop in a long sentence), or inside another
 * rule's finding (`52.000` inside the misplaced currency sign of `52.000€`).
 */
import type { TextEdit } from '../shared/rule.js';

/** What merging reads and writes of a finding (lint.ts's `Finding`, which imports this module). */
interface Finding {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  offset: number;
  endOffset: number;
  fix?: TextEdit;
  alsoReportedBy?: string[];
}

/** Pairs of rules that report one artefact under two names: [more specific, more general]. */
export const SAME_ARTEFACT: ReadonlyArray<readonly [string, string]> = [['spurious-number', 'repeated-words']];

const specificOver = new Map(SAME_ARTEFACT.map(([specific, general]) => [general, specific]));

/** `findings` (sorted by place) with duplicates merged, still sorted; the input is not changed. */
export function mergeDuplicates<F extends Finding>(findings: readonly F[]): F[] {
  if (findings.length < 2) return [...findings];
  const mergedInto = new Map<F, F>();
  mergeSameRange(findings, mergedInto);
  mergeInsideOwnFinding(findings, mergedInto);
  if (mergedInto.size === 0) return [...findings];
  const groups = new Map<F, F[]>();
  for (const [merged, kept] of mergedInto) pushTo(groups, rootOf(kept, mergedInto), merged);
  return findings
    .filter((finding) => !mergedInto.has(finding))
    .map((finding) => withMerged(finding, groups.get(finding)));
}

/** Rule 2: the general rule's finding at exactly the range of the specific rule's. */
function mergeSameRange<F extends Finding>(findings: readonly F[], mergedInto: Map<F, F>): void {
  const byRange = new Map<string, F[]>();
  for (const finding of findings) {
    if (!specificOver.has(finding.ruleId) && !SAME_ARTEFACT.some(([specific]) => specific === finding.ruleId)) continue;
    pushTo(byRange, `${finding.offset}:${finding.endOffset}`, finding);
  }
  for (const atRange of byRange.values()) {
    // The first finding of each rule at the range (many findings of one rule at one range must not make this quadratic).
    const firstOfRule = new Map<string, F>();
    for (const finding of atRange) if (!firstOfRule.has(finding.ruleId)) firstOfRule.set(finding.ruleId, finding);
    for (const general of atRange) {
      const specificId = specificOver.get(general.ruleId);
      const specific = specificId === undefined ? undefined : firstOfRule.get(specificId);
      if (specific && !mergedInto.has(general) && compatibleFixes(specific, general)) mergedInto.set(general, specific);
    }
  }
}

/** Rule 1: a fixless finding inside the range, or the fix's range, of the same rule's fixable finding. */
function mergeInsideOwnFinding<F extends Finding>(findings: readonly F[], mergedInto: Map<F, F>): void {
  const byRule = new Map<string, F[]>();
  for (const finding of findings) pushTo(byRule, finding.ruleId, finding);
  for (const ofRule of byRule.values()) {
    if (ofRule.length < 2) continue;
    const outers = new Outers(ofRule.filter((finding) => finding.fix));
    // The same words at the same place twice: the first stays.
    const said = new Map<string, F>();
    for (const inner of ofRule) {
      if (inner.fix || mergedInto.has(inner)) continue;
      const outer = outers.widestCovering(inner, mergedInto);
      if (outer) {
        mergedInto.set(inner, outer);
        continue;
      }
      const key = `${inner.offset}:${inner.endOffset}:${inner.message}`;
      const first = said.get(key);
      if (first) mergedInto.set(inner, first);
      else said.set(key, inner);
    }
  }
}

/**
 * A rule's fixable findings, by where their extent starts, to find the widest
 * one that covers a place without trying them all: a rule's fixes rarely
 * overlap, so the look back stops after a step or two (a rule with 100,000
 * findings in one paragraph is merged in linear time, not quadratic).
 */
class Outers<F extends Finding> {
  private readonly byStart: Array<{ finding: F; start: number; end: number; order: number }>;
  /** The furthest end of an extent among `byStart[0..index]`. */
  private readonly reach: number[];

  constructor(fixable: readonly F[]) {
    this.byStart = fixable
      .map((finding, order) => {
        const [start, end] = extentOf(finding);
        return { finding, start, end, order };
      })
      .sort((a, b) => a.start - b.start || a.order - b.order);
    let furthest = Number.NEGATIVE_INFINITY;
    this.reach = this.byStart.map((outer) => {
      furthest = Math.max(furthest, outer.end);
      return furthest;
    });
  }

  /** The widest not yet merged (the first of the rule's order among equals) whose extent covers `inner`. */
  widestCovering(inner: F, mergedInto: ReadonlyMap<F, F>): F | undefined {
    let low = 0;
    let high = this.byStart.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.byStart[middle].start <= inner.offset) low = middle + 1;
      else high = middle;
    }
    let best: (typeof this.byStart)[number] | undefined;
    for (let index = low - 1; index >= 0 && this.reach[index] >= inner.endOffset; index--) {
      const outer = this.byStart[index];
      if (outer.end < inner.endOffset || outer.finding === inner || mergedInto.has(outer.finding)) continue;
      const width = outer.end - outer.start;
      const bestWidth = best ? best.end - best.start : -1;
      if (!best || width > bestWidth || (width === bestWidth && outer.order < best.order)) best = outer;
    }
    return best?.finding;
  }
}

/** Where a finding reaches: its range, and the range its fix rewrites. */
function extentOf(finding: Finding): [number, number] {
  if (!finding.fix) return [finding.offset, finding.endOffset];
  return [Math.min(finding.offset, finding.fix.range[0]), Math.max(finding.endOffset, finding.fix.range[1])];
}

/** Merging must not change what `--fix` does: at most one of the two brings a fix, or both bring the same. */
function compatibleFixes(a: Finding, b: Finding): boolean {
  if (!a.fix || !b.fix) return true;
  return a.fix.range[0] === b.fix.range[0] && a.fix.range[1] === b.fix.range[1] && a.fix.text === b.fix.text;
}

function pushTo<K, F>(map: Map<K, F[]>, key: K, finding: F): void {
  const list = map.get(key);
  if (list) list.push(finding);
  else map.set(key, [finding]);
}

function rootOf<F extends Finding>(finding: F, mergedInto: Map<F, F>): F {
  let root = finding;
  for (let next = mergedInto.get(root); next; next = mergedInto.get(root)) root = next;
  return root;
}

function withMerged<F extends Finding>(kept: F, merged: F[] | undefined): F {
  if (!merged) return kept;
  const others = [...new Set(merged.map((finding) => finding.ruleId).filter((id) => id !== kept.ruleId))];
  const result: F = { ...kept };
  result.severity = Math.max(kept.severity, ...merged.map((finding) => finding.severity)) as 1 | 2;
  const fix = kept.fix ?? merged.find((finding) => finding.fix)?.fix;
  if (fix) result.fix = fix;
  if (others.length > 0) result.alsoReportedBy = [...(kept.alsoReportedBy ?? []), ...others].sort();
  return result;
}
