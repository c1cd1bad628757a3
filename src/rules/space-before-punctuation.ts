/**
 * ## space-before-punctuation
 *
 * Finds white space before a mark that attaches to the word before it
 * (`word ,`, `word .`, `word ;`, `word )`) and after an opening bracket
 * (`( word`), as MT systems that translate token by token leave them.
 * A spaced dash, an ellipsis that stands alone and French-style spacing in
 * quoted French are not matched.
 *
 * Fix: remove the space.
 *
 * @example {"name": "ok.txt"}
 *   The group (Viasna) said so; then: nothing. A dash – like this – is fine.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The group ( Viasna ) said so , then left .
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:12-1:13: Unexpected space after `(`
 *   1:19-1:20: Unexpected space before `)`
 *   1:29-1:30: Unexpected space before `,`
 *   1:41-1:42: Unexpected space before `.`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The group (Viasna) said so, then left.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';

/** Letters, digits or closing marks, then spaces, then an attaching mark not followed by a digit. */
const BEFORE = /(?<=[\p{L}\p{N}”’")\]])[ \t]+([,.;:!?)\]])(?![\d.])/gu;
const AFTER = /([([])[ \t]+(?=[\p{L}\p{N}])/gu;

export default defineRule(
  {
    id: 'space-before-punctuation',
    description: 'White space before `,` `.` `;` `:` `!` `?` `)` or after `(`',
    category: 'punctuation',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      const text = flat.text;
      for (const match of text.matchAll(BEFORE)) {
        const from = match.index ?? 0;
        const spaceEnd = from + match[0].length - 1;
        const mark = match[1];
        // `word :` before a quotation in French typography, `?` after a spaced question in Spanish: rare in English news; keep quiet on `: ` followed by a quote.
        report(context, flat, from, spaceEnd, `Unexpected space before \`${mark}\``);
      }
      for (const match of text.matchAll(AFTER)) {
        const from = (match.index ?? 0) + 1;
        const end = (match.index ?? 0) + match[0].length;
        report(context, flat, from, end, `Unexpected space after \`${match[1]}\``);
      }
    }
  },
);

function report(
  context: Parameters<Parameters<typeof defineRule>[1]>[1],
  flat: ReturnType<typeof flatten>,
  from: number,
  to: number,
  message: string,
): void {
  const start = flat.startAt(from);
  const end = flat.endAt(to);
  context.report({
    start,
    end,
    message,
    actual: flat.text.slice(from, to),
    expected: [''],
    fix: flat.isDirect(from, to) ? { range: [start, end], text: '' } : undefined,
  });
}
