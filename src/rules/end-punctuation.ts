/**
 * ## end-punctuation
 *
 * Bilingual: compares how a paragraph and its source end. A question that
 * became a statement (`？` or `?` in the source, `.` in the translation), a
 * final mark the translation lost, or one it added to a source without one
 * (a heading or caption that gained a full stop). Marks are compared across
 * scripts: `？` is `?`, `。` and `．` are `.`, `！` is `!`.
 *
 * Left alone: `!` for `.` and back (translators soften or sharpen the tone),
 * `:`, `;`, `,` and `…` on either side (a list, an ellipsis or a sentence
 * that goes on in the next segment may legitimately end either way), and a final quotation mark or bracket (it is looked
 * through). A final mark the translation lost is reported only with
 * `{"lost": true}`: on the dev MT output such findings were mostly headings
 * (`Introduction` for `Introducción.`) and segments cut off mid-sentence,
 * which raters do not mark (36 % precision, against 88 % for an added full
 * stop). Does nothing where a paragraph has no source.
 *
 * In no preset yet: 40 of its 48 default findings on the dev MT output hit
 * an annotated span (83 %, under the recommended bar of 90 %), and some of
 * the rest are right (a German indirect question ends with `.` where the
 * English source has `?`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:strict`; 48 findings on the dev MT output, rater precision 83.3 %, audited precision 83.3 % (8 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "not-ok-lost.txt", "label": "source", "language": "de"}
 *   Die Ergebnisse sind eindeutig.
 *
 * @example {"name": "not-ok-lost.txt", "label": "input", "language": "en", "config": {"lost": true}}
 *   The results are clear
 *
 * @example {"name": "not-ok-lost.txt", "label": "output"}
 *   1:22-1:22: Expected `.` at the end, as in the source
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   你为什么要这样做？
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   Why would you do that?
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "zh"}
 *   你为什么要这样做？
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   Why would you do that.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:22-1:23: Unexpected `.`, expected `?`: the source is a question
 *
 * @example {"name": "not-ok-added.md", "label": "source", "language": "de"}
 *   # Ergebnisse der Studie
 *
 * @example {"name": "not-ok-added.md", "label": "input", "language": "en"}
 *   # Results of the study.
 *
 * @example {"name": "not-ok-added.md", "label": "output"}
 *   1:23-1:24: Unexpected `.` at the end: the source ends without a mark
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RuleContext } from '../shared/rule.js';
import { sourceOf } from '../text/bilingual.js';

/** Final marks of any script, as the mark they stand for. */
const FINAL_MARKS: Readonly<Record<string, string>> = {
  '.': '.',
  '。': '.',
  '．': '.',
  '｡': '.',
  '?': '?',
  '？': '?',
  '!': '!',
  '！': '!',
  '…': '…',
  ':': ':',
  '：': ':',
  ';': ';',
  '；': ';',
  ',': ',',
  '，': ',',
  '、': ',',
};

/** Closing quotes and brackets looked through at the end. */
const CLOSERS = /[\s"'”’»›“‘«‹」』)）\]】》〉*_]/u;

interface FinalMark {
  /** The mark it stands for (`.`, `?`, …), or `''` when the text ends without one. */
  mark: string;
  /** Index of the mark (or where one would go) in the text. */
  index: number;
  char: string;
}

/** The final mark of a text, looking through closing quotes and brackets. */
export function finalMark(text: string): FinalMark | undefined {
  let index = text.length - 1;
  while (index >= 0 && CLOSERS.test(text[index])) index--;
  if (index < 0) return undefined;
  const char = text[index];
  // `...` is an ellipsis, not a full stop.
  if (char === '.' && text[index - 1] === '.') return { mark: '…', index, char };
  const mark = FINAL_MARKS[char];
  return mark ? { mark, index, char } : { mark: '', index: index + 1, char: '' };
}

export interface EndPunctuationOptions {
  /** Report a final mark the translation lost (a heading that dropped its full stop, a cut-off segment). */
  lost: boolean;
}

export default defineRule<EndPunctuationOptions>(
  {
    id: 'end-punctuation',
    description: 'Bilingual: a translation that ends differently from its source (a question became a statement)',
    category: 'punctuation',
    recommended: false,
    strict: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: { lost: false },
  },
  (tree, context, options) => {
    for (const paragraph of paragraphsOf(tree)) checkParagraph(paragraph, context, options);
  },
);

function checkParagraph(paragraph: Paragraph, context: RuleContext, options: Readonly<EndPunctuationOptions>): void {
  const source = sourceOf(paragraph, context);
  if (!source) return;
  const flat = flatten(paragraph);
  const theirs = finalMark(source.text);
  const ours = finalMark(flat.text);
  if (!theirs || !ours || theirs.mark === ours.mark) return;
  const soft = new Set(['…', ':', ';', ',']);
  if (soft.has(theirs.mark) || soft.has(ours.mark)) return;
  if ((theirs.mark === '!' && ours.mark === '.') || (theirs.mark === '.' && ours.mark === '!')) return;
  const at = (index: number, length: number) => ({ flat, from: index, to: index + length });
  if (theirs.mark === '?' && ours.mark !== '?') {
    const place = ours.mark ? at(ours.index, 1) : at(ours.index, 0);
    context.report({
      ...place,
      message: ours.mark
        ? `Unexpected \`${ours.char}\`, expected \`?\`: the source is a question`
        : 'Expected `?` at the end: the source is a question',
      actual: ours.char,
      expected: ['?'],
      suggestions: [{ desc: 'End with `?`', fix: '?' }],
    });
    return;
  }
  if (ours.mark === '?' && theirs.mark !== '?') {
    context.report({
      ...at(ours.index, 1),
      message: 'Unexpected `?` at the end: the source is not a question',
      actual: '?',
    });
    return;
  }
  if (!ours.mark) {
    // The translation lost the final mark the source has (opt-in: mostly headings and cut-off segments).
    if (!options.lost) return;
    const place = at(ours.index, 0);
    context.report({
      ...place,
      message: `Expected \`${theirs.mark}\` at the end, as in the source`,
      expected: [theirs.mark],
      suggestions: [{ desc: `End with \`${theirs.mark}\``, fix: theirs.mark }],
    });
    return;
  }
  if (!theirs.mark && ours.mark === '.') {
    context.report({
      ...at(ours.index, 1),
      message: 'Unexpected `.` at the end: the source ends without a mark',
      actual: '.',
      expected: [''],
    });
  }
}
