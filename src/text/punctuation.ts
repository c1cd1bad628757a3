/**
 * Character classes and small scanners shared by the punctuation and
 * white-space rules. Everything here works on single characters or on a
 * bounded look-around, so rules that use it stay linear in the text length.
 */
import { wordList } from './lexicon.js';

/** Marks that attach to the word before them: `, . ; : ! ?`. */
export function isAttachingMark(char: string | undefined): boolean {
  return char === ',' || char === '.' || char === ';' || char === ':' || char === '!' || char === '?';
}

/** Marks that end a sentence. */
export function isTerminal(char: string | undefined): boolean {
  return char === '.' || char === '!' || char === '?' || char === '…';
}

/** Closing quotation marks (straight ones count: they close as often as they open). */
export function isClosingQuote(char: string | undefined): boolean {
  return char === '"' || char === '”' || char === '’' || char === "'" || char === '»' || char === '“';
}

/** Opening quotation marks. */
export function isOpeningQuote(char: string | undefined): boolean {
  return char === '"' || char === '“' || char === '‘' || char === "'" || char === '«' || char === '„';
}

export function isOpeningBracket(char: string | undefined): boolean {
  return char === '(' || char === '[' || char === '{';
}

export function isClosingBracket(char: string | undefined): boolean {
  return char === ')' || char === ']' || char === '}';
}

export const BRACKET_PAIRS: Readonly<Record<string, string>> = Object.freeze({ '(': ')', '[': ']', '{': '}' });

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

export function isLetter(char: string | undefined): boolean {
  return char !== undefined && char !== '' && LETTER.test(char);
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && char !== '' && LETTER_OR_DIGIT.test(char);
}

export function isUpper(char: string | undefined): boolean {
  return char !== undefined && char !== '' && UPPER.test(char);
}

export function isLower(char: string | undefined): boolean {
  return char !== undefined && char !== '' && LOWER.test(char);
}

/** Horizontal white space inside a line (space, tab, no-break spaces). */
export function isInlineSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\u00a0' || char === '\u202f';
}

export function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

export function isSpace(char: string | undefined): boolean {
  return isInlineSpace(char) || isLineBreak(char);
}

/** Abbreviations that end in a full stop and may be followed by `,` `;` `:`. */
const ABBREVIATIONS = new Set(
  (
    'etc al approx appr ca cf vs viz esp incl excl inc ltd co corp bros jr sr st mt ft no nos vol vols pp ed eds ' +
    'mr mrs ms dr prof gen gov sen rep rev sgt lt col capt cmdr adm fig figs tab eq ref refs resp dept univ ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun est min max avg ' +
    'kg km cm mm oz lb lbs sq mi hr hrs yr yrs sec spp ssp subsp var ibid cit seq sic fl ff ' +
    // German short forms, for documents in German.
    'usw bzw vgl ggf evtl inkl ca nr hr fr str abs art bd jh jhd mio mrd tsd'
  ).split(' '),
);

/**
 * True when the full stop at `index` closes an abbreviation: an initialism
 * (`U.S.`, `e.g.`, `a.m.`, `J.`), a listed short form (`etc.`, `Inc.`, the
 * `abbreviations` word list: `Calif.`, `Ore.`, `assn.`), or the last word of
 * an abbreviated phrase in lower case before a comma (`ad us. vet.,`).
 */
export function endsAbbreviation(text: string, index: number): boolean {
  if (text[index] !== '.') return false;
  let start = index;
  while (start > 0 && isLetter(text[start - 1])) start--;
  const word = text.slice(start, index);
  if (word.length === 0) return false;
  // A single letter before the stop: an initial or the last part of `U.S.`/`e.g.`.
  if (word.length === 1) return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  const listed = wordList('abbreviations');
  // Lower-case entries match in any case; a capitalised one (`Ore`) only as written.
  if (listed.has(lower) || listed.has(word)) return true;
  return endsAbbreviatedPhrase(text, start, index, word);
}

/**
 * `ad us. vet.,`, `op. cit.;`: a short lower-case word right after another
 * short lower-case word with a full stop, and a comma, semicolon or colon
 * after it. A full stop before a lower-case word and another before a comma
 * make an abbreviated phrase; without the comma (`the. arts. It`) they are
 * more likely stray full stops.
 */
function endsAbbreviatedPhrase(text: string, start: number, index: number, word: string): boolean {
  if (word.length > 5 || word !== word.toLowerCase() || !isInlineSpace(text[start - 1])) return false;
  let after = index + 1;
  while (after - index < 4 && isInlineSpace(text[after])) after++;
  if (text[after] !== ',' && text[after] !== ';' && text[after] !== ':') return false;
  const stop = start - 2;
  if (text[stop] !== '.') return false;
  let before = stop;
  while (before > 0 && stop - before < 6 && isLower(text[before - 1])) before--;
  const previous = stop - before;
  return previous >= 1 && previous <= 5 && !isLetter(text[before - 1]);
}

/**
 * The whitespace-delimited token around `index` (bounded to 200 characters
 * each way so a line without spaces stays linear overall).
 */
export function tokenAround(text: string, index: number): { start: number; end: number; token: string } {
  let start = index;
  const lowest = Math.max(0, index - 200);
  while (start > lowest && !isSpace(text[start - 1])) start--;
  let end = index;
  const highest = Math.min(text.length, index + 200);
  while (end < highest && !isSpace(text[end])) end++;
  return { start, end, token: text.slice(start, end) };
}

const URL_LIKE = /^[("'“‘[<]?(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.|mailto:)/i;

/**
 * True when a token is (or contains) a URL, an e-mail address, a path or a
 * handle: places where punctuation has no prose meaning.
 */
export function isTechnicalToken(token: string): boolean {
  if (URL_LIKE.test(token)) return true;
  if (token.includes('@')) return true;
  if (token.includes('://') || token.includes('/') || token.includes('\\')) return true;
  if (token.includes('_') || token.includes('=') || token.includes('#')) return true;
  return false;
}

/**
 * Emoticons such as `:)`, `:-(`, `;)`, `:D`, `=)`, `(:` starting at `index`
 * (the eyes): returns the emoticon's length or 0.
 */
export function emoticonAt(text: string, index: number): number {
  const eyes = text[index];
  if (eyes !== ':' && eyes !== ';' && eyes !== '=' && eyes !== '8') return 0;
  let next = index + 1;
  if (text[next] === '-' || text[next] === "'" || text[next] === '^') next++;
  const mouth = text[next];
  if (mouth === ')' || mouth === '(' || mouth === ']' || mouth === '[' || mouth === '|' || mouth === '/') {
    // `8)` is far more often a list marker or a number than an emoticon.
    if (eyes === '8') return 0;
    return next + 1 - index;
  }
  if (
    (mouth === 'D' || mouth === 'P' || mouth === 'p' || mouth === 'O' || mouth === 'o') &&
    !isWordChar(text[next + 1])
  ) {
    if (eyes === '8' || eyes === '=') return 0;
    // `:D` needs a non-letter before the eyes (`Note:D` is not an emoticon either way).
    return isWordChar(text[index - 1]) ? 0 : next + 1 - index;
  }
  return 0;
}

/** Emoticon ending at `index` (the mouth), for a reversed one like `(:` or `):`: length or 0. */
export function reversedEmoticonAt(text: string, index: number): number {
  const mouth = text[index];
  if (mouth !== '(' && mouth !== ')') return 0;
  let next = index + 1;
  if (text[next] === '-') next++;
  if (text[next] === ':' || text[next] === ';') {
    if (isWordChar(text[next + 1])) return 0;
    return next + 1 - index;
  }
  return 0;
}

/** Full-width, CJK and other scripts' punctuation with the English mark to use instead. */
export const FOREIGN_PUNCTUATION: ReadonlyMap<string, string> = new Map([
  ['\uff0c', ','], // ，
  ['\u3001', ','], // 、
  ['\uff64', ','], // ､ half-width ideographic comma
  ['\u3002', '.'], // 。
  ['\uff61', '.'], // ｡
  ['\uff0e', '.'], // ．
  ['\uff1a', ':'], // ：
  ['\uff1b', ';'], // ；
  ['\uff01', '!'], // ！
  ['\uff1f', '?'], // ？
  ['\uff08', '('], // （
  ['\uff09', ')'], // ）
  ['\uff3b', '['], // ［
  ['\uff3d', ']'], // ］
  ['\uff5b', '{'], // ｛
  ['\uff5d', '}'], // ｝
  ['\u3010', '['], // 【
  ['\u3011', ']'], // 】
  ['\u3014', '['], // 〔
  ['\u3015', ']'], // 〕
  ['\u300c', '“'], // 「
  ['\u300d', '”'], // 」
  ['\uff62', '“'], // ｢
  ['\uff63', '”'], // ｣
  ['\u300e', '‘'], // 『
  ['\u300f', '’'], // 』
  ['\u300a', '“'], // 《
  ['\u300b', '”'], // 》
  ['\u3008', '‘'], // 〈
  ['\u3009', '’'], // 〉
  ['\uff02', '"'], // ＂
  ['\uff07', "'"], // ＇
  ['\uff05', '%'], // ％
  ['\uff06', '&'], // ＆
  ['\uff0f', '/'], // ／
  ['\uff5e', '~'], // ～
  ['\u3000', ' '], // ideographic space
  ['\u060c', ','], // Arabic comma
  ['\u061b', ';'], // Arabic semicolon
  ['\u061f', '?'], // Arabic question mark
  ['\u06d4', '.'], // Arabic full stop
  ['\u0964', '.'], // Devanagari danda
  ['\u0965', '.'], // Devanagari double danda
  ['\u0589', ':'], // Armenian full stop (looks like a colon)
  ['\u037e', ';'], // Greek question mark (looks like a semicolon)
  ['\u1362', '.'], // Ethiopic full stop
]);

/** Languages whose own text uses these marks: the rule stays quiet there. */
export const CJK_LANGUAGES: ReadonlySet<string> = new Set(['zh', 'ja', 'ko']);
export const ARABIC_SCRIPT_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'ur', 'ps', 'ug', 'ku', 'sd']);
export const INDIC_LANGUAGES: ReadonlySet<string> = new Set(['hi', 'mr', 'ne', 'sa', 'bn', 'pa']);

/** True when `char` is a native mark of `language` (so not foreign there). */
export function isNativeMark(char: string, language: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (CJK_LANGUAGES.has(language)) return (code >= 0x3000 && code <= 0x303f) || code >= 0xff00;
  if (ARABIC_SCRIPT_LANGUAGES.has(language)) return code >= 0x0600 && code <= 0x06ff;
  if (INDIC_LANGUAGES.has(language)) return code === 0x0964 || code === 0x0965;
  if (language === 'hy') return code === 0x0589;
  if (language === 'el') return code === 0x037e;
  if (language === 'am' || language === 'ti') return code === 0x1362;
  return false;
}

/** Languages whose quotations open with a low mark (`„…“`), so `“` closes there. */
const LOW_OPENING = new Set([
  'de',
  'cs',
  'sk',
  'sl',
  'hr',
  'bs',
  'sr',
  'bg',
  'mk',
  'lt',
  'et',
  'is',
  'ka',
  'pl',
  'ro',
  'hu',
  'sq',
]);

/** True when `char` opens a quotation in `language` (straight quotes are too ambiguous to count). */
export function isOpeningQuoteIn(char: string | undefined, language: string): boolean {
  if (char === '„' || char === '‚') return true;
  if (LOW_OPENING.has(language)) return false;
  return char === '“' || char === '‘' || char === '«';
}
