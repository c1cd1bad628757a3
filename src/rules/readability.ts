/**
 * ## readability
 *
 * Flags sentences that several readability formulas agree are hard to read
 * (the scores of `retext-readability`, age 16 by default, computed with Set
 * lookups instead of the plugin's scans of its word lists, and one syllable
 * count per distinct word). Off by default: it is noisy on news text, but
 * useful for long MT run-on sentences.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 10322 findings on the dev MT output, rater precision 64.5 %, audited precision 64.5 % (3660 unmatched unread); 203.66 false alarms per 10,000 words of clean English (857 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The cat sat on the mat.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The purpose of the organizations has been to educate the public about the past, awareness of responsibilities, opportunities for the quality of life of future generations.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:172: Unexpected hard-to-read sentence: 5 of 7 readability formulas put it above reading age 16
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import type { Node, Parent } from 'nlcst';
import { smogFormula } from 'smog-formula';
import { spacheFormula } from 'spache-formula';
import { textOf } from '../nlcst/flat.js';
import { lazyModule } from '../shared/lazy.js';
import { defineRule } from '../shared/rule.js';

export interface ReadabilityOptions {
  age: number;
  minWords: number;
  threshold: number;
}

/** The word lists and the syllable counter load when the rule first scores a sentence (it is off by default). */
const spache = lazyModule<typeof import('spache')>('spache');
const daleChall = lazyModule<typeof import('dale-chall')>('dale-chall');
const syllable = lazyModule<typeof import('syllable')>('syllable');
let wordLists: { spache: ReadonlySet<string>; daleChall: ReadonlySet<string> } | undefined;

function lists(): { spache: ReadonlySet<string>; daleChall: ReadonlySet<string> } {
  wordLists ??= { spache: new Set(spache().spache), daleChall: new Set(daleChall().daleChall) };
  return wordLists;
}
/** Syllables per word form: the count is by far the costliest part of a sentence's score. */
const syllables = new Map<string, number>();
const MAX_CACHED = 50_000;

function syllablesOf(word: string): number {
  let count = syllables.get(word);
  if (count === undefined) {
    count = syllable().syllable(word);
    if (syllables.size >= MAX_CACHED) syllables.clear();
    syllables.set(word, count);
  }
  return count;
}

/** The seven grade-to-age scores retext-readability 8 computes for one sentence (same formulas, same order). */
export function sentenceAges(words: readonly string[]): number[] {
  const { spache: SPACHE, daleChall: DALE_CHALL } = lists();
  const familiar = new Set<string>();
  const easy = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;
  for (const value of words) {
    const caseless = value.toLowerCase();
    const count = syllablesOf(value);
    totalSyllables += count;
    letters += value.length;
    if (count >= 3) {
      polysillabicWord++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (SPACHE.has(caseless)) familiar.add(caseless);
    if (DALE_CHALL.has(caseless)) easy.add(caseless);
  }
  const wordCount = words.length;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar.size,
    word: wordCount,
  };
  return [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    20 - Math.floor(flesch(counts) / 10),
    gradeToAge(gunningFog(counts)),
    Math.ceil(Math.sqrt(smogFormula(counts)) + 2.5),
    gradeToAge(spacheFormula(counts)),
  ];
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5);
}

/** Word texts below `node`, in order (the plugin visits every WordNode of the sentence). */
function wordsOf(node: Node, into: string[]): string[] {
  if (node.type === 'WordNode') {
    into.push(textOf(node));
    return into;
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) wordsOf(child, into);
  return into;
}

/** Sentences in document order, as the plugin's `visit(tree, 'SentenceNode')` finds them (not below another). */
function eachSentenceNode(node: Node, visitor: (sentence: Parent) => void): void {
  if (node.type === 'SentenceNode') {
    visitor(node as Parent);
    return;
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) eachSentenceNode(child, visitor);
}

export default defineRule<ReadabilityOptions>(
  {
    id: 'readability',
    description: 'Sentences that readability formulas agree are hard to read',
    category: 'style',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: false,
    defaultOptions: { age: 16, minWords: 5, threshold: 4 / 7 },
  },
  (tree, context, options) => {
    // The plugin's defaults for falsy values.
    const age = options.age || 16;
    const threshold = options.threshold || 4 / 7;
    const minWords = typeof options.minWords === 'number' ? options.minWords : 5;
    eachSentenceNode(tree, (sentence) => {
      const words = wordsOf(sentence, []);
      if (words.length < minWords) return;
      const scores = sentenceAges(words);
      let nok = 0;
      for (const score of scores) if (score > age) nok++;
      if (nok / scores.length < threshold) return;
      const start = sentence.position?.start.offset;
      const end = sentence.position?.end.offset;
      if (start === undefined || end === undefined) return;
      context.report({
        start,
        end,
        message: `Unexpected hard-to-read sentence: ${nok < scores.length ? `${nok} of ` : 'all '}${scores.length} readability formulas put it above reading age ${age}`,
      });
    });
  },
);
