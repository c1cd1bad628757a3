/**
 * A deterministic classifier of `Fluency/Punctuation` spans: could a rule
 * that sees only the target text find this error? It follows the heuristic
 * classes of `../shared/eval/STATS.md`, so recall per class is comparable:
 *
 * 1. `target_only` (mechanical, target side): a mechanical pattern occurs
 *    within three characters of the span: doubled or stacked punctuation
 *    (also around a closing quote, and runs of four or more full stops), white space before punctuation, CJK or
 *    full-width punctuation, a missing space after punctuation, a double
 *    space, `$ 5`, `5 %` (English), a number of five or more digits without
 *    separators; or the segment's quotes or brackets are unbalanced and the
 *    span touches a quote or bracket; or the segment lacks final punctuation
 *    and the span reaches its end.
 * 2. `target_style` (house style): straight quotes in German; a closing
 *    quote next to `,` or `.` (`",` vs `,"`); straight and curly quotes
 *    mixed in one segment, the span touching a quote; a dash or hyphen in the
 *    span, or `--`, ` - `, `–`, `—` within three characters of it.
 * 3. `quote_judgement` (quotes carried over from the source): the span holds
 *    a quotation mark, or one is right next to it — balanced quotes that raters
 *    judged superfluous (scare quotes around names and slogans) or missing.
 * 4. `needs_source` (the rest): an extra or wrong comma or full stop, a
 *    missing mark at a point, punctuation around a word — a rule needs the
 *    source or a grammar model.
 *
 * The first class whose test passes wins, in that order. Offsets are code
 * points (the data's unit); the classifier works on arrays of code points.
 */
import type { ErrorSpan } from './data.js';

export const PUNCTUATION_CLASSES = ['target_only', 'target_style', 'quote_judgement', 'needs_source'] as const;
export type PunctuationClass = (typeof PUNCTUATION_CLASSES)[number];

/** Labels for tables. */
export const CLASS_LABELS: Record<PunctuationClass, string> = {
  target_only: 'mechanical, target side',
  target_style: 'house style (dashes, quote order)',
  quote_judgement: 'quotes carried over from the source',
  needs_source: 'the rest (needs the source)',
};

export interface SpanClass {
  class: PunctuationClass;
  /** Which test decided. */
  pattern: string;
}

const CONTEXT = 3;

/** Mechanical target-side patterns, scanned over the whole segment. */
const MECHANICAL: readonly [string, RegExp, ((language: string) => boolean)?][] = [
  ['doubled_punct_around_quote', /[.,;:]["”’»][ \t]*[.,;:]/g],
  [
    'doubled_punct',
    /\.{4,}|[,;:][ \t]*[.,;:]|\.[ \t]*[,;:]|(?<!\.)\.[ \t]+\.(?![ \t]*\.)|(?<!\.)\.\.(?!\.)|[!?][ \t]*[.,]/g,
  ],
  ['space_before_punct', /[\p{L}\p{N}"”)][ \t]+[,;:!?]|[\p{L}\p{N}][ \t]+\.(?![.\p{L}\p{N}])/gu],
  ['cjk_fullwidth_punct', /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]/g],
  ['missing_space_after_punct', /\p{Ll}[,;!?]\p{L}|\p{Ll}{2}\.\p{Lu}\p{Ll}/gu],
  ['double_space', /\S[ \t]{2,}\S/g],
  ['currency_spacing', /[$€£¥][ \t]+\d/g],
  ['percent_spacing', /\d[ \t]+%/g, (language) => language === 'en'],
  ['long_number_without_separator', /(?<![\d.,])\d{5,}(?![\d])/g],
];

const QUOTE = /["“”„‟«»‹›「」『』]|(?<!\p{L})['‘’]|['‘’](?!\p{L})/u;
const QUOTE_OR_BRACKET = /["“”„‟«»‹›「」『』()[\]{}]|(?<!\p{L})['‘’]|['‘’](?!\p{L})/u;
const DASH_IN_SPAN = /[-‐‑‒–—―]/;
const DASH_NEAR = /--|[ \t]-[ \t]|[–—―]/g;
const QUOTE_ORDER = /["”’»][.,]|[.,]["”’»]/g;
const FINAL = /[.!?…:;]["”’»)\]]*\s*$/u;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Quotes or brackets that do not pair up in one segment. */
export function unbalanced(text: string, language: string): boolean {
  if (count(text, /"/g) % 2 === 1) return true;
  if (count(text, /\(/g) !== count(text, /\)/g)) return true;
  if (count(text, /\[/g) !== count(text, /\]/g)) return true;
  if (count(text, /«/g) !== count(text, /»/g)) return true;
  const low = count(text, /„/g);
  if (language === 'de' || low > 0) return low !== count(text, /[“”]/g);
  return count(text, /“/g) !== count(text, /”/g);
}

/** Code point ranges of the matches of a global regex over an array of code points. */
function matchRanges(chars: readonly string[], joined: string, pattern: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  const astral = joined.length !== chars.length;
  pattern.lastIndex = 0;
  for (const match of joined.matchAll(pattern)) {
    const from = match.index ?? 0;
    const to = from + match[0].length;
    if (!astral) ranges.push([from, to]);
    else ranges.push([Array.from(joined.slice(0, from)).length, Array.from(joined.slice(0, to)).length]);
  }
  return ranges;
}

function near(ranges: [number, number][], start: number, end: number, context = CONTEXT): boolean {
  return ranges.some(([from, to]) => from < end + context && to > start - context);
}

/**
 * Classifies one target-side span of `text` (code point offsets). `language`
 * is the target language (`en`, `de`).
 */
export function classifySpan(text: string, span: Pick<ErrorSpan, 'start' | 'end'>, language = 'en'): SpanClass {
  const chars = Array.from(text);
  const start = Math.max(0, Math.min(span.start ?? 0, chars.length));
  const end = Math.max(start, Math.min(span.end ?? start, chars.length));
  const inside = chars.slice(start, end).join('');
  const around = chars.slice(Math.max(0, start - 1), Math.min(chars.length, end + 1)).join('');
  const window = chars.slice(Math.max(0, start - CONTEXT), Math.min(chars.length, end + CONTEXT)).join('');

  for (const [pattern, regex, applies] of MECHANICAL) {
    if (applies && !applies(language)) continue;
    if (near(matchRanges(chars, text, regex), start, end)) return { class: 'target_only', pattern };
  }
  if (unbalanced(text, language) && QUOTE_OR_BRACKET.test(around)) {
    return { class: 'target_only', pattern: 'unbalanced_quotes_or_brackets' };
  }
  const trimmedEnd = text.replace(/\s+$/u, '');
  if (!FINAL.test(trimmedEnd) && end >= Array.from(trimmedEnd).length - 1 && /[\p{L}\p{N}]/u.test(trimmedEnd)) {
    return { class: 'target_only', pattern: 'missing_final_punct' };
  }

  if (language === 'de' && /"/.test(window)) return { class: 'target_style', pattern: 'straight_quotes_in_german' };
  if (near(matchRanges(chars, text, QUOTE_ORDER), start, end)) {
    return { class: 'target_style', pattern: 'punct_vs_closing_quote_order' };
  }
  if (/"/.test(text) && /[“”„]/.test(text) && QUOTE.test(around)) {
    return { class: 'target_style', pattern: 'mixed_quote_styles' };
  }
  if (DASH_IN_SPAN.test(inside) || near(matchRanges(chars, text, DASH_NEAR), start, end)) {
    return { class: 'target_style', pattern: 'dash_hyphen_style' };
  }

  if (QUOTE.test(around)) return { class: 'quote_judgement', pattern: 'quote_marks_added_or_missing' };

  if (inside.trim() === '') return { class: 'needs_source', pattern: 'missing_punct_at_point' };
  if (inside.includes(',')) return { class: 'needs_source', pattern: 'comma_present_in_span' };
  if (/[.;:!?]/.test(inside)) return { class: 'needs_source', pattern: 'wrong_punct_mark' };
  return { class: 'needs_source', pattern: 'word_span' };
}
