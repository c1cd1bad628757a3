/**
 * ## quote-balance
 *
 * Finds quotation marks without a partner in their paragraph: an opening
 * `“`, `"`, `‘`, `«`, `„`, `「` that nothing closes, or a closing mark that
 * nothing opened. MT output loses one half of a pair when it reorders a
 * sentence or splits it across segments.
 *
 * Apostrophes are not quotation marks: possessives (`the boys'`), elisions
 * (`'90s`, `rock 'n' roll`, `o'clock`, `'em`) and feet and inches (`5' 10"`)
 * are recognised and left alone. Nested quotations alternate
 * (`“… ‘…’ …”`); a single quotation mark that could be an apostrophe is
 * never reported. A quotation running over several paragraphs opens each
 * paragraph and closes only at its end, as newsrooms write it: the unclosed
 * paragraphs are fine when the next one starts with an opening mark glued to
 * its first word that opens a quotation of its own. MT that splits a sentence
 * over two segments leaves the closing mark at the start of the next
 * paragraph (`" said Fang.`, or `"` alone): then the quotation before it is
 * unclosed, and that mark is reported too.
 *
 * No fix: only a person can tell where the missing half belongs.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 82 findings on the dev MT output, rater precision 95.1 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (2 findings, 2 audited real).
 *
 * @example {"name": "ok.txt"}
 *   “We will not stop,” the group said. The boys' toys from the '90s cost $5 at 5 o'clock.
 *
 *   He is 5' 10" tall and likes rock 'n' roll. “She told me ‘never’,” he said.
 *
 *   “The first paragraph of a long quotation does not close.
 *
 *   “The second one closes,” she said.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The export volume is “five blacks in a row, the index said.
 *
 *   The other is great health has a future.”
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:22-1:23: Unmatched opening quotation mark `“`
 *   3:40-3:41: Unmatched closing quotation mark `”`
 *
 * @example {"name": "not-ok-split.txt", "label": "input"}
 *   "We entered e-commerce late, but content mattered from the start.
 *
 *   " said Fangfang, who runs a shop on Douyin.
 *
 * @example {"name": "not-ok-split.txt", "label": "output"}
 *   1:1-1:2: Unmatched opening quotation mark `"`
 *   3:1-3:2: Unmatched quotation mark `"`
 */
import { flatten } from '../nlcst/flat.js';
import { blockKind } from '../nlcst/walk.js';
import { defineSummaryRule, placed, type Report } from '../shared/rule.js';
import { type ContinuationEnds, continuationBetween, continuationEnds, paragraphQuotes } from '../text/quotes.js';

/**
 * What a paragraph adds: what decides whether a quotation continues into or
 * out of it, its unclosed opening marks (reported unless its quotation
 * continues in the next paragraph) and its unmatched closing marks, offsets
 * relative to it.
 */
interface Balance {
  ends: ContinuationEnds;
  opens?: Report[];
  closes?: Report[];
}

const NO_MARKS: Balance = Object.freeze({ ends: Object.freeze({}) });

export default defineSummaryRule<object, Balance>(
  {
    id: 'quote-balance',
    description: 'Opening or closing quotation marks without a partner in their paragraph',
    category: 'quotes',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  {
    paragraph(paragraph, context) {
      const kind = blockKind(paragraph);
      if (kind === 'other') return undefined;
      const analysis = paragraphQuotes(paragraph, context.language);
      if (analysis.marks.length === 0) return NO_MARKS;
      const balance: Balance = { ends: continuationEnds(analysis) };
      if (kind === 'tableCell') return balance.ends.open === undefined && !balance.ends.start ? NO_MARKS : balance;
      const flat = flatten(paragraph);
      const opens: Report[] = [];
      for (const mark of analysis.unmatchedOpen) {
        // A mark before a space or at the end opens nothing: it may be a closing mark cut off its quotation.
        const role = /^(?:\s|$)/u.test(analysis.text.slice(mark.index + 1, mark.index + 2)) ? '' : 'opening ';
        opens.push(
          context.keep({
            flat,
            from: mark.index,
            to: mark.index + 1,
            message: `Unmatched ${role}quotation mark \`${mark.char}\``,
            actual: mark.char,
          }),
        );
      }
      const closes = analysis.unmatchedClose.map((mark) =>
        context.keep({
          flat,
          from: mark.index,
          to: mark.index + 1,
          message: `Unmatched closing quotation mark \`${mark.char}\``,
          actual: mark.char,
        }),
      );
      if (opens.length > 0) balance.opens = opens;
      if (closes.length > 0) balance.closes = closes;
      // Apostrophes only: nothing to keep (`lint` holds a summary per paragraph until `end`).
      if (!balance.opens && !balance.closes && balance.ends.open === undefined && !balance.ends.start) return NO_MARKS;
      return balance;
    },
    end(summaries, context) {
      // A paragraph waits for the next one to know whether its quotation continues; so does a chain of
      // paragraphs that continue only if the last one does.
      let last: { balance: Balance; at: number } | undefined;
      let chain: Array<{ balance: Balance; at: number }> = [];
      const settle = (continues: boolean) => {
        const waiting = last ? [...chain, last] : chain;
        if (!continues)
          for (const { balance, at } of waiting)
            for (const open of balance.opens ?? []) context.report(placed(open, at));
        chain = [];
        last = undefined;
      };
      summaries.list.forEach((balance, index) => {
        const at = summaries.at[index];
        for (const close of balance.closes ?? []) context.report(placed(close, at));
        if (last) {
          const link = continuationBetween(last.balance.ends, balance.ends);
          if (link === 'if-next-continues') chain.push(last);
          else settle(link === 'continues');
        }
        last = { balance, at };
      });
      settle(false);
    },
  },
);
