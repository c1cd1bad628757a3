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

function load(): Tagger {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const pos = require('pos') as { Tagger: new () => Tagger };
    const lexicon = readLexicon(require);
    if (lexicon) {
      // The tagger's constructor only requires the lexicon module; give it the parsed one instead.
      tagger = Object.create(pos.Tagger.prototype) as Tagger;
      tagger.lexicon = lexicon;
    } else tagger = new pos.Tagger();
  }
  return tagger;
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
  return load()
    .tag(words)
    .map((pair) => pair[1]);
}

/** Every tag the lexicon lists for `word` (most frequent first), or `[]` when it is unknown. */
export function knownTags(word: string): readonly string[] {
  const lexicon = load().lexicon;
  const own = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  const lower = word.toLowerCase();
  const entry = own ?? (Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined);
  return Array.isArray(entry) ? entry : [];
}
