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
 * both counts. A term cited as a term (`the term "biliary tract cancer"`,
 * `der Begriff „Energiewende“`) is quoted whatever the source does, and is
 * not counted. Does nothing where a paragraph has no source.
 *
 * In `mtlint:recommended`: 52 of its 54 findings on the dev MT output hit an
 * annotated span (96.3 %); the two that hit none are audited, quotations a
 * copy-editor would keep (direct speech in a human reference, a sound quoted
 * as words).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 54 findings on the dev MT output, rater precision 96.3 %, audited precision 96.3 % (0 unmatched unread); 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   他说：“我们明天再谈。”
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   He said: “We will talk tomorrow.”
 *
 * @example {"name": "ok-term.txt", "label": "source", "language": "de"}
 *   Unter dem Begriff maligne biliäre Tumoren (engl. biliary tract cancer) werden Karzinome zusammengefasst.
 *
 * @example {"name": "ok-term.txt", "language": "en"}
 *   The term "biliary tract cancer" covers carcinomas of the bile ducts.
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

/** The words that cite the next words as words: `the term`, `the word`, `der Begriff`. */
const CITED_TERM = /\b(?:term|word|phrase|expression|Begriff|Wort|Ausdruck)\s$/iu;

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
    needsTree: false,
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
  // A term cited as a term (`the term "biliary tract cancer"`) is quoted in English and German whatever the source does.
  const ours = outerQuotations(analyzeQuotes(flat.text, context.language)).filter(
    ([open]) => !CITED_TERM.test(flat.text.slice(Math.max(0, open - 20), open)),
  );
  const theirs = sourceQuotations(source.text, source.language);
  if (ours.length <= theirs) return;
  const report = (open: number, close: number, message: string) =>
    context.report({ flat, from: open, to: close + 1, message });
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
