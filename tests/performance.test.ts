/**
 * Correctness of the performance work (speed itself is measured in bench/):
 * the fast `readability` gives the plugin's scores, and `textOf` is `flatten().text`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Tagger } from 'pos';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lint, rules } from '../src/index.js';
import { flatten, textLengthOf, textOf } from '../src/nlcst/flat.js';
import { walk } from '../src/nlcst/walk.js';
import {
  FIRST_PERSON,
  isFirstOrSecondPerson,
  mayHaveFirstOrSecondPerson,
  mayHaveSpeechVerb,
  SECOND_PERSON,
  SPEECH_VERBS,
  wordsOf,
} from '../src/text/speech.js';
import {
  type CompactLexicon,
  compactLexicon,
  compactLexiconText,
  learn,
  lookUp,
  readLexicon,
} from '../src/text/tagger.js';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), 'utf8');

/**
 * How many formulas agree, from either wording: retext-readability's "according to 5 out of 7 algorithms"
 * or "all 7 algorithms", mtlint's plainer "5 of 7 readability formulas" or "all 7 readability formulas".
 */
function agreement(message: string): string {
  const match = /(\d+) (?:out )?of (\d+)|all (\d+)/.exec(message);
  if (!match) return `no count in: ${message}`;
  return match[3] ? `${match[3]}/${match[3]}` : `${match[1]}/${match[2]}`;
}

/** What retext-readability itself reports on the whole text: [start, end, how many formulas agree]. */
function pluginFindings(text: string, options: { age?: number; minWords?: number; threshold?: number }) {
  const processor = unified().use(retextEnglish).use(retextReadability, options);
  const file = new VFile(text);
  processor.runSync(processor.parse(file), file);
  return file.messages.map((message) => [
    message.place && 'start' in message.place ? message.place.start.offset : -1,
    message.place && 'end' in message.place ? message.place.end.offset : -1,
    agreement(message.reason),
  ]);
}

function ourFindings(text: string, options: { age?: number; minWords?: number; threshold?: number }) {
  const { findings } = lint(text, {
    filePath: 'sample.txt',
    config: { root: true, extends: 'mtlint:all', rules: offExcept('readability', options) },
  });
  return findings.map((finding) => [finding.offset, finding.endOffset, agreement(finding.message)]);
}

function offExcept(id: string, options: object): Record<string, unknown> {
  return { ...Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off'])), [id]: ['warn', options] };
}

describe('readability (Set lookups) matches retext-readability', () => {
  for (const options of [
    {},
    { age: 12 },
    { age: 10, minWords: 3 },
    { age: 14, threshold: 3 / 7 },
    { age: 20, threshold: 1 / 7 },
  ]) {
    it(`on the sample article with ${JSON.stringify(options)}`, () => {
      const expected = pluginFindings(SAMPLE, options);
      expect(expected.length).toBeGreaterThan(0);
      expect(ourFindings(SAMPLE, options)).toEqual(expected);
    });
  }
});

describe('textOf', () => {
  it('is the flattened text of every node of the sample', () => {
    const tree = unified().use(retextEnglish).parse(SAMPLE);
    let checked = 0;
    walk(tree, (node) => {
      expect(textOf(node)).toBe(flatten(node).text);
      expect(textLengthOf(node)).toBe(textOf(node).length);
      checked++;
    });
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('pre-checks that skip tokenizing a sentence', () => {
  // A pre-check may say yes too often, never no where the tokens would match.
  const odd = [
    "I'm here.",
    'Let’s go, we’ll see.',
    'WE SAID NO.',
    'uS and yOu',
    '_we_ and x-you',
    'the minister as\u212Aed again',
    'Nothing here, said-so and sayso.',
    'Iraq, Mesaid, Yourself-help, ourselves.',
    'é-you said',
  ];
  const sentences = [...SAMPLE.split(/(?<=[.!?])\s+/), ...odd];

  it('mayHaveFirstOrSecondPerson is true wherever the tokens hold such a pronoun', () => {
    let skipped = 0;
    for (const sentence of sentences) {
      const tokens = wordsOf(sentence);
      const any = tokens.some((token) => FIRST_PERSON.has(token.lower) || SECOND_PERSON.has(token.lower));
      if (any) expect(mayHaveFirstOrSecondPerson(sentence), sentence).toBe(true);
      if (isFirstOrSecondPerson(tokens)) expect(mayHaveFirstOrSecondPerson(sentence), sentence).toBe(true);
      if (!mayHaveFirstOrSecondPerson(sentence)) skipped++;
    }
    expect(skipped).toBeGreaterThan(sentences.length / 2);
  });

  it('mayHaveSpeechVerb is true wherever the tokens hold a speech verb', () => {
    let skipped = 0;
    for (const sentence of sentences) {
      if (wordsOf(sentence).some((token) => SPEECH_VERBS.has(token.lower)))
        expect(mayHaveSpeechVerb(sentence), sentence).toBe(true);
      if (!mayHaveSpeechVerb(sentence)) skipped++;
    }
    expect(mayHaveSpeechVerb('the minister as\u212Aed again')).toBe(true);
    expect(skipped).toBeGreaterThan(sentences.length / 2);
  });
});

describe('the pos lexicon read as JSON', () => {
  it('is the lexicon the module exports', () => {
    const require = createRequire(import.meta.url);
    const lexicon = readLexicon(require);
    expect(lexicon).toBeDefined();
    expect(lexicon).toEqual(require('pos/lexicon.js'));
  });
});

describe('the pos lexicon in its compact form', () => {
  const require = createRequire(import.meta.url);
  const full = require('pos/lexicon.js') as Record<string, string[]>;
  const compact: CompactLexicon = compactLexicon(compactLexiconText(full));

  it('gives every word the tags of the module, and nothing for other words', () => {
    for (const word of Object.keys(full)) expect(lookUp(compact, word), word).toEqual(full[word]);
    for (const word of ['constructor', '__proto__', 'toString', 'Mtlint', 'zzzz', '\u00e9t\u00e9s'])
      expect(lookUp(compact, word), word).toBe(Object.hasOwn(full, word) ? full[word] : undefined);
  });

  it('tags the sample article and dev-set sentences as the full lexicon does', () => {
    const pos = require('pos') as { Tagger: new () => Tagger };
    const reference = new pos.Tagger();
    const learning = Object.create(pos.Tagger.prototype) as Tagger;
    learning.lexicon = {};
    const lines = readFileSync(new URL('../samples/belarus-mt-article.txt', import.meta.url), 'utf8').split(
      /(?<=[.!?])\s+/,
    );
    lines.push('The constructor of __proto__ said toString 5.2 gallons , ; A I');
    let words = 0;
    for (const line of lines) {
      const tokens = line.split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      learn(learning.lexicon, compact, tokens);
      expect(learning.tag(tokens), line).toEqual(reference.tag(tokens));
      words += tokens.length;
    }
    expect(words).toBeGreaterThan(500);
  });

  const built = new URL('../dist/src/text/pos-lexicon.txt', import.meta.url);
  it.skipIf(!existsSync(built))('is what the build wrote next to the compiled tagger', () => {
    expect(readFileSync(built, 'utf8') === compactLexiconText(full)).toBe(true);
  });
});
