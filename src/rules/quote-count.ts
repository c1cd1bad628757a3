/**
 * ## quote-count
 *
 * Bilingual: finds quotation marks the translation has and its source does
 * not. MT systems add quotation marks around names, terms and slogans (and
 * sometimes around a whole sentence); a source without any quotation is the
 * plainest evidence that they are not the author's. Book-title marks
 * (`《》`) and corner brackets (`「」`) count as the source's quotations, since
 * English quotes titles.
 *
 * Where the source has no quotation, every quotation of the translation is
 * reported; where it has fewer, the translation's last quotation is, with
 * both counts. Does nothing where a paragraph has no source.
 *
 * In `mtlint:recommended`: 53 of its 56 findings on the dev MT output hit an
 * annotated span (94.6 %).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 56 findings on the dev MT output, rater precision 94.6 %, audited precision 94.6 % (3 unmatched unread); 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   他说：“我们明天再谈。”
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   He said: “We will talk tomorrow.”
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "de"}
 *   Die Regierung stellte ihren Plan für die Energiewende vor.
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   The government presented its plan for the “energy transition”.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:43-1:62: Unexpected quotation `“energy transition”`: the source has no quotation marks
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RuleContext } from '../shared/rule.js';
import { sourceOf } from '../text/bilingual.js';
import { analyzeQuotes, outerQuotations } from '../text/quotes.js';

/** Quotations of a source text: paired quotation marks, plus title marks and corner brackets. */
export function sourceQuotations(text: string, language: string): number {
  const titles = (text.match(/《[^《》]*》/g) ?? []).length + (text.match(/〈[^〈〉]*〉/g) ?? []).length;
  return outerQuotations(analyzeQuotes(text, language === 'und' ? 'en' : language)).length + titles;
}

export default defineRule(
  {
    id: 'quote-count',
    description: 'Bilingual: the translation has quotation marks its source does not',
    category: 'quotes',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) checkParagraph(paragraph, context);
  },
);

function checkParagraph(paragraph: Paragraph, context: RuleContext): void {
  const source = sourceOf(paragraph, context);
  if (!source) return;
  const flat = flatten(paragraph);
  const ours = outerQuotations(analyzeQuotes(flat.text, context.language));
  const theirs = sourceQuotations(source.text, source.language);
  if (ours.length <= theirs) return;
  const report = (open: number, close: number, message: string) =>
    context.report({ start: flat.startAt(open), end: flat.endAt(close + 1), message });
  if (theirs === 0) {
    for (const [open, close] of ours) {
      const quoted = flat.text.slice(open, close + 1);
      report(open, close, `Unexpected quotation \`${quoted}\`: the source has no quotation marks`);
    }
    return;
  }
  const [open, close] = ours[ours.length - 1];
  report(
    open,
    close,
    `Unexpected quotation \`${flat.text.slice(open, close + 1)}\`: ${ours.length} quotations, the source has ${theirs}`,
  );
}
