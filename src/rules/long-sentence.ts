/**
 * ## long-sentence
 *
 * Finds run-on sentences: sentences over `maxWords` words (40 by default), and
 * comma splices typical of MT, where two main clauses are joined by a bare
 * comma because the source language allows it (`…in another way, it turns
 * out that they are funded from outside.`). Set `commaSplices: false` to only
 * count words.
 *
 * Off by default: long sentences are a matter of style, and a comma splice
 * can only be told from correct English by a heuristic: a comma, then a
 * subject pronoun (`we`, `they`, `it`, `there`…), then a finite verb, in a
 * clause that does not start with a subordinating word (`If you ask, we
 * answer` is correct). Reporting and comment clauses (`, he said`, `, we
 * think.`) are not splices.
 * Only for English documents.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 1219 findings on the dev MT output, rater precision 85.7 %, audited precision 85.7 % (174 unmatched unread); 17.82 false alarms per 10,000 words of clean English (75 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   If you ask them, they will answer. We will stop, he said. When the police came, we left.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   We can not treat these NGOs in another way, it turns out that they are funded from outside.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:43-1:53: Unexpected comma splice before `it turns`, expected a full stop or a semicolon
 *
 * @example {"name": "not-ok-long.txt", "label": "input", "config": {"maxWords": 10}}
 *   Police questioned journalists, local and international human rights defenders, and confiscated archives.
 *
 * @example {"name": "not-ok-long.txt", "label": "output"}
 *   1:1-1:105: Unexpected long sentence of 12 words, expected at most 10
 */
import { flatten } from '../nlcst/flat.js';
import { eachSentence, isWord, toText } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';

export interface LongSentenceOptions {
  maxWords: number;
  commaSplices: boolean;
}

/** A comma, a subject pronoun, a finite verb. */
const SPLICE =
  /,\s+(?:we|they|he|she|it|i|you|there)\s+(?:is|are|was|were|will|would|can|could|cannot|do|does|did|have|has|had|must|should|may|might|need|needs|want|wants|know|knows|think|thinks|believe|believes|turns|turned|seems|seemed)\b/giu;
/** Words that open a subordinate clause, which a comma may close. */
const SUBORDINATORS = new Set(
  'if when although though because as since while after before once unless until whether whenever wherever even whereas so that where what how whatever however'.split(
    ' ',
  ),
);
const REPORTING = /^(?:said|says|say|told|tells|added|adds|noted|wrote|asked|explained|stressed|insisted)\b/iu;

export default defineRule<LongSentenceOptions>(
  {
    id: 'long-sentence',
    description: 'Run-on sentences: too many words, or main clauses joined by a comma',
    category: 'style',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    defaultOptions: { maxWords: 40, commaSplices: true },
  },
  (tree, context, options) => {
    if (context.language !== 'en') return;
    eachSentence(tree, (sentence) => {
      let words = 0;
      for (const child of sentence.children) if (isWord(child) && /[\p{L}\p{N}]/u.test(toText(child))) words++;
      const start = sentence.position?.start.offset ?? 0;
      const end = sentence.position?.end.offset ?? start;
      if (words > options.maxWords) {
        context.report({
          start,
          end,
          message: `Unexpected long sentence of ${words} words, expected at most ${options.maxWords}`,
        });
      }
      if (!options.commaSplices) return;
      const flat = flatten(sentence);
      const text = flat.text;
      SPLICE.lastIndex = 0;
      for (const match of text.matchAll(SPLICE)) {
        const at = match.index ?? 0;
        const rest = text.slice(at + match[0].length);
        // `, he said` reports speech; `, we think.` is a comment clause.
        if (REPORTING.test(rest.replace(/^\s+/u, '')) || /^[,.;!?]/u.test(rest)) continue;
        if (opensSubordinateClause(text, at)) continue;
        const pronoun = match[0].slice(1).trimStart();
        const from = at + match[0].length - pronoun.length;
        context.report({
          flat,
          from: at,
          to: at + match[0].length,
          message: `Unexpected comma splice before \`${pronoun.replace(/\s+/gu, ' ')}\`, expected a full stop or a semicolon`,
          actual: text.slice(from, at + match[0].length),
        });
      }
    });
  },
);

const FINITE =
  /\b(?:is|are|was|were|will|would|can|could|cannot|do|does|did|have|has|had|must|should|may|might|shall)\b|\p{L}(?:'|’)(?:s|re|ve|ll|d)\b|n(?:'|’)t\b/iu;
const LEADING_CONJUNCTION = /^(?:but|and|so|yet|or|then|now|well)\s+/iu;
/** Fewer words before the comma than this are an introductory phrase (`In this case,`). */
const MIN_CLAUSE_WORDS = 4;

/**
 * True unless the text before the comma at `at` is a main clause: long enough,
 * with a finite verb, and not opened by a subordinating word.
 */
function opensSubordinateClause(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const clauseStart = Math.max(
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf('—'),
    before.lastIndexOf('–'),
    before.lastIndexOf(' - '),
    before.lastIndexOf('-- '),
  );
  const main = before
    .slice(clauseStart + 1)
    .trim()
    .replace(/^["“‘(]+/u, '')
    .replace(LEADING_CONJUNCTION, '');
  if (main.split(/\s+/u).length < MIN_CLAUSE_WORDS || !FINITE.test(main)) return true;
  const opening = /^[\p{L}']+/u.exec(main)?.[0].toLowerCase();
  if (opening !== undefined && SUBORDINATORS.has(opening) && !main.includes(',')) return true;
  // The clause right before the comma starts with a subordinating word (`…, when we came, we left`).
  const last = main.slice(main.lastIndexOf(',') + 1).trim();
  const first = /^[\p{L}']+/u.exec(last)?.[0].toLowerCase();
  return first !== undefined && SUBORDINATORS.has(first);
}
