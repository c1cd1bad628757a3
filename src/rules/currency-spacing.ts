/**
 * ## currency-spacing
 *
 * Finds currency signs spaced or placed the way the source language does it:
 * `$ 500` and `€ 5` (English closes the symbol up: `$500`, `€5`), `500 $`,
 * `500$` and `500 €` (English puts the symbol first), and an ISO code glued to
 * the figure (`USD500` → `USD 500`, `500USD` → `500 USD`). MT copies these
 * from French, German, Russian or Chinese sources (`$ 500 million`).
 *
 * Prefixed dollars (`US$`, `HK$`) count as symbols. Codes written apart
 * (`USD 500`, `500 USD`) and amounts in words (`500 dollars`) are correct and
 * left alone. Only English documents are checked: `500 €` is correct German.
 *
 * Fix: close up or move the symbol, or put a space after the code.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; no findings on the dev MT output; 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Russia lent $500 million, about €450m or USD 500 million. Tickets cost US$25.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   They discussed Russia providing $ 500 million in loans. Tickets cost 20 €, or USD500.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:33-1:38: Unexpected space in `$ 500`, expected `$500`
 *   1:70-1:74: Unexpected `20 €`, expected `€20`
 *   1:79-1:85: Unexpected `USD500`, expected `USD 500`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   They discussed Russia providing $500 million in loans. Tickets cost €20, or USD 500.
 */

import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { numbersOf } from '../text/numbers.js';

export default defineRule(
  {
    id: 'currency-spacing',
    description: 'Currency signs spaced or placed the way of another language (`$ 500`, `500 $`, `USD500`)',
    category: 'numbers',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    if (context.language !== 'en') return;
    for (const paragraph of paragraphsOf(tree)) {
      const { flat, numbers } = numbersOf(paragraph);
      const text = flat.text;
      for (const token of numbers) {
        const currency = token.currency;
        if (!currency || token.kind === 'identifier' || token.kind === 'date') continue;
        // Inside a range only the first figure carries the sign: `$5–10`.
        const numeral = token.numeral.text;
        let from: number;
        let to: number;
        let expected: string;
        let message: string;
        if (currency.position === 'before' && !currency.code && currency.gap) {
          from = currency.start;
          to = token.numeral.end;
          expected = currency.text + numeral;
          message = `Unexpected space in \`${text.slice(from, to)}\`, expected \`${expected}\``;
        } else if (currency.position === 'before' && currency.code && !currency.gap) {
          from = currency.start;
          to = token.numeral.end;
          expected = `${currency.text} ${numeral}`;
          message = `Unexpected \`${text.slice(from, to)}\`, expected \`${expected}\``;
        } else if (currency.position === 'after' && currency.code && !currency.gap) {
          from = token.numeral.start;
          to = currency.end;
          expected = `${numeral} ${currency.text}`;
          message = `Unexpected \`${text.slice(from, to)}\`, expected \`${expected}\``;
        } else if (currency.position === 'after' && !currency.code && currency.text !== '元') {
          from = token.sign ? token.sign.start : token.numeral.start;
          to = currency.end;
          expected = (token.sign?.text ?? '') + currency.text + numeral;
          message = `Unexpected \`${text.slice(from, to)}\`, expected \`${expected}\``;
        } else continue;
        context.report({ flat, from, to, message, actual: text.slice(from, to), expected: [expected], fix: expected });
      }
    }
  },
);
