/**
 * ## length-ratio
 *
 * Bilingual, a review hint: finds a translation far shorter or longer than
 * its source for the language pair, which often means a dropped clause or a
 * hallucinated one. Lengths are counted in characters without white space,
 * and divided by the typical ratio of the pair (English is about three
 * times as long as Chinese, German about a tenth longer than English); a
 * paragraph is reported when the result is under `min` or over `max`
 * (default 0.5 and 2). Sources of fewer than 20 characters (8 in Chinese,
 * Japanese and Korean) are left alone: short labels vary too much.
 *
 * Opt-in (in no preset): a length is a hint to look, not an error. Does
 * nothing where a paragraph has no source.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 162 findings on the dev MT output, rater precision 75.9 %, audited precision 75.9 % (39 unmatched unread); 1.19 false alarms per 10,000 words of clean English (5 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "de"}
 *   Die Ergebnisse werden im nächsten Abschnitt ausführlich besprochen.
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   The results are discussed in detail in the next section.
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "de"}
 *   Die Ergebnisse werden im nächsten Abschnitt ausführlich besprochen, zusammen mit den Grenzen der Studie.
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   Results follow.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:16: The translation is 0.17 times as long as the source would make it (expected 0.5 to 2)
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { sourceOf } from '../text/bilingual.js';

export interface LengthRatioOptions {
  min: number;
  max: number;
}

/** Characters (no white space) per character of English, by language: the pair's ratio is theirs / ours. */
const DENSITY: Readonly<Record<string, number>> = {
  en: 1,
  zh: 0.3,
  ja: 0.4,
  ko: 0.5,
  de: 1.1,
  fr: 1.1,
  es: 1.1,
  it: 1.1,
  pt: 1.1,
  ru: 1.05,
  nl: 1.1,
  pl: 1.05,
};
const CJK = new Set(['zh', 'ja', 'ko']);

const lengthOf = (text: string) => text.replace(/\s+/gu, '').length;

export default defineRule<LengthRatioOptions>(
  {
    id: 'length-ratio',
    description: 'Bilingual: a translation far shorter or longer than its source (a review hint)',
    category: 'style',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: { min: 0.5, max: 2 },
  },
  (tree, context, options) => {
    for (const paragraph of paragraphsOf(tree)) {
      const source = sourceOf(paragraph, context);
      if (!source) continue;
      const theirs = lengthOf(source.text);
      if (theirs < (CJK.has(source.language) ? 8 : 20)) continue;
      const flat = flatten(paragraph);
      const expected = theirs * ((DENSITY[context.language] ?? 1) / (DENSITY[source.language] ?? 1));
      const ratio = lengthOf(flat.text) / expected;
      if (ratio >= options.min && ratio <= options.max) continue;
      context.report({
        flat,
        from: 0,
        to: flat.text.length,
        message: `The translation is ${ratio.toFixed(2)} times as long as the source would make it (expected ${options.min} to ${options.max})`,
      });
    }
  },
);
