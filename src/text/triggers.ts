/**
 * Cheap, linear tests on a paragraph's text that say whether a rule reading
 * words could find anything there (`meta.trigger`): the engine parses a
 * paragraph into sentences and words only where some rule could report.
 *
 * They must never miss: a rule with a trigger is shown only the paragraphs
 * the trigger lets through, so each test is a necessary condition of the
 * rule's findings, derived from how parse-latin cuts text into words:
 *
 * - white space is exactly parse-latin's white space, so a word followed by
 *   white space ends a chunk (a maximal run of other characters) and a word
 *   after white space starts one;
 * - a word's first and last "runs" (maximal stretches of letters, digits and
 *   marks, parse-latin's word characters) are those of the chunk it starts or
 *   ends, because the character before and after a word is never a word
 *   character; equal words (ignoring case) have equal runs.
 *
 * `tests/lazy-parse.test.ts` checks the character classes against
 * parse-latin's and the triggers against the rules on real and generated text.
 */

/** parse-latin's white space (`whiteSpace` in its expressions), one UTF-16 code unit. */
export function isParserWhiteSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const LETTER_DIGIT_MARK = /[\p{L}\p{N}\p{M}]/u;
/** Letters, digits and marks newer than parse-latin's tables (it takes them for symbols), as code ranges. */
const NEWER_THAN_PARSER: ReadonlyArray<readonly [number, number]> = [
  [0x088f, 0x088f],
  [0x0897, 0x0897],
  [0x0c5c, 0x0c5c],
  [0x0cdc, 0x0cdc],
  [0x1acf, 0x1add],
  [0x1ae0, 0x1aeb],
  [0x1c89, 0x1c8a],
  [0xa7cb, 0xa7cf],
  [0xa7d2, 0xa7d2],
  [0xa7d4, 0xa7d4],
  [0xa7da, 0xa7dc],
  [0xa7f1, 0xa7f1],
];

/** parse-latin's word characters, one UTF-16 code unit at a time (a surrogate is a symbol to it). */
export function isWordUnit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const char = text[index];
  return LETTER_DIGIT_MARK.test(char) && !NEWER_THAN_PARSER.some(([from, to]) => code >= from && code <= to);
}

/** A white-space-delimited chunk: its first and last runs of word characters, lower-cased (empty: none). */
interface Chunk {
  first: string;
  last: string;
  /** Where the chunk is in the text, for its other runs. */
  start: number;
  end: number;
  /** The chunk has one run of word characters. */
  single: boolean;
}

/**
 * Calls `visit` for each white-space-delimited chunk of `text` in order,
 * until it returns true; returns whether it did.
 */
function eachChunk(text: string, visit: (chunk: Chunk) => boolean): boolean {
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isParserWhiteSpace(text.charCodeAt(index))) index++;
    if (index >= length) break;
    const start = index;
    while (index < length && !isParserWhiteSpace(text.charCodeAt(index))) index++;
    const end = index;
    let firstFrom = start;
    while (firstFrom < end && !isWordUnit(text, firstFrom)) firstFrom++;
    if (firstFrom === end) {
      if (visit({ first: '', last: '', start, end, single: false })) return true;
      continue;
    }
    let firstTo = firstFrom;
    while (firstTo < end && isWordUnit(text, firstTo)) firstTo++;
    let lastTo = end;
    while (!isWordUnit(text, lastTo - 1)) lastTo--;
    let lastFrom = lastTo;
    while (lastFrom > start && isWordUnit(text, lastFrom - 1)) lastFrom--;
    const first = text.slice(firstFrom, firstTo).toLowerCase();
    const single = lastFrom === firstFrom;
    const last = single ? first : text.slice(lastFrom, lastTo).toLowerCase();
    if (visit({ first, last, start, end, single })) return true;
  }
  return false;
}

/** Σ lower-cases to σ or ς by what follows it: compare such text the slow way (always "maybe"). */
function hasContextualCase(text: string): boolean {
  return text.includes('\u03a3');
}

/** Whether `run` (lower-cased) is one of the runs of word characters of `text[start, end)`. */
function hasRun(text: string, start: number, end: number, run: string): boolean {
  let index = start;
  while (index < end) {
    while (index < end && !isWordUnit(text, index)) index++;
    const from = index;
    while (index < end && isWordUnit(text, index)) index++;
    if (index > from && index - from === run.length && text.slice(from, index).toLowerCase() === run) return true;
  }
  return false;
}

/**
 * False when no word is followed, across white space only, by the same word
 * in any case (`the the`, `In in`, `U.S. U.S.`): `repeated-words` has
 * nothing to find. The first word ends one chunk and the second starts the
 * next, so the next chunk's first run is one of the chunk's runs (the first
 * word's first), and the chunk's last run one of the next chunk's.
 */
export function mayRepeatWord(text: string): boolean {
  if (hasContextualCase(text)) return true;
  let previous: Chunk | undefined;
  return eachChunk(text, (chunk) => {
    const before = previous;
    previous = chunk;
    if (!before || before.first === '' || chunk.first === '') return false;
    if (before.single && chunk.single) return before.first === chunk.first;
    return hasRun(text, before.start, before.end, chunk.first) && hasRun(text, chunk.start, chunk.end, before.last);
  });
}

/** Words from the start of one turn of a repeated phrase to the next (`MAX_LENGTH` 6, one word between). */
const PHRASE_TURN_WORDS = 7;

/**
 * False when no two words in a row (white space between) come back as the
 * same two words within the next `PHRASE_TURN_WORDS` words:
 * `repeated-phrase` (a phrase of two to six words back to back, or three
 * turns at most one word apart) has nothing to find. Chunks holding no word
 * are not counted, and each chunk holds at least one word, so counting
 * chunks never overshoots the word distance.
 */
export function mayRepeatPhrase(text: string): boolean {
  if (hasContextualCase(text)) return true;
  const seen = new Map<string, number>();
  let previous = '';
  let wordChunks = 0;
  return eachChunk(text, (chunk) => {
    if (chunk.first === '') {
      previous = '';
      return false;
    }
    wordChunks++;
    let repeated = false;
    if (previous !== '') {
      const key = `${previous}\u0000${chunk.first}`;
      const at = seen.get(key);
      // The pair is numbered by the chunk of its first word.
      repeated = at !== undefined && wordChunks - 1 - at <= PHRASE_TURN_WORDS;
      seen.set(key, wordChunks - 1);
    }
    previous = chunk.last;
    return repeated;
  });
}
