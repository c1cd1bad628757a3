/**
 * ## punctuation-quote-order
 *
 * House style for a comma or full stop next to a closing quotation mark.
 * American style (`"style": "american"`, the default) puts them inside:
 * `“core,” he said`, never `“core”,`. British style (`"style": "british"`)
 * puts them inside only when they belong to the quotation, so a quoted word
 * or short lower-case phrase takes them outside: `the “core”, it said`, not
 * `the “core,” it said`. Question and exclamation marks follow the sense in
 * both styles and are left alone. Apostrophes (`the boys’.`) are not
 * closing marks.
 *
 * MT mixes both orders in one text, and each source language brings its own.
 * Off by default: turn it on with the style your publication uses. English
 * only: German and other languages have their own fixed order.
 *
 * Fix: swap the mark and the closing quotation mark.
 *
 * @example {"name": "ok.txt"}
 *   “We will not stop,” the group said. It is “core.” The boys’. “Why?”.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   “We will not stop”, the group said. It is a “core”.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:18-1:20: Unexpected `”,`, expected `,”`
 *   1:50-1:52: Unexpected `”.`, expected `.”`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   “We will not stop,” the group said. It is a “core.”
 *
 * @example {"name": "not-ok-british.txt", "label": "input", "config": {"style": "british"}}
 *   He called it “core,” and said: “We will not stop.”
 *
 * @example {"name": "not-ok-british.txt", "label": "output"}
 *   1:19-1:21: Unexpected `,”`, expected `”,`
 *
 * @example {"name": "not-ok-british.txt", "label": "fixed"}
 *   He called it “core”, and said: “We will not stop.”
 */
import type { FlatText } from '../nlcst/flat.js';
import { defineRule } from '../shared/rule.js';
import { type QuoteAnalysis, quotesOf } from '../text/quotes.js';

interface Options {
  /** `american`: `,”` and `.”`; `british`: `”,` and `”.` after a quoted word or phrase. */
  style: string;
}

export default defineRule<Options>(
  {
    id: 'punctuation-quote-order',
    description: 'Comma or full stop on the wrong side of a closing quotation mark (house style)',
    category: 'quotes',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: true,
    defaultOptions: { style: 'american' },
    optionValues: { style: ['american', 'british'] },
  },
  (tree, context, options) => {
    // German and most other languages have their own fixed order (`„…“, sagte er`).
    if (context.language !== 'en') return;
    const { flats, analyses } = quotesOf(tree, context.language);
    const british = options.style === 'british';
    analyses.forEach((analysis, index) => {
      const flat = flats[index];
      const text = analysis.text;
      for (const pair of analysis.pairs) {
        const close = pair.close.index;
        if (british) {
          const mark = text[close - 1];
          if ((mark !== ',' && mark !== '.') || !isFragment(analysis, pair.open.index, close - 1)) continue;
          if (mark === '.' && /\.\.$/.test(text.slice(close - 3, close - 1))) continue;
          report(flat, close - 1, close + 1, text[close - 1] + text[close], text[close] + text[close - 1]);
        } else {
          const mark = text[close + 1];
          if (mark !== ',' && mark !== '.') continue;
          // `“Why?”.` and `“etc.”.`: the quotation already ends with its own mark.
          if (/[.?!…]/.test(text[close - 1] ?? '')) continue;
          if (mark === '.' && text[close + 2] === '.') continue; // an ellipsis
          report(flat, close, close + 2, text[close] + mark, mark + text[close]);
        }
      }
    });

    function report(flat: FlatText, from: number, to: number, actual: string, expected: string): void {
      const start = flat.startAt(from);
      const end = flat.endAt(to);
      context.report({
        start,
        end,
        message: `Unexpected \`${actual}\`, expected \`${expected}\``,
        actual,
        expected: [expected],
        fix: flat.isDirect(from, to) ? { range: [start, end], text: expected } : undefined,
      });
    }
  },
);

/** A quoted word or short lower-case phrase, not a quoted sentence. */
function isFragment(analysis: QuoteAnalysis, open: number, end: number): boolean {
  const content = analysis.text.slice(open + 1, end).trim();
  if (content.length === 0 || !/^\p{Ll}/u.test(content)) return false;
  return content.split(/\s+/).length <= 4;
}
