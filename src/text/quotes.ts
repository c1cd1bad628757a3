/**
 * Quotation marks: which occurrence of `“ ” ‘ ’ " ' « » „ ‚ ‹ › 「 」 『 』` opens
 * a quotation, which closes one, and which is not a quotation mark at all
 * (apostrophes in `don't`, `the boys'`, `'90s`, `rock 'n' roll`, `o'clock`;
 * feet and inches in `5' 10"`). Marks are then paired with nesting, and a
 * quotation that runs over several paragraphs (opening mark at the start of
 * each paragraph, closing mark only at the end) is recognised.
 *
 * Works on plain strings (a paragraph's flat text); rules map indices back to
 * original offsets with `flatten()`; `quotesOf(tree)` does that once per tree.
 */
import type { Paragraph, Root } from 'nlcst';
import { type FlatText, flatten } from '../nlcst/flat.js';
import { blockKind, paragraphsOf } from '../nlcst/walk.js';

export type QuoteKind = 'double' | 'single';
/** The typographic family of a mark. */
export type QuoteFamily = 'straight' | 'curly' | 'low' | 'guillemet' | 'corner';
export type QuoteRole = 'open' | 'close' | 'apostrophe' | 'measure';

export interface QuoteMark {
  /** Index in the analysed string. */
  readonly index: number;
  readonly char: string;
  readonly kind: QuoteKind;
  readonly family: QuoteFamily;
  /** What the mark does here, after pairing. */
  role: QuoteRole;
  /** A curly mark turned the wrong way for its role (`”We`, `end“` in English). */
  misoriented: boolean;
  /** Index into `QuoteAnalysis.pairs` when paired. */
  pair: number;
}

export interface QuotePair {
  readonly open: QuoteMark;
  readonly close: QuoteMark;
  /** 0 for an outermost quotation. */
  readonly depth: number;
}

export interface QuoteAnalysis {
  readonly text: string;
  /** Every quote-like character, in order (apostrophes and measurements included). */
  readonly marks: QuoteMark[];
  readonly pairs: QuotePair[];
  /** Opening marks without a closing mark in the paragraph. */
  readonly unmatchedOpen: QuoteMark[];
  /** Closing marks without an opening mark in the paragraph. */
  readonly unmatchedClose: QuoteMark[];
  /** The paragraph starts with an opening mark (a continued multi-paragraph quotation may). */
  readonly startsWithOpen: boolean;
}

/** Every character this module treats as a possible quotation mark. */
export const QUOTE_CHARS = '"\'“”‘’„‚«»‹›「」『』';
const QUOTE_SET = new Set(QUOTE_CHARS);
/** Finds the next possible quotation mark (a regex scan beats a per-character Set lookup). */
const QUOTE_SEARCH = /["'“”‘’„‚«»‹›「」『』]/g;

interface CharInfo {
  kind: QuoteKind;
  family: QuoteFamily;
}

const INFO: Record<string, CharInfo> = {
  '"': { kind: 'double', family: 'straight' },
  "'": { kind: 'single', family: 'straight' },
  '“': { kind: 'double', family: 'curly' },
  '”': { kind: 'double', family: 'curly' },
  '‘': { kind: 'single', family: 'curly' },
  '’': { kind: 'single', family: 'curly' },
  '„': { kind: 'double', family: 'low' },
  '‚': { kind: 'single', family: 'low' },
  '«': { kind: 'double', family: 'guillemet' },
  '»': { kind: 'double', family: 'guillemet' },
  '‹': { kind: 'single', family: 'guillemet' },
  '›': { kind: 'single', family: 'guillemet' },
  '「': { kind: 'double', family: 'corner' },
  '」': { kind: 'double', family: 'corner' },
  '『': { kind: 'single', family: 'corner' },
  '』': { kind: 'single', family: 'corner' },
};

/** Words that start with an elision apostrophe: `'em`, `'til`, `rock 'n' roll`. */
const ELISIONS = new Set([
  'n',
  'em',
  'til',
  'tis',
  'twas',
  'cause',
  'bout',
  'round',
  'cos',
  'coz',
  'kay',
  'nuff',
  'ello',
  'ow',
  'un',
  'im',
  'er',
  'ere',
  'twere',
  'ave',
]);

export function isQuoteChar(char: string): boolean {
  return QUOTE_SET.has(char);
}

const LETTER = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/u;
const SPACE_LOWER = /^\s\p{Ll}/u;
/** Punctuation after which an opening mark may follow directly. */
const OPENERS = /[([{\-–—/\u2010\u2013\u2014]/;

function isSpaceAt(text: string, index: number): boolean {
  return index < 0 || index >= text.length || SPACE.test(text[index]);
}

/** The word (letters only) starting at `index`, lower-cased. */
function wordAt(text: string, index: number): string {
  let end = index;
  while (end < text.length && LETTER.test(text[end])) end++;
  return text.slice(index, end).toLowerCase();
}

type Raw = 'open' | 'close' | 'either' | 'apostrophe' | 'closeOrMeasure' | 'closeOrApostrophe';

interface RawMark {
  mark: QuoteMark;
  raw: Raw;
}

/** Left-flanking: could open (something follows, nothing word-like precedes). */
function leftFlanking(text: string, index: number): boolean {
  const before = text[index - 1];
  if (isSpaceAt(text, index + 1)) return false;
  return (
    index === 0 || isSpaceAt(text, index - 1) || OPENERS.test(before) || QUOTE_SET.has(before) || before === '\u00a0'
  );
}

/** Right-flanking: could close (something precedes, nothing word-like follows). */
function rightFlanking(text: string, index: number): boolean {
  if (isSpaceAt(text, index - 1)) return false;
  const after = text[index + 1];
  return index + 1 >= text.length || isSpaceAt(text, index + 1) || !LETTER_OR_DIGIT.test(after);
}

function classifyOne(text: string, index: number, language: string): RawMark | undefined {
  const char = text[index];
  const info = INFO[char];
  if (!info) return undefined;
  const mark: QuoteMark = {
    index,
    char,
    kind: info.kind,
    family: info.family,
    role: 'open',
    misoriented: false,
    pair: -1,
  };
  const left = leftFlanking(text, index);
  const right = rightFlanking(text, index);
  const before = text[index - 1] ?? '';
  const after = text[index + 1] ?? '';
  const german = language === 'de';
  let raw: Raw;
  switch (char) {
    case '„':
    case '‚':
      if (char === '‚' && !left) raw = 'apostrophe';
      else raw = 'open';
      break;
    case '「':
    case '『':
      raw = 'open';
      break;
    case '」':
    case '』':
      raw = 'close';
      break;
    case '“':
      if (right && !left) {
        raw = 'close';
        // English closes with ”; German (and others) close „ with “.
        if (!german) mark.misoriented = true;
      } else raw = 'open';
      break;
    case '”':
      if (left && !right) {
        raw = 'open';
        mark.misoriented = true;
      } else raw = 'close';
      break;
    case '«':
      raw = right && !left ? 'close' : 'open';
      break;
    case '»':
      raw = left && !right ? 'open' : 'close';
      break;
    case '‹':
      raw = right && !left ? 'close' : 'open';
      break;
    case '›':
      raw = left && !right ? 'open' : 'close';
      break;
    case '"':
      if (DIGIT.test(before) && !left) raw = 'closeOrMeasure';
      else if (left && !right) raw = 'open';
      else if (right && !left) {
        // `workers" compensation`: a double mark typed for a possessive apostrophe.
        raw = before === 's' && SPACE_LOWER.test(text.slice(index + 1, index + 3)) ? 'closeOrApostrophe' : 'close';
      } else raw = 'either';
      break;
    default: {
      // ' ‘ ’: apostrophe or single quotation mark.
      if (LETTER_OR_DIGIT.test(before) && LETTER.test(after)) raw = 'apostrophe';
      else if (DIGIT.test(after) && /^[0-9]{2}s?(?![\p{L}\p{N}])/u.test(text.slice(index + 1, index + 4))) {
        raw = 'apostrophe'; // '90s, ’20
      } else if (left && ELISIONS.has(wordAt(text, index + 1))) raw = 'apostrophe';
      else if (DIGIT.test(before) && !left) raw = 'closeOrMeasure';
      else if (left && !right) {
        raw = 'open';
        if (char === '’') raw = 'either';
      } else if (right && !left) {
        raw = 'closeOrApostrophe';
        if (char === '‘') mark.misoriented = true;
      } else raw = 'either';
      if (raw === 'open' && char === '’') mark.misoriented = true;
    }
  }
  return { mark, raw };
}

/** Classifies and pairs the quotation marks of one paragraph. */
export function analyzeQuotes(text: string, language = 'en'): QuoteAnalysis {
  const raws: RawMark[] = [];
  QUOTE_SEARCH.lastIndex = 0;
  for (let found = QUOTE_SEARCH.exec(text); found !== null; found = QUOTE_SEARCH.exec(text)) {
    const raw = classifyOne(text, found.index, language);
    if (raw) raws.push(raw);
  }
  const marks = raws.map((raw) => raw.mark);
  const pairs: QuotePair[] = [];
  const unmatchedOpen: QuoteMark[] = [];
  const unmatchedClose: QuoteMark[] = [];
  const stack: QuoteMark[] = [];

  const closeWith = (mark: QuoteMark, at: number): void => {
    // Everything opened after the matching mark is unmatched (singles may be apostrophes).
    while (stack.length - 1 > at) {
      const dropped = stack.pop() as QuoteMark;
      if (dropped.kind === 'single' && dropped.family !== 'corner') dropped.role = 'apostrophe';
      else unmatchedOpen.push(dropped);
    }
    const open = stack.pop() as QuoteMark;
    mark.role = 'close';
    open.role = 'open';
    open.pair = mark.pair = pairs.length;
    pairs.push({ open, close: mark, depth: stack.length });
  };

  for (const { mark, raw } of raws) {
    if (raw === 'apostrophe') {
      mark.role = raw;
      continue;
    }
    const match = findOpener(stack, mark);
    if (mark.char === '"' || mark.char === "'") {
      // A straight mark closes the nearest straight mark of its kind, whatever its flanking.
      if (match >= 0 && stack[match].char === mark.char && raw !== 'open') {
        closeWith(mark, match);
        continue;
      }
      if (match >= 0 && stack[match].char === mark.char && raw === 'open' && mark.kind === 'double') {
        if (!LETTER_OR_DIGIT.test(text[mark.index + 1] ?? '')) {
          // ` ".`: a closing mark after a stray space.
          closeWith(mark, match);
          continue;
        }
        // ` "This`: shaped like an opening mark, so the earlier one lost its closing mark.
        const [lost] = stack.splice(match, 1);
        unmatchedOpen.push(lost);
        stack.push(mark);
        continue;
      }
    }
    if (raw === 'open') {
      stack.push(mark);
      continue;
    }
    if (raw === 'closeOrApostrophe' || raw === 'closeOrMeasure') {
      if (match >= 0) closeWith(mark, match);
      else mark.role = raw === 'closeOrMeasure' ? 'measure' : 'apostrophe';
      continue;
    }
    if (raw === 'either') {
      if (match >= 0) closeWith(mark, match);
      else if (mark.kind === 'single' && mark.char !== '‘') mark.role = 'apostrophe';
      else stack.push(mark);
      continue;
    }
    // raw === 'close'
    if (match >= 0) closeWith(mark, match);
    else {
      mark.role = 'close';
      unmatchedClose.push(mark);
    }
  }
  for (const mark of stack) {
    if (mark.kind === 'single' && mark.family !== 'corner' && mark.char !== '‘') mark.role = 'apostrophe';
    else unmatchedOpen.push(mark);
  }
  unmatchedOpen.sort((a, b) => a.index - b.index);
  const first = marks.find((mark) => mark.role === 'open' || mark.role === 'close');
  const startsWithOpen = first !== undefined && first.role === 'open' && text.slice(0, first.index).trim() === '';
  return { text, marks, pairs, unmatchedOpen, unmatchedClose, startsWithOpen };
}

/** Index in `stack` of the nearest opener `mark` can close, or -1. */
function findOpener(stack: readonly QuoteMark[], mark: QuoteMark): number {
  for (let index = stack.length - 1; index >= 0; index--) {
    if (closes(stack[index], mark)) return index;
    // A double closer may skip unclosed singles (they may be apostrophes), not the other way round.
    if (!(mark.kind === 'double' && stack[index].kind === 'single')) return -1;
  }
  return -1;
}

function closes(open: QuoteMark, close: QuoteMark): boolean {
  if (open.kind !== close.kind) return false;
  if (open.family === 'corner' || close.family === 'corner') return open.family === close.family;
  return true;
}

/**
 * Analyses consecutive paragraphs. A paragraph whose quotation is still open at
 * its end is fine when the next paragraph starts with an opening mark: the
 * newsroom convention for a quotation over several paragraphs. Those openers
 * move from `unmatchedOpen` to `continued`. The next paragraph's mark must be
 * glued to its first word and open a quotation of its own (closed there or
 * continued further): a mark before a space (`" said Fang.`, `" "`) or one
 * that nothing closes is what a segment break left of the closing mark.
 */
export interface ParagraphQuotes extends QuoteAnalysis {
  /** Unclosed openers accepted because the quotation continues in the next paragraph. */
  readonly continued: QuoteMark[];
}

export function analyzeParagraphs(texts: readonly string[], language = 'en'): ParagraphQuotes[] {
  const results = texts.map((text) => ({ ...analyzeQuotes(text, language), continued: [] as QuoteMark[] }));
  // Backwards, so that whether the next paragraph's quotation continues is known.
  let nextContinues = false;
  for (let index = results.length - 2; index >= 0; index--) {
    const current = results[index];
    const link = continuation(current, results[index + 1]);
    const continues: boolean = link === 'continues' || (link === 'if-next-continues' && nextContinues);
    if (continues) {
      current.continued.push(current.unmatchedOpen[0]);
      current.unmatchedOpen.length = 0;
    }
    nextContinues = continues;
  }
  return results;
}

/**
 * Whether a paragraph's one unclosed quotation continues in the next paragraph,
 * from the two paragraphs' own analyses (`analyzeQuotes`, before
 * `analyzeParagraphs` moves openers to `continued`): `'if-next-continues'`
 * when the next paragraph's opening mark is itself unclosed, which is fine
 * only if the next paragraph continues in turn. Rules that read a document
 * chunk by chunk decide with it once the next paragraph is known.
 */
export function continuation(current: QuoteAnalysis, next: QuoteAnalysis): 'no' | 'continues' | 'if-next-continues' {
  return continuationBetween(continuationEnds(current), continuationEnds(next));
}

/** What of a paragraph's analysis decides whether a quotation continues into or out of it (`continuation`). */
export interface ContinuationEnds {
  /** The kind of its one unclosed opening mark, when it has exactly one. */
  readonly open?: QuoteKind;
  /** It starts with an opening mark: the mark's kind, whether white space follows it, whether nothing closes it. */
  readonly start?: { readonly kind: QuoteKind; readonly spaced: boolean; readonly unclosed: boolean };
}

export function continuationEnds(analysis: QuoteAnalysis): ContinuationEnds {
  const ends: { open?: QuoteKind; start?: ContinuationEnds['start'] } = {};
  if (analysis.unmatchedOpen.length === 1) ends.open = analysis.unmatchedOpen[0].kind;
  const first = analysis.startsWithOpen ? analysis.marks.find((mark) => mark.role === 'open') : undefined;
  if (first)
    ends.start = {
      kind: first.kind,
      spaced: isSpaceAt(analysis.text, first.index + 1),
      unclosed: analysis.unmatchedOpen.includes(first),
    };
  return ends;
}

/** `continuation`, from the two paragraphs' `continuationEnds`. */
export function continuationBetween(
  current: ContinuationEnds,
  next: ContinuationEnds,
): 'no' | 'continues' | 'if-next-continues' {
  if (current.open === undefined || !next.start || next.start.kind !== current.open) return 'no';
  // The next paragraph's opening mark must open a quotation itself: glued to its first word (`" said Fang.`
  // and `" "` are closing marks a segment break pushed into the next paragraph), and closed there or
  // continued further (not a stray mark).
  if (next.start.spaced) return 'no';
  // The opener must be the outermost one: nothing after it closes.
  return next.start.unclosed ? 'if-next-continues' : 'continues';
}

export interface DocumentQuotes {
  readonly paragraphs: Paragraph[];
  readonly flats: FlatText[];
  readonly analyses: ParagraphQuotes[];
}

const treeCache = new WeakMap<Root, Map<string, DocumentQuotes>>();

/**
 * The quotation marks of every paragraph of `tree` (blocks of kind `other`
 * excluded), computed once per tree and language and shared by the rules.
 */
export function quotesOf(tree: Root, language: string): DocumentQuotes {
  let byLanguage = treeCache.get(tree);
  if (!byLanguage) {
    byLanguage = new Map();
    treeCache.set(tree, byLanguage);
  }
  let result = byLanguage.get(language);
  if (!result) {
    const paragraphs = paragraphsOf(tree).filter((paragraph) => blockKind(paragraph) !== 'other');
    const flats = paragraphs.map((paragraph) => flatten(paragraph));
    const analyses = analyzeParagraphs(
      flats.map((flat) => flat.text),
      language,
    );
    paragraphs.forEach((paragraph, index) => {
      marksOf(paragraph).set(language, ownAnalysis(analyses[index]));
    });
    result = { paragraphs, flats, analyses };
    byLanguage.set(language, result);
  }
  return result;
}

/** A paragraph's analysis before `analyzeParagraphs` moved its one unclosed opener to `continued`. */
export function ownAnalysis(analysis: ParagraphQuotes): QuoteAnalysis {
  return analysis.continued.length > 0 ? { ...analysis, unmatchedOpen: analysis.continued } : analysis;
}

const marksCache = new WeakMap<Paragraph, Map<string, QuoteAnalysis>>();

function marksOf(paragraph: Paragraph): Map<string, QuoteAnalysis> {
  let byLanguage = marksCache.get(paragraph);
  if (!byLanguage) {
    byLanguage = new Map();
    marksCache.set(paragraph, byLanguage);
  }
  return byLanguage;
}

/**
 * The quotation marks of one paragraph as its own text has them, whatever
 * paragraphs surround it: before `quotesOf` moves an opener whose quotation
 * continues in the next paragraph to `continued`. Shared with `quotesOf` when
 * a rule already analysed the paragraph's tree.
 */
export function paragraphQuotes(paragraph: Paragraph, language: string): QuoteAnalysis {
  const byLanguage = marksOf(paragraph);
  let analysis = byLanguage.get(language);
  if (!analysis) {
    analysis = analyzeQuotes(flatten(paragraph).text, language);
    byLanguage.set(language, analysis);
  }
  return analysis;
}

/** True when `index` lies inside some quotation of `analysis` (between its marks). */
export function isQuoted(analysis: QuoteAnalysis, index: number): boolean {
  for (const pair of analysis.pairs) if (pair.open.index < index && index < pair.close.index) return true;
  return false;
}

/** The outermost quotations, as `[openIndex, closeIndex]` (both marks included). */
export function outerQuotations(analysis: QuoteAnalysis): Array<[number, number]> {
  return analysis.pairs
    .filter((pair) => pair.depth === 0)
    .map((pair) => [pair.open.index, pair.close.index] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/** Marks that are quotation marks (not apostrophes or measurements). */
export function quotationMarks(analysis: QuoteAnalysis): QuoteMark[] {
  return analysis.marks.filter((mark) => mark.role === 'open' || mark.role === 'close');
}

/** Marks a language writes for its outer quotations, opening and closing. */
export const LANGUAGE_QUOTES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  en: ['“”', '""', '‘’', "''"],
  de: ['„“', '‚‘', '»«', '›‹', '""', "''"],
});
