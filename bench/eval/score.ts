/**
 * The scoring rules of `npm run eval`, as `../shared/eval/README.md` defines
 * them. Pure functions over small types, so the tests can pin them down on
 * hand-made fixtures.
 *
 * - A document is the segments of one (language pair, test set, system,
 *   document) in `doc_seg` order, one paragraph each, joined by a blank line.
 *   (The language pair is part of the key because Bio-MQM reuses document
 *   names such as `doc63` across language pairs for unrelated abstracts.)
 * - A finding's UTF-16 range is mapped back to the segment(s) it covers and
 *   converted to that segment's code point offsets (the data's unit).
 * - A finding **hits** a target-side error span when the two ranges overlap or
 *   are at most one character apart (`gap <= 1`, see `gap`); an empty span is a
 *   point. Any rater, any category.
 * - A span is **found** (recall) when a local finding (at most
 *   `LOCAL_FINDING_MAX` characters) hits it.
 */
import { type ErrorSpan, isPunctuationSpan, targetSpans } from './data.js';
import { OffsetMap } from './offsets.js';

/** A half-open range `[start, end)`; `start === end` is a point. */
export interface Range {
  start: number;
  end: number;
}

/** How many characters a finding and a span may be apart and still hit. */
export const TOUCH_TOLERANCE = 1;

/**
 * Characters strictly between two ranges: negative when they overlap, 0 when
 * they are adjacent (or a point lies on the other's edge or inside it), 1 when
 * one character separates them. A point inside a range also gives a value <= 0.
 */
export function gap(a: Range, b: Range): number {
  return Math.max(a.start - b.end, b.start - a.end);
}

/** The hit relation of the README: overlap, or touch within one character. */
export function touches(a: Range, b: Range, tolerance = TOUCH_TOLERANCE): boolean {
  return gap(a, b) <= tolerance;
}

/** Strict overlap (a shared character); a point overlaps a range it lies strictly inside. */
export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** What a document needs to know about one segment. */
export interface SegmentInput {
  /** The text linted for this segment (the target, or the source side). */
  text: string;
  /** Target-side error spans (code points into `text`); ignored for source-side documents. */
  errors: ErrorSpan[];
  isReference?: boolean;
}

export interface PlacedSegment<S extends SegmentInput = SegmentInput> {
  input: S;
  /** UTF-16 offsets of the segment in the document. */
  start: number;
  end: number;
  offsets: OffsetMap;
  /** Target-side spans with offsets. */
  spans: ErrorSpan[];
}

export interface EvalDocument<S extends SegmentInput = SegmentInput> {
  text: string;
  segments: PlacedSegment<S>[];
}

export const SEGMENT_SEPARATOR = '\n\n';

/** Joins segments (already in document order) into one plain-text document. */
export function buildDocument<S extends SegmentInput>(segments: readonly S[]): EvalDocument<S> {
  const placed: PlacedSegment<S>[] = [];
  let text = '';
  for (const input of segments) {
    if (placed.length > 0) text += SEGMENT_SEPARATOR;
    const start = text.length;
    text += input.text;
    placed.push({ input, start, end: text.length, offsets: new OffsetMap(input.text), spans: targetSpans(input) });
  }
  return { text, segments: placed };
}

/** Index of the segment holding UTF-16 offset `offset` (a separator belongs to the segment before it). */
export function segmentAt(document: EvalDocument, offset: number): number {
  const segments = document.segments;
  let low = 0;
  let high = segments.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Part of a finding inside one segment, in that segment's code points. */
export interface LocalRange extends Range {
  segment: number;
}

/**
 * The segment-local code point ranges a finding covers: one per segment it
 * touches (findings rarely cross a paragraph break), the first being the
 * segment where it starts. A finding that starts in a separator is placed at
 * the end of the segment before it.
 */
export function localize(document: EvalDocument, offset: number, endOffset: number): LocalRange[] {
  const first = segmentAt(document, offset);
  if (first < 0) return [];
  const ranges: LocalRange[] = [];
  const end = Math.max(offset, endOffset);
  for (let index = first; index < document.segments.length; index++) {
    const segment = document.segments[index];
    if (index > first && end <= segment.start) break;
    const length = segment.end - segment.start;
    const from = clamp(offset - segment.start, 0, length);
    const to = clamp(end - segment.start, from, length);
    ranges.push({
      segment: index,
      start: segment.offsets.toCodePoint(from, 'start'),
      end: segment.offsets.toCodePoint(to, 'end'),
    });
    if (end <= segment.end) break;
  }
  return ranges;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

export interface FindingLike {
  ruleId: string;
  offset: number;
  endOffset: number;
}

export interface ScoredFinding<F extends FindingLike = FindingLike> {
  finding: F;
  /** Segment where the finding starts. */
  segment: number;
  /** Its segment-local ranges. */
  ranges: LocalRange[];
  /** Overlaps or touches any target-side span of its segment(s). */
  hit: boolean;
  /** … a Fluency/Punctuation span. */
  punctuationHit: boolean;
}

export function scoreFinding<F extends FindingLike>(document: EvalDocument, finding: F): ScoredFinding<F> {
  const ranges = localize(document, finding.offset, finding.endOffset);
  let hit = false;
  let punctuationHit = false;
  for (const range of ranges) {
    for (const span of document.segments[range.segment].spans) {
      if (!touches(range, span as Range)) continue;
      hit = true;
      if (isPunctuationSpan(span)) punctuationHit = true;
    }
  }
  return { finding, segment: ranges[0]?.segment ?? -1, ranges, hit, punctuationHit };
}

/**
 * Recall counts only findings that point at something: at most this many
 * characters long. A finding that covers a whole sentence (readability) hits
 * every span in it without locating any.
 */
export const LOCAL_FINDING_MAX = 40;

export function isLocal(ranges: readonly Range[]): boolean {
  let length = 0;
  for (const range of ranges) length += range.end - range.start;
  return length <= LOCAL_FINDING_MAX;
}

/**
 * For every target-side span of every segment: the ids of the rules with a
 * local finding (`isLocal`) that hits it (empty: missed). Indexed
 * `[segment][span]`, spans in the order of `PlacedSegment.spans`.
 */
export function spanFinders(document: EvalDocument, scored: readonly ScoredFinding[]): Set<string>[][] {
  const result = document.segments.map((segment) => segment.spans.map(() => new Set<string>()));
  for (const item of scored) {
    if (!isLocal(item.ranges)) continue;
    for (const range of item.ranges) {
      const spans = document.segments[range.segment].spans;
      for (let index = 0; index < spans.length; index++) {
        if (touches(range, spans[index] as Range)) result[range.segment][index].add(item.finding.ruleId);
      }
    }
  }
  return result;
}

/** Per-rule counts. */
export interface RuleScore {
  findings: number;
  hits: number;
  punctuationHits: number;
  /** Findings on human references that raters left without any error. */
  cleanReferenceFindings: number;
}

export function emptyScore(): RuleScore {
  return { findings: 0, hits: 0, punctuationHits: 0, cleanReferenceFindings: 0 };
}

/** hits / findings, or null when there are no findings. */
export function precision(score: Pick<RuleScore, 'findings' | 'hits'>): number | null {
  return score.findings === 0 ? null : score.hits / score.findings;
}

/** Adds a document's scored findings into per-rule totals. */
export function tally(
  document: EvalDocument,
  scored: readonly ScoredFinding[],
  totals: Map<string, RuleScore>,
  isCleanReference: (segment: SegmentInput) => boolean,
): void {
  for (const item of scored) {
    let score = totals.get(item.finding.ruleId);
    if (!score) {
      score = emptyScore();
      totals.set(item.finding.ruleId, score);
    }
    score.findings++;
    if (item.hit) score.hits++;
    if (item.punctuationHit) score.punctuationHits++;
    const segment = document.segments[item.segment];
    if (segment && isCleanReference(segment.input)) score.cleanReferenceFindings++;
  }
}

/** Words for the per-10,000-words rates: runs of letters or digits (with inner `'`, `’`, `-`, `.`, `,`). */
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

export function per10k(count: number, words: number): number | null {
  return words === 0 ? null : (count * 10_000) / words;
}
