// tsc compiles only TypeScript: copy the word lists next to the compiled `src/text/lexicon.js`, and write the
// part-of-speech lexicon next to `src/text/tagger.js` in the compact form it reads fastest (see tagger.ts).
import { cpSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

cpSync(new URL('../src/text/lexicon/', import.meta.url), new URL('../dist/src/text/lexicon/', import.meta.url), {
  recursive: true,
});

const { compactLexiconText } = await import(new URL('../dist/src/text/tagger.js', import.meta.url).href);
const lexicon = createRequire(import.meta.url)('pos/lexicon.js');
writeFileSync(new URL('../dist/src/text/pos-lexicon.txt', import.meta.url), compactLexiconText(lexicon));
