/**
 * ## carried-quotes
 *
 * Bilingual: finds quotation marks that the translation carried over from a
 * source language that quotes for reasons English and German do not.
 * Chinese and Japanese put quotation marks around names, terms, slogans and
 * emphasis (`美国对华“芯片战”`), Russian around the names of companies and
 * ships (`компания «Газпром»`); a translation that keeps them writes scare
 * quotes (`the US "chip war" against China`).
 *
 * Reported: a quotation of at most four words in the translation, not
 * speech (no `:` or verb of saying before it, no sentence inside it), in a
 * paragraph whose source quotes at least as many short items (at most ten
 * characters in Chinese or Japanese, four words otherwise). This confirms
 * and sharpens the target-only `quoted-name`, which has to guess why a name
 * is quoted. Does nothing where a paragraph has no source, and for source
 * languages other than Chinese, Japanese and Russian.
 *
 * In `mtlint:recommended`: on the dev MT output 215 of its 225 findings hit
 * an annotated span (95.6 %), and it finds 53.6 % of the quotation spans the
 * eval classes as carried over from the source (`quote_judgement`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 225 findings on the dev MT output, rater precision 95.6 %, audited precision 96.4 % (0 unmatched unread); 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   他说：“我们明天再谈。”
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   He said: “We will talk tomorrow.”
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "zh"}
 *   最近，美国对华“芯片战”大有升级之势。
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   Recently, the US "chip war" against China has been escalating.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:18-1:28: Unexpected quotation marks around `chip war`: carried over from the Chinese source, which quotes names and emphasis
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RuleContext } from '../shared/rule.js';
import { sourceOf } from '../text/bilingual.js';
import { analyzeQuotes, outerQuotations } from '../text/quotes.js';

const QUOTING_LANGUAGES: Readonly<Record<string, string>> = { zh: 'Chinese', ja: 'Japanese', ru: 'Russian' };
const SOURCE_QUOTES = /“([^“”]{1,40})”|「([^「」]{1,40})」|『([^『』]{1,40})』|«([^«»]{1,60})»|"([^"]{1,40})"/gu;
/** A verb of saying or a colon before the quotation: it is speech. */
const SPEECH_BEFORE =
  /(?:\b(?:say|says|said|saying|ask|asks|asked|told|tells|wrote|writes|added|adds|stated|states|replied|called|declared|noted|sagte|sagt|schrieb|fragte|erklärte|meinte)\b[^.!?]{0,12}|:|：)\s*$/i;

/** Quotations in the source short enough to be a name, a term or emphasis rather than speech. */
function shortSourceQuotes(text: string, language: string): number {
  let count = 0;
  for (const match of text.matchAll(SOURCE_QUOTES)) {
    const inner = match.slice(1).find((group) => group !== undefined) ?? '';
    if (/[。！？.!?]$/.test(inner.trim())) continue;
    const short =
      language === 'zh' || language === 'ja'
        ? Array.from(inner.replace(/\s/g, '')).length <= 10
        : inner.trim().split(/\s+/).length <= 4;
    if (short) count++;
  }
  return count;
}

export default defineRule(
  {
    id: 'carried-quotes',
    description: 'Bilingual: scare quotes carried over from a source language that quotes names and emphasis',
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
  const languageName = QUOTING_LANGUAGES[source.language];
  if (!languageName) return;
  let budget = shortSourceQuotes(source.text, source.language);
  if (budget === 0) return;
  const flat = flatten(paragraph);
  for (const [open, close] of outerQuotations(analyzeQuotes(flat.text, context.language))) {
    if (budget === 0) break;
    const inner = flat.text.slice(open + 1, close).trim();
    if (inner === '' || inner.split(/\s+/).length > 4 || /[.!?,;:]$/.test(inner)) continue;
    if (SPEECH_BEFORE.test(flat.text.slice(Math.max(0, open - 40), open))) continue;
    budget--;
    context.report({
      flat,
      from: open,
      to: close + 1,
      message: `Unexpected quotation marks around \`${inner}\`: carried over from the ${languageName} source, which quotes names and emphasis`,
      actual: flat.text.slice(open, close + 1),
      expected: [inner],
    });
  }
}
