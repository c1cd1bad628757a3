/**
 * Correctness of the performance work (speed itself is measured in bench/):
 * the fast `readability` gives the plugin's scores, and `textOf` is `flatten().text`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
import { readLexicon } from '../src/text/tagger.js';

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
