/**
 * ## untranslated-segment
 *
 * Bilingual: finds a paragraph whose translation is its source copied
 * unchanged (white space and case aside): an MT system or a translator
 * skipped it. Only paragraphs with at least three words of letters count, so
 * names, codes, numbers and one-word labels (`COVID-19`, `Twitter`, `OK`),
 * which are legitimately identical, are left alone.
 *
 * Off by default: product names, citations and code-like strings are often
 * meant to stay as they are; turn it on for prose. Does nothing where a
 * paragraph has no source.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 42 findings on the dev MT output, rater precision 2.4 %, audited precision 2.4 % (41 unmatched unread); 2.85 false alarms per 10,000 words of clean English (12 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "de"}
 *   Die Ergebnisse werden im nächsten Abschnitt besprochen.
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   The results are discussed in the next section.
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "de"}
 *   Die Ergebnisse werden im nächsten Abschnitt besprochen.
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   Die Ergebnisse werden im nächsten Abschnitt besprochen.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:56: Unexpected copy of the source: this paragraph is not translated
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { sourceOf } from '../text/bilingual.js';

const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();

export default defineRule(
  {
    id: 'untranslated-segment',
    description: 'Bilingual: a paragraph whose translation is its source copied unchanged',
    category: 'script',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) {
      const source = sourceOf(paragraph, context);
      if (!source) continue;
      const flat = flatten(paragraph);
      if (normalise(flat.text) !== normalise(source.text)) continue;
      if ((flat.text.match(/\p{L}{2,}/gu) ?? []).length < 3) continue;
      context.report({
        flat,
        from: 0,
        to: flat.text.length,
        message: 'Unexpected copy of the source: this paragraph is not translated',
      });
    }
  },
);
