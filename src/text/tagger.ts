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
import { createRequire } from 'node:module';
import type { Tagger } from 'pos';

let tagger: Tagger | undefined;

function load(): Tagger {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const pos = require('pos') as { Tagger: new () => Tagger };
    tagger = new pos.Tagger();
  }
  return tagger;
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
