/**
 * Writing systems: which script a letter belongs to, which scripts a language
 * is written in, and which Cyrillic and Greek letters look like Latin ones.
 * Used by `mixed-script`, `foreign-script` and `untranslated`.
 */

export type ScriptName =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Han'
  | 'Hiragana'
  | 'Katakana'
  | 'Hangul'
  | 'Arabic'
  | 'Hebrew'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Thai'
  | 'Lao'
  | 'Khmer'
  | 'Myanmar'
  | 'Tibetan'
  | 'Georgian'
  | 'Armenian'
  | 'Ethiopic'
  | 'Syriac'
  | 'Thaana'
  | 'Mongolian'
  | 'Bopomofo'
  | 'Other';

/** Scripts checked one by one; `Other` is any other letter. Order: most frequent first. */
const SCRIPT_TESTS: ReadonlyArray<readonly [ScriptName, RegExp]> = [
  ['Latin', /^\p{Script=Latin}$/u],
  ['Cyrillic', /^\p{Script=Cyrillic}$/u],
  ['Greek', /^\p{Script=Greek}$/u],
  ['Han', /^\p{Script=Han}$/u],
  ['Hiragana', /^\p{Script=Hiragana}$/u],
  ['Katakana', /^\p{Script=Katakana}$/u],
  ['Hangul', /^\p{Script=Hangul}$/u],
  ['Arabic', /^\p{Script=Arabic}$/u],
  ['Hebrew', /^\p{Script=Hebrew}$/u],
  ['Devanagari', /^\p{Script=Devanagari}$/u],
  ['Bengali', /^\p{Script=Bengali}$/u],
  ['Gurmukhi', /^\p{Script=Gurmukhi}$/u],
  ['Gujarati', /^\p{Script=Gujarati}$/u],
  ['Tamil', /^\p{Script=Tamil}$/u],
  ['Telugu', /^\p{Script=Telugu}$/u],
  ['Kannada', /^\p{Script=Kannada}$/u],
  ['Malayalam', /^\p{Script=Malayalam}$/u],
  ['Sinhala', /^\p{Script=Sinhala}$/u],
  ['Thai', /^\p{Script=Thai}$/u],
  ['Lao', /^\p{Script=Lao}$/u],
  ['Khmer', /^\p{Script=Khmer}$/u],
  ['Myanmar', /^\p{Script=Myanmar}$/u],
  ['Tibetan', /^\p{Script=Tibetan}$/u],
  ['Georgian', /^\p{Script=Georgian}$/u],
  ['Armenian', /^\p{Script=Armenian}$/u],
  ['Ethiopic', /^\p{Script=Ethiopic}$/u],
  ['Syriac', /^\p{Script=Syriac}$/u],
  ['Thaana', /^\p{Script=Thaana}$/u],
  ['Mongolian', /^\p{Script=Mongolian}$/u],
  ['Bopomofo', /^\p{Script=Bopomofo}$/u],
];

/** A letter of a script (not the `Common` letters such as `µ` or `ʹ`). */
const LETTER = /^(?![\p{Script=Common}\p{Script=Inherited}])\p{L}$/u;

/** A letter of a script other than Latin (one code point; global, for scanning). */
export const NON_LATIN_LETTER = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/gu;

/** A combining mark (accents written as separate code points). */
export const COMBINING_MARK = /^\p{M}$/u;

const cache = new Map<string, ScriptName | undefined>();

/** The script of one character (a full code point), or `undefined` when it is not a letter of a script. */
export function letterScript(char: string): ScriptName | undefined {
  const code = char.charCodeAt(0);
  // Fast path: ASCII.
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'Latin' : undefined;
  if (cache.has(char)) return cache.get(char);
  let result: ScriptName | undefined;
  if (LETTER.test(char)) {
    result = 'Other';
    for (const [name, test] of SCRIPT_TESTS) {
      if (test.test(char)) {
        result = name;
        break;
      }
    }
  }
  if (cache.size < 4096) cache.set(char, result);
  return result;
}

/** True when `text` has a letter outside the Latin script. */
export function hasNonLatinLetter(text: string): boolean {
  NON_LATIN_LETTER.lastIndex = 0;
  return NON_LATIN_LETTER.test(text);
}

/** Scripts that count as one writing system when runs are joined (Japanese mixes all three). */
export function scriptFamily(script: ScriptName): ScriptName {
  return script === 'Hiragana' || script === 'Katakana' || script === 'Bopomofo' ? 'Han' : script;
}

/** A readable name of the writing system of a run of letters in `scripts`. */
export function scriptLabel(scripts: ReadonlySet<ScriptName>): string {
  if (scripts.has('Hiragana') || scripts.has('Katakana')) return 'Japanese';
  if (scripts.has('Han') || scripts.has('Bopomofo')) return 'Chinese';
  if (scripts.has('Hangul')) return 'Korean';
  const [first] = scripts;
  return first === 'Other' ? 'non-Latin' : (first ?? 'non-Latin');
}

/** The scripts a language (ISO 639-1 or 639-3 code) is normally written in. */
const LANGUAGE_SCRIPTS: Readonly<Record<string, readonly ScriptName[]>> = {
  ru: ['Cyrillic'],
  uk: ['Cyrillic'],
  be: ['Cyrillic'],
  bg: ['Cyrillic'],
  sr: ['Cyrillic', 'Latin'],
  mk: ['Cyrillic'],
  kk: ['Cyrillic'],
  ky: ['Cyrillic'],
  mn: ['Cyrillic', 'Mongolian'],
  tg: ['Cyrillic'],
  el: ['Greek'],
  zh: ['Han', 'Bopomofo', 'Latin'],
  ja: ['Han', 'Hiragana', 'Katakana', 'Latin'],
  ko: ['Hangul', 'Han', 'Latin'],
  ar: ['Arabic'],
  fa: ['Arabic'],
  ur: ['Arabic'],
  ps: ['Arabic'],
  he: ['Hebrew'],
  yi: ['Hebrew'],
  hi: ['Devanagari'],
  mr: ['Devanagari'],
  ne: ['Devanagari'],
  bn: ['Bengali'],
  pa: ['Gurmukhi'],
  gu: ['Gujarati'],
  ta: ['Tamil'],
  te: ['Telugu'],
  kn: ['Kannada'],
  ml: ['Malayalam'],
  si: ['Sinhala'],
  th: ['Thai'],
  lo: ['Lao'],
  km: ['Khmer'],
  my: ['Myanmar'],
  bo: ['Tibetan'],
  ka: ['Georgian'],
  hy: ['Armenian'],
  am: ['Ethiopic'],
  ti: ['Ethiopic'],
  dv: ['Thaana'],
};

/** The scripts native to `language`; Latin for languages not listed. */
export function scriptsOfLanguage(language: string): readonly ScriptName[] {
  return LANGUAGE_SCRIPTS[language.toLowerCase()] ?? ['Latin'];
}

/**
 * Cyrillic and Greek letters that are drawn like a Latin letter in common
 * fonts (after Unicode's confusables list, kept to the unambiguous ones).
 */
export const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic capitals
  ['А', 'A'],
  ['В', 'B'],
  ['Е', 'E'],
  ['К', 'K'],
  ['М', 'M'],
  ['Н', 'H'],
  ['О', 'O'],
  ['Р', 'P'],
  ['С', 'C'],
  ['Т', 'T'],
  ['Х', 'X'],
  ['У', 'Y'],
  ['Ү', 'Y'],
  ['Ѕ', 'S'],
  ['І', 'I'],
  ['Ј', 'J'],
  ['Ԛ', 'Q'],
  ['Ԝ', 'W'],
  ['Һ', 'H'],
  ['Ӏ', 'I'],
  // Cyrillic small letters
  ['а', 'a'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['у', 'y'],
  ['х', 'x'],
  ['ѕ', 's'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  ['ӏ', 'l'],
  ['ү', 'y'],
  // Greek capitals
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
  // Greek small letters: omicron is never a symbol; the others only inside a Latin word
  ['ο', 'o'],
  ['α', 'a'],
  ['ν', 'v'],
  ['ρ', 'p'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['υ', 'u'],
  ['χ', 'x'],
  ['γ', 'y'],
]);

/**
 * Greek small letters that science writes as symbols next to Latin letters
 * (`αKlotho`, `NF-κB`, `μg`, `IL-1β`): a look-alike only inside a Latin word.
 */
export const GREEK_SYMBOL_LETTERS: ReadonlySet<string> = new Set(['α', 'ν', 'ρ', 'ι', 'κ', 'υ', 'χ', 'γ']);

/** The Latin spelling of `word` when each of its letters is Latin or a Latin look-alike. */
export function latinLookalike(word: string): string | undefined {
  let result = '';
  for (const char of word) {
    const script = letterScript(char);
    if (script === undefined || script === 'Latin') {
      result += char;
      continue;
    }
    const latin = LATIN_LOOKALIKES.get(char);
    if (latin === undefined) return undefined;
    result += latin;
  }
  return result;
}

/** Counts of letters per script in `text`. */
export function scriptCounts(text: string): Map<ScriptName, number> {
  const counts = new Map<ScriptName, number>();
  for (const char of text) {
    const script = letterScript(char);
    if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** A run of letters (with their combining marks) inside a word. */
export interface LetterSegment {
  from: number;
  to: number;
  text: string;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]+/gu;

/** The maximal runs of letters in `word` (split at hyphens, digits, apostrophes…). */
export function letterSegments(word: string): LetterSegment[] {
  const result: LetterSegment[] = [];
  LETTER_OR_MARK.lastIndex = 0;
  for (const match of word.matchAll(LETTER_OR_MARK)) {
    const from = match.index ?? 0;
    result.push({ from, to: from + match[0].length, text: match[0] });
  }
  return result;
}

/** A word (or part of one) written with look-alike letters of another script. */
export interface LookalikeWord {
  /** Index of the word in the list given to `lookalikeWords`. */
  index: number;
  /** UTF-16 range inside the word. */
  from: number;
  to: number;
  /** The script of the odd letters: Latin in a mostly Cyrillic word (`Мoсква`). */
  script: 'Cyrillic' | 'Greek' | 'Cyrillic and Greek' | 'Latin';
  /** The distinct odd letters, in order of appearance. */
  letters: string[];
  /** The Latin spelling, when it is safe to replace. */
  latin?: string;
  /** The word is the symbol of a unit after a degree sign (`°С` with a Cyrillic `С`). */
  unit?: boolean;
}

const GREEK_CAPITAL_OR_OMICRON = /^[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο]$/u;

/** Longest word made only of look-alikes that is taken for a disguised Latin word (`а`, `Ι`, `оf`). */
const MAX_ISOLATED_LOOKALIKE = 3;

/** A degree sign (and the ordinal indicator that MT and keyboards put in its place). */
const DEGREE = /^[°º]$/u;
/** Unit symbols after a degree sign: Celsius, Fahrenheit, Kelvin, Réaumur. */
const DEGREE_UNITS = new Set(['C', 'F', 'K', 'R']);

/**
 * Words of `words` (in text order) that mix Latin letters with Cyrillic or
 * Greek look-alikes, short words made only of look-alikes between Latin
 * words, and a look-alike unit after a degree sign (`°С`) outside Cyrillic or
 * Greek text. Greek letters used as symbols (`μg`, `αKlotho`, `NF-κB`) are
 * not. `before` holds the character before each word in the text, when known.
 */
export function lookalikeWords(
  words: readonly string[],
  before: readonly (string | undefined)[] = [],
): LookalikeWord[] {
  const result: LookalikeWord[] = [];
  const isUnit = (index: number) => DEGREE.test(before[index] ?? '') && degreeUnit(words[index]) !== undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (!hasNonLatinLetter(word)) continue;
    if (isUnit(index)) {
      // `(-20 °С; 20 °С)`: the neighbours that decide are the words around the units.
      const around = [neighbour(words, index, -1, isUnit), neighbour(words, index, 1, isUnit)];
      const script = letterScript(word);
      if (!around.some((other) => other !== undefined && script !== undefined && hasLetterOf(other, script))) {
        const found = lookalikeLetters(word);
        result.push({
          index,
          from: 0,
          to: word.length,
          script: found.script,
          letters: found.letters,
          latin: degreeUnit(word),
          unit: true,
        });
        continue;
      }
    }
    const segments = letterSegments(word);
    let wordHasLatin = false;
    for (const segment of segments) {
      const found = mixedSegment(segment.text);
      if (found) result.push({ index, from: segment.from, to: segment.to, ...found });
      if ([...segment.text].some((char) => letterScript(char) === 'Latin')) wordHasLatin = true;
    }
    if (!wordHasLatin && segments.length === 1) {
      const isolated = isolatedLookalike(words, index, segments[0]);
      if (isolated) result.push({ index, from: segments[0].from, to: segments[0].to, ...isolated });
    }
  }
  return result;
}

type SegmentFinding = Pick<LookalikeWord, 'script' | 'letters' | 'latin'>;

function mixedSegment(segment: string): SegmentFinding | undefined {
  const chars = [...segment];
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  for (const char of chars) {
    const script = letterScript(char);
    if (script === 'Latin') latin++;
    else if (script === 'Cyrillic') cyrillic++;
    else if (script === 'Greek') greek++;
    else if (script !== undefined) return undefined;
  }
  if (latin === 0 || cyrillic + greek === 0) return undefined;
  if (cyrillic === 0) {
    // Greek: only capitals and omicron anywhere, or symbol letters between Latin letters.
    let strong = false;
    for (let position = 0; position < chars.length; position++) {
      const char = chars[position];
      if (letterScript(char) !== 'Greek') continue;
      if (!LATIN_LOOKALIKES.has(char)) return undefined;
      if (GREEK_CAPITAL_OR_OMICRON.test(char)) strong = true;
      else if (isLatinAt(chars, position - 1) && isLatinAt(chars, position + 1)) strong = true;
      // At the edge of a lower-case Latin word (`ρainted`, `Trumρ`), not a symbol prefix (`κB`, `αKlotho`).
      else if (
        /^\p{Ll}{3}/u.test(chars.slice(position + 1).join('')) ||
        /\p{Ll}{3}$/u.test(chars.slice(0, position).join(''))
      )
        strong = true;
      else return undefined;
    }
    if (!strong) return undefined;
  }
  const fixed = latinLookalike(segment);
  if (latin < cyrillic + greek) {
    // Mostly Cyrillic or Greek: the Latin letters are the odd ones, and there is no Latin word to fix to.
    return { script: 'Latin', letters: [...new Set(chars.filter((char) => letterScript(char) === 'Latin'))] };
  }
  const letters = [...new Set(chars.filter((char) => isCyrillicOrGreek(char)))];
  const script = cyrillic > 0 && greek > 0 ? 'Cyrillic and Greek' : cyrillic > 0 ? 'Cyrillic' : 'Greek';
  return { script, letters, latin: fixed };
}

function isolatedLookalike(
  words: readonly string[],
  index: number,
  segment: LetterSegment,
): SegmentFinding | undefined {
  const chars = [...segment.text];
  if (chars.length > MAX_ISOLATED_LOOKALIKE) return undefined;
  const scripts = new Set(chars.map((char) => letterScript(char)));
  if (scripts.size !== 1) return undefined;
  const [script] = scripts;
  if (script === 'Cyrillic') {
    if (!chars.every((char) => LATIN_LOOKALIKES.has(char))) return undefined;
  } else if (script === 'Greek') {
    if (!chars.every((char) => GREEK_CAPITAL_OR_OMICRON.test(char))) return undefined;
  } else return undefined;
  const before = neighbour(words, index, -1);
  const after = neighbour(words, index, 1);
  if ((before && hasLetterOf(before, script)) || (after && hasLetterOf(after, script))) return undefined;
  if (!(before && /[A-Za-z]/.test(before)) && !(after && /[A-Za-z]/.test(after))) return undefined;
  const latin = latinLookalike(segment.text);
  return { script, letters: [...new Set(chars)], latin };
}

function neighbour(
  words: readonly string[],
  index: number,
  step: number,
  skip?: (index: number) => boolean,
): string | undefined {
  for (let position = index + step; position >= 0 && position < words.length; position += step) {
    if (skip?.(position)) continue;
    if (/\p{L}/u.test(words[position])) return words[position];
  }
  return undefined;
}

/** The Latin unit symbol a one-letter look-alike word stands for after a degree sign (`С` → `C`). */
function degreeUnit(word: string): string | undefined {
  if ([...word].length !== 1) return undefined;
  const latin = latinLookalike(word);
  return latin !== undefined && latin !== word && DEGREE_UNITS.has(latin) ? latin : undefined;
}

function lookalikeLetters(word: string): Pick<LookalikeWord, 'script' | 'letters'> {
  const letters = [...new Set([...word].filter((char) => isCyrillicOrGreek(char)))];
  const hasCyrillic = letters.some((char) => letterScript(char) === 'Cyrillic');
  const hasGreek = letters.some((char) => letterScript(char) === 'Greek');
  return { script: hasCyrillic && hasGreek ? 'Cyrillic and Greek' : hasCyrillic ? 'Cyrillic' : 'Greek', letters };
}

function isLatinAt(chars: readonly string[], position: number): boolean {
  return position >= 0 && position < chars.length && letterScript(chars[position]) === 'Latin';
}

function isCyrillicOrGreek(char: string): boolean {
  const script = letterScript(char);
  return script === 'Cyrillic' || script === 'Greek';
}

function hasLetterOf(word: string, script: ScriptName): boolean {
  for (const char of word) if (letterScript(char) === script) return true;
  return false;
}
