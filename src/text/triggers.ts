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

/**
 * `isWordUnit` for every UTF-16 code unit, filled 256 at a time when one of
 * them is first seen (the whole table would cost start-up time): 1 a word
 * character, 0 not. A plain table lookup keeps the scan free of allocation.
 */
const wordUnits = new Uint8Array(0x10000);
const filledBlocks = new Uint8Array(0x100);

function fillBlock(block: number): void {
  for (let code = block << 8; code < (block + 1) << 8; code++) {
    const word =
      (code < 0xd800 || code > 0xdfff) &&
      LETTER_DIGIT_MARK.test(String.fromCharCode(code)) &&
      !NEWER_THAN_PARSER.some((range) => code >= range[0] && code <= range[1]);
    wordUnits[code] = word ? 1 : 0;
  }
  filledBlocks[block] = 1;
}

/** parse-latin's word characters, one UTF-16 code unit at a time (a surrogate is a symbol to it). */
export function isWordUnit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (filledBlocks[code >> 8] === 0) fillBlock(code >> 8);
  return wordUnits[code] === 1;
}

/**
 * A white-space-delimited chunk of text: where it is and where its first and
 * last runs of word characters are (`firstFrom === end`: it has none). One
 * object is reused for every chunk: the scan allocates nothing.
 */
interface Chunk {
  start: number;
  end: number;
  firstFrom: number;
  firstTo: number;
  lastFrom: number;
  lastTo: number;
}

/**
 * Calls `visit` for each white-space-delimited chunk of `text` in order,
 * until it returns true; returns whether it did.
 */
function eachChunk(text: string, visit: (chunk: Readonly<Chunk>) => boolean): boolean {
  const chunk: Chunk = { start: 0, end: 0, firstFrom: 0, firstTo: 0, lastFrom: 0, lastTo: 0 };
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isParserWhiteSpace(text.charCodeAt(index))) index++;
    if (index >= length) break;
    const start = index;
    // One pass over the chunk: its first run of word characters, and the last run seen so far.
    let firstFrom = -1;
    let firstTo = -1;
    let lastFrom = -1;
    let lastTo = -1;
    let runFrom = -1;
    // The text's end closes the last run and the chunk as white space does.
    for (; ; index++) {
      const code = index < length ? text.charCodeAt(index) : 32;
      const word =
        code < 0x80
          ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
          : isWordUnit(text, index);
      if (word) {
        if (runFrom < 0) runFrom = index;
        continue;
      }
      if (runFrom >= 0) {
        if (firstFrom < 0) {
          firstFrom = runFrom;
          firstTo = index;
        }
        lastFrom = runFrom;
        lastTo = index;
        runFrom = -1;
      }
      if (code <= 32 ? isParserWhiteSpace(code) : code >= 0x80 && isParserWhiteSpace(code)) break;
    }
    const end = index;
    chunk.start = start;
    chunk.end = end;
    if (firstFrom < 0) {
      // No word character: `firstFrom === end` says so, as the other fields do for callers.
      chunk.firstFrom = chunk.firstTo = chunk.lastFrom = chunk.lastTo = end;
    } else {
      chunk.firstFrom = firstFrom;
      chunk.firstTo = firstTo;
      chunk.lastFrom = lastFrom;
      chunk.lastTo = lastTo;
    }
    if (visit(chunk)) return true;
  }
  return false;
}

/**
 * Σ lower-cases to σ or ς by what follows it, and İ to two characters: text
 * with either is compared the slow way (always "maybe"). Any other word
 * character lower-cases to one character, whatever surrounds it.
 */
function hasContextualCase(text: string): boolean {
  return text.includes('\u03a3') || text.includes('\u0130');
}

/** Lower-case forms of the non-ASCII code units seen so far (0: not looked at). */
const lowerUnits = new Uint16Array(0x10000);

function lowerUnit(code: number): number {
  const lower = String.fromCharCode(code).toLowerCase().charCodeAt(0);
  lowerUnits[code] = lower;
  return lower;
}

/** The lower-case form of one UTF-16 code unit of a word. */
function folded(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = lowerUnits[code];
  return lower === 0 ? lowerUnit(code) : lower;
}

/** `text[a, aEnd)` and `text[b, bEnd)` are the same in lower case. */
function sameFolded(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let offset = 0; a + offset < aEnd; offset++)
    if (folded(text, a + offset) !== folded(text, b + offset)) return false;
  return true;
}

/** A hash of `text[from, to)` in lower case (equal runs, equal hashes). */
function foldedHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let index = from; index < to; index++) hash = Math.imul(hash ^ folded(text, index), 0x01000193);
  // Small enough to stay an integer V8 need not allocate.
  return hash & 0x3fffffff;
}

/** Whether `text[from, to)` is, in lower case, one of the runs of word characters of `text[start, end)`. */
function hasRun(text: string, start: number, end: number, from: number, to: number): boolean {
  let index = start;
  while (index < end) {
    while (index < end && !isWordUnit(text, index)) index++;
    const runFrom = index;
    while (index < end && isWordUnit(text, index)) index++;
    if (index > runFrom && sameFolded(text, runFrom, index, from, to)) return true;
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
  // The chunk before, if it holds a word (the visited chunk object is reused).
  let start = -1;
  let end = -1;
  let firstFrom = -1;
  let firstTo = -1;
  let lastFrom = -1;
  let lastTo = -1;
  return eachChunk(text, (chunk) => {
    const hasWord = chunk.firstFrom !== chunk.end;
    const repeated =
      hasWord &&
      start >= 0 &&
      // A chunk of one run (most words) holds only that run: compare it, without reading the chunk again.
      (firstFrom === lastFrom
        ? sameFolded(text, firstFrom, firstTo, chunk.firstFrom, chunk.firstTo)
        : hasRun(text, start, end, chunk.firstFrom, chunk.firstTo)) &&
      (chunk.firstFrom === chunk.lastFrom
        ? sameFolded(text, chunk.firstFrom, chunk.firstTo, lastFrom, lastTo)
        : hasRun(text, chunk.start, chunk.end, lastFrom, lastTo));
    start = hasWord ? chunk.start : -1;
    end = chunk.end;
    firstFrom = chunk.firstFrom;
    firstTo = chunk.firstTo;
    lastFrom = chunk.lastFrom;
    lastTo = chunk.lastTo;
    return repeated;
  });
}

/** Words from the start of one turn of a repeated phrase to the next (`MAX_LENGTH` 6, one word between). */
const PHRASE_TURN_WORDS = 7;
/** `repeated-phrase`'s shortest and longest phrase, and the turns a loop needs. */
const PHRASE_MIN_LENGTH = 2;
const PHRASE_MAX_LENGTH = 6;
const LOOP_TURNS = 3;
/** Pairs kept: a phrase back to back looks `PHRASE_MAX_LENGTH + 1` pairs back, a loop `PHRASE_TURN_WORDS`. */
const KEPT_PAIRS = 8;

/**
 * False when `repeated-phrase` has nothing to find: no phrase of two to six
 * words back to back, and no loop (three turns of a phrase, each at most one
 * word after the last). A pair of words in a row (white space between) is
 * known by its first word's last run and its second word's first run (hashed:
 * a collision only says "maybe"), and numbered by the chunk of its first word
 * among the chunks that hold a word.
 *
 * - Back to back, every word of the two copies is white-space-delimited, so
 *   each is its own chunk (the outer two may carry marks outside them): a
 *   copy of length L brings its first pair back exactly L pairs later and,
 *   when L ≥ 3, its second pair too.
 * - A loop's turns start with the same pair; the next turn starts at most
 *   `PHRASE_TURN_WORDS` words later, which is at most as many chunks (a chunk
 *   holds a word or more), so the pair comes back three times, each time at
 *   most `PHRASE_TURN_WORDS` pairs after the last.
 */
export function mayRepeatPhrase(text: string): boolean {
  if (hasContextualCase(text)) return true;
  // The last KEPT_PAIRS pairs (-1: no pair there, the chunk before held no word) and how many times
  // each came back in a chain of close turns.
  recentPairs.fill(-1);
  recentChains.fill(0);
  let previousLast = -1;
  let position = -1;
  return eachChunk(text, (chunk) => {
    if (chunk.firstFrom === chunk.end) {
      previousLast = -1;
      return false;
    }
    position++;
    const slot = position % KEPT_PAIRS;
    const last = previousLast;
    previousLast = foldedHash(text, chunk.lastFrom, chunk.lastTo);
    if (last < 0) {
      recentPairs[slot] = -1;
      return false;
    }
    // The pair is numbered by the chunk of its first word: one before this chunk.
    const key = (Math.imul(last, 31) + foldedHash(text, chunk.firstFrom, chunk.firstTo)) & 0x3fffffff;
    const pairAt = (back: number) => (back <= position ? recentPairs[(position - back) % KEPT_PAIRS] : -1);
    let chain = 1;
    for (let back = 1; back <= PHRASE_TURN_WORDS; back++) {
      if (pairAt(back) !== key) continue;
      // Back to back: the first pair L pairs back, and for L ≥ 3 the second pair too.
      if (
        back >= PHRASE_MIN_LENGTH &&
        back <= PHRASE_MAX_LENGTH &&
        (back === PHRASE_MIN_LENGTH || (pairAt(1) >= 0 && pairAt(1) === pairAt(back + 1)))
      )
        return true;
      chain = Math.max(chain, recentChains[(position - back) % KEPT_PAIRS] + 1);
    }
    recentPairs[slot] = key;
    recentChains[slot] = chain;
    return chain >= LOOP_TURNS;
  });
}

const recentPairs = new Int32Array(KEPT_PAIRS);
const recentChains = new Int32Array(KEPT_PAIRS);
