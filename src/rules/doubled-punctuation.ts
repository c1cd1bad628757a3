/**
 * ## doubled-punctuation
 *
 * Finds punctuation marks that MT doubled or stacked: `girlfriend. . The`,
 * `,,`, `,.`, `.,`, `;.`, `:,`, also across a space or a closing quote.
 * An ellipsis (`...`, `…`), `?!`/`!?` and an abbreviation's full stop
 * followed by another mark (`U.S.,`) are correct and left alone.
 *
 * Fix: keep the first mark (the stronger one when a comma meets a full stop).
 *
 * @example {"name": "ok.txt"}
 *   He waited... and then left. Really?! The U.S. replied, and so did the U.K.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Roman Pratasevich and his girlfriend. . The latest sanctions,, hurt.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:37-1:40: Unexpected `. .`, expected `.`
 *   1:61-1:63: Unexpected `,,`, expected `,`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Roman Pratasevich and his girlfriend. The latest sanctions, hurt.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';

/** Two or more of `.,;:` with optional spaces or quotes between, or `!!`/`??`. */
const STACK = /[.,;:](?:[ \t]*(?:["”’][ \t]*)?[.,;:])+|[!?]{3,}|!!|\?\?/g;

export default defineRule(
  {
    id: 'doubled-punctuation',
    description: 'Doubled or stacked punctuation such as `. .`, `,,` or `,.`',
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
      STACK.lastIndex = 0;
      for (const match of text.matchAll(STACK)) {
        const from = match.index ?? 0;
        const actual = match[0];
        if (isAllowed(text, from, actual)) continue;
        const expected = expectedFor(actual);
        const start = flat.startAt(from);
        const end = flat.endAt(from + actual.length);
        context.report({
          start,
          end,
          message: `Unexpected \`${actual}\`, expected \`${expected}\``,
          actual,
          expected: [expected],
          fix: flat.isDirect(from, from + actual.length) ? { range: [start, end], text: expected } : undefined,
        });
      }
    }
  },
);

function isAllowed(text: string, from: number, actual: string): boolean {
  const compact = actual.replace(/[ \t]/g, '');
  // An ellipsis written with full stops.
  if (/^\.{3,}$/.test(actual)) return true;
  if (/^[.]+$/.test(compact) && /\.\.\./.test(actual)) return true;
  // An abbreviation's full stop followed by a comma, colon or semicolon: `U.S.,`, `etc.;`.
  if (/^\.[,;:]$/.test(compact) && endsAbbreviation(text, from)) return true;
  return false;
}

/** True when the full stop at `index` closes an abbreviation (`U.S.`, `etc.`, `a.m.`). */
function endsAbbreviation(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  return /(?:\b(?:[A-Za-z]\.){1,6}[A-Za-z]|\b(?:etc|Inc|Ltd|Co|Corp|Jr|Sr|vs|approx|e\.g|i\.e|a\.m|p\.m|No|St|Mr|Mrs|Ms|Dr|Prof))$/.test(
    before,
  );
}

/** The mark to keep: a full stop beats a comma, otherwise the first mark. */
function expectedFor(actual: string): string {
  const marks = actual.replace(/[\s"”’]/g, '');
  const quote = /["”’]/.exec(actual)?.[0] ?? '';
  let keep = marks[0];
  if (marks.includes('.') && /[,;:]/.test(keep)) keep = '.';
  if (/^[!?]+$/.test(marks)) keep = marks[0];
  // A closing quote between the marks stays after the kept mark.
  return quote ? `${keep}${quote}` : keep;
}
