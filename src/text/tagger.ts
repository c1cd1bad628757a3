/**
 * Part-of-speech tags for a few words in context, from `pos` (jsPOS: Eric
 * Brill's transformation-based tagger with its Penn Treebank lexicon of about
 * 93,000 words). It was chosen for the number rules over `wink-pos-tagger`,
 * `en-pos` and `compromise` by precision on the dev set and by cost: it tags a
 * five-word window in microseconds, and its lexicon (3.9 MB) is loaded only
 * the first time a rule asks, so documents without a candidate pay nothing.
 *
 * Tags are Penn Treebank (`NN` singular noun, `NNS` plural, `NNP` proper,
 * `JJ`, `VBG`, `CD`, …). Unknown words come back as `NN`; `knownTags` says
 * whether the lexicon knows the word at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tagger } from 'pos';

let tagger: Tagger | undefined;
let compact: CompactLexicon | undefined;

function load(): Tagger {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const pos = require('pos') as { Tagger: new () => Tagger };
    compact = readCompactLexicon();
    const lexicon = compact ? {} : readLexicon(require);
    if (lexicon) {
      // The tagger's constructor only requires the lexicon module; give it the parsed one instead.
      tagger = Object.create(pos.Tagger.prototype) as Tagger;
      tagger.lexicon = lexicon;
    } else tagger = new pos.Tagger();
  }
  return tagger;
}

/**
 * The lexicon as sorted `word<TAB>TAG TAG` lines (`pos-lexicon.txt`, written
 * next to this module by the build from `pos/lexicon.js`), looked up by
 * binary search. Reading it costs a few milliseconds where parsing the 3.9 MB
 * object took 250–600 ms, paid by every process and worker that tags a word,
 * however few words it tags.
 */
export interface CompactLexicon {
  text: string;
  /** Where each line starts, and one past the end. */
  starts: Int32Array;
}

/** The build's compact lexicon, or undefined where there is none (the sources under test, a bundle). */
function readCompactLexicon(): CompactLexicon | undefined {
  try {
    return compactLexicon(readFileSync(new URL('./pos-lexicon.txt', import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/** `pos-lexicon.txt`'s text for a lexicon: its own entries, sorted by UTF-16 code units. */
export function compactLexiconText(lexicon: Readonly<Record<string, readonly string[]>>): string {
  const words = Object.keys(lexicon).sort();
  return `${words.map((word) => `${word}\t${lexicon[word].join(' ')}`).join('\n')}\n`;
}

/** Indexes the lines of a `compactLexiconText`. */
export function compactLexicon(text: string): CompactLexicon {
  const starts: number[] = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return { text, starts: Int32Array.from(starts) };
}

/** The tags of `word` in a compact lexicon, or undefined when it is not one of its words. */
export function lookUp(lexicon: CompactLexicon, word: string): string[] | undefined {
  const { text, starts } = lexicon;
  let low = 0;
  let high = starts.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = starts[middle];
    const tab = text.indexOf('\t', start);
    const entry = text.slice(start, tab);
    if (entry === word) {
      const tags = text.slice(tab + 1, starts[middle + 1] - 1);
      return tags === '' ? [] : tags.split(' ');
    }
    if (entry < word) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * With the compact lexicon, the tagger's lexicon object holds the words it
 * was asked about so far: the words and their lower-case forms, which is all
 * `Tagger.tag` reads (a word that is not there falls through to the object's
 * prototype, as in the full lexicon).
 */
export function learn(lexicon: Tagger['lexicon'], compact: CompactLexicon | undefined, words: readonly string[]): void {
  if (!compact) return;
  for (const word of words)
    for (const form of [word, word.toLowerCase()])
      if (!Object.hasOwn(lexicon, form)) {
        const tags = lookUp(compact, form);
        if (tags) lexicon[form] = tags;
      }
}

/**
 * The lexicon (3.9 MB of JavaScript, one object literal) read as JSON: about
 * twice as fast as compiling and running the module, which was the largest
 * single cost of a run over a few articles and is paid again by every worker.
 * Its one JavaScript-only escape (`\'`) is made JSON first. Undefined when the
 * file is not what this expects (another `pos` version): then `require` it.
 */
export function readLexicon(require: NodeJS.Require): Tagger['lexicon'] | undefined {
  try {
    const source = readFileSync(require.resolve('pos/lexicon.js'), 'utf8');
    const head = source.indexOf('module.exports = {');
    const end = source.lastIndexOf('}');
    if (head < 0 || end < head) return undefined;
    const lexicon = JSON.parse(
      source.slice(source.indexOf('{', head), end + 1).replaceAll("\\'", "'"),
    ) as Tagger['lexicon'];
    return Array.isArray(lexicon.the) && Object.getPrototypeOf(lexicon) === Object.prototype ? lexicon : undefined;
  } catch {
    return undefined;
  }
}

/** Tags `words` in context (a short window around the word of interest is enough). */
export function tagWords(words: string[]): string[] {
  const tagger = load();
  learn(tagger.lexicon, compact, words);
  return tagger.tag(words).map((pair) => pair[1]);
}

/** Every tag the lexicon lists for `word` (most frequent first), or `[]` when it is unknown. */
export function knownTags(word: string): readonly string[] {
  const lexicon = load().lexicon;
  learn(lexicon, compact, [word]);
  const own = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  const lower = word.toLowerCase();
  const entry = own ?? (Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined);
  return Array.isArray(entry) ? entry : [];
}
