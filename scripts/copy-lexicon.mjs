// tsc compiles only TypeScript: copy the word lists next to the compiled `src/text/lexicon.js`.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/text/lexicon/', import.meta.url), new URL('../dist/src/text/lexicon/', import.meta.url), {
  recursive: true,
});
