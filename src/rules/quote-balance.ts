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
import { blockKind } from '../nlcst/walk.js';
import { defineDocumentRule, type FlatReport, type RuleContext } from '../shared/rule.js';
import { continuation, type ParagraphQuotes, type QuoteAnalysis, quotesOf } from '../text/quotes.js';

/** A paragraph whose unclosed opening marks are reported unless its quotation continues in the next paragraph. */
interface Unsettled {
  analysis: QuoteAnalysis;
  opens: FlatReport[];
}

/**
 * Whether a paragraph's quotation continues depends on the next paragraph,
 * which may be in the next chunk: the last paragraph seen waits for its
 * successor, and so does a chain of paragraphs that continue only if it does.
 */
interface State {
  last?: Unsettled;
  /** Paragraphs before `last` that continue if, and only if, it does. */
  chain: Unsettled[];
}

export default defineDocumentRule<object, State>(
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
    state: () => ({ chain: [] }),
    chunk(tree, context, _options, state) {
      const { paragraphs, flats, analyses } = quotesOf(tree, context.language);
      analyses.forEach((analysis, index) => {
        const flat = flats[index];
        const reported = blockKind(paragraphs[index]) !== 'tableCell';
        const original = beforeContinuation(analysis);
        const opens: FlatReport[] = [];
        for (const mark of reported ? original.unmatchedOpen : []) {
          // A mark before a space or at the end opens nothing: it may be a closing mark cut off its quotation.
          const role = /^(?:\s|$)/u.test(analysis.text.slice(mark.index + 1, mark.index + 2)) ? '' : 'opening ';
          opens.push({
            flat,
            from: mark.index,
            to: mark.index + 1,
            message: `Unmatched ${role}quotation mark \`${mark.char}\``,
            actual: mark.char,
          });
        }
        for (const mark of reported ? analysis.unmatchedClose : []) {
          context.report({
            flat,
            from: mark.index,
            to: mark.index + 1,
            message: `Unmatched closing quotation mark \`${mark.char}\``,
            actual: mark.char,
          });
        }
        if (state.last) {
          const link = continuation(state.last.analysis, original);
          if (link === 'if-next-continues') state.chain.push(state.last);
          else settle(state, link === 'continues', context);
        }
        state.last = { analysis: original, opens };
      });
    },
    end(context, _options, state) {
      settle(state, false, context);
    },
  },
);

/** The paragraph's own analysis: `quotesOf` already moved an opener continued within the chunk to `continued`. */
function beforeContinuation(analysis: ParagraphQuotes): QuoteAnalysis {
  return analysis.continued.length > 0 ? { ...analysis, unmatchedOpen: analysis.continued } : analysis;
}

/** Decides the waiting paragraphs: their unclosed openers are fine if the quotation continues, else reported. */
function settle(state: State, continues: boolean, context: RuleContext): void {
  const waiting = state.last ? [...state.chain, state.last] : state.chain;
  if (!continues) for (const paragraph of waiting) for (const open of paragraph.opens) context.report(open);
  state.chain = [];
  state.last = undefined;
}
