/**
 * ## space-before-punctuation
 *
 * Finds white space before a mark that attaches to the word before it
 * (`word ,`, `word .`, `word ;`, `word :`, `word ?`, `word )`) and after an
 * opening bracket (`( word`), as MT systems that translate token by token
 * leave them. A mark followed by a word (`word ,next`) has its space on the
 * wrong side.
 *
 * Not flagged: a spaced ellipsis (`word ...`, `word . . .`), a mark that
 * starts a token (`.NET`, `.5`, `:30`), emoticons (`:)`, `;-)`, `:(`),
 * empty brackets, and in French documents the space before `: ; ! ?` that
 * French typography requires. A space after an opening quotation mark is
 * the `quote-style` rule's business.
 *
 * On the dev set the raters marked 10 of its 28 findings; the audit read the
 * other 18 and found them real but one: `( odds ratio` in one abstract and
 * its two human translations, `e.g. ,`, `etc. ,`, `colors" ,`. Its findings
 * on clean English are spaces native writers left too (`unusual , by`).
 *
 * Fix: remove the space, or move it after the mark (`word ,next` →
 * `word, next`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 28 findings on the dev MT output, rater precision 35.7 %, audited precision 96.4 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (6 findings, 6 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The group (Viasna) said so; then: nothing. A dash – like this – is fine.
 *   Wait ... or . . . like that :) or sad :( at 10:30 on .NET with .5 g.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The group ( Viasna ) said so , then left .
 *   Why ? Because of this ;and that . Drugs (e.g. , aspirin) help.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:12-1:13: Unexpected space after `(`
 *   1:19-1:20: Unexpected space before `)`
 *   1:29-1:30: Unexpected space before `,`
 *   1:41-1:42: Unexpected space before `.`
 *   2:4-2:5: Unexpected space before `?`
 *   2:22-2:23: Unexpected space before `;`
 *   2:32-2:33: Unexpected space before `.`
 *   2:46-2:47: Unexpected space before `,`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The group (Viasna) said so, then left.
 *   Why? Because of this; and that. Drugs (e.g., aspirin) help.
 *
 * @example {"name": "ok.md"}
 *   Install it with `npm i -g mtlint ;` and run **mtlint**.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *group* said so , then left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:20-1:21: Unexpected space before `,`
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   The *group* said so, then left.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RuleContext } from '../shared/rule.js';
import {
  emoticonAt,
  endsAbbreviation,
  isClosingBracket,
  isClosingQuote,
  isDigit,
  isInlineSpace,
  isLetter,
  isOpeningBracket,
  isTerminal,
  isWordChar,
  reversedEmoticonAt,
} from '../text/punctuation.js';

/** Languages whose typography puts a space before `: ; ! ?`. */
const SPACED_HIGH_MARKS = new Set(['fr', 'br']);

export default defineRule(
  {
    id: 'space-before-punctuation',
    description: 'White space before `,` `.` `;` `:` `!` `?` `)` or after `(`',
    category: 'punctuation',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    const frenchSpacing = SPACED_HIGH_MARKS.has(context.language);
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      const text = flat.text;
      let index = 0;
      while (index < text.length) {
        // Jump to the next place that can matter; every other character only moves the scan on.
        CANDIDATE.lastIndex = index;
        const found = CANDIDATE.exec(text);
        if (!found) break;
        index = found.index;
        const char = text[index];
        if (isOpeningBracket(char) && isInlineSpace(text[index + 1])) {
          let end = index + 1;
          while (isInlineSpace(text[end])) end++;
          if (isWordChar(text[end]) && !isEmoticonMouth(text, index)) {
            report(context, flat, index + 1, end, `Unexpected space after \`${char}\``, '');
          }
          index = end;
          continue;
        }
        if (!isInlineSpace(char)) {
          index++;
          continue;
        }
        const from = index;
        let end = index;
        while (isInlineSpace(text[end])) end++;
        index = end;
        const mark = text[end];
        const before = text[from - 1];
        if (!attachesBefore(text, end, frenchSpacing)) continue;
        const afterAbbreviation =
          before === '.' && mark !== '.' && !isClosingBracket(mark) && endsAbbreviation(text, from - 1);
        if (
          !(
            isWordChar(before) ||
            isClosingQuote(before) ||
            isClosingBracket(before) ||
            before === '%' ||
            afterAbbreviation
          )
        ) {
          // `( )` or `word . )`: only a closing bracket after a terminal mark counts.
          if (!(isClosingBracket(mark) && isTerminal(before))) continue;
        }
        const after = text[end + 1];
        if ((mark === ',' || mark === ';') && isLetter(after)) {
          report(context, flat, from, end, `Unexpected space before \`${mark}\``, `${mark} `, end + 1);
        } else {
          report(context, flat, from, end, `Unexpected space before \`${mark}\``, '');
        }
      }
    }
  },
);

/**
 * Where the scan has something to check: an opening bracket before inline
 * space, or inline space before a mark `attachesBefore` can accept. Inline
 * space before anything else is skipped whole, as the scan would. A run is
 * tried from its first character only (the lookbehind), which keeps the search
 * linear on long runs of spaces.
 */
const CANDIDATE = /[([{][ \t\u00a0\u202f]|(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]+[,;.:!?)\]]/g;

/** True when the mark at `index` belongs to the word before it. */

function attachesBefore(text: string, index: number, frenchSpacing: boolean): boolean {
  const mark = text[index];
  const after = text[index + 1];
  switch (mark) {
    case ',':
    case ';':
      if (mark === ';' && emoticonAt(text, index) > 0) return false;
      return !isDigit(after);
    case '.':
      // `.NET`, `.5`, ` ...`, ` . . .`
      if (isWordChar(after) || after === '.' || after === '…') return false;
      if (after === ' ' && text[index + 2] === '.' && text[index + 3] === ' ' && text[index + 4] === '.') return false;
      return true;
    case ':':
      if (frenchSpacing || emoticonAt(text, index) > 0) return false;
      return !isWordChar(after);
    case '!':
    case '?':
      return !frenchSpacing;
    case ')':
    case ']':
      return !(reversedEmoticonAt(text, index) > 0 || text[index - 1] === ':');
    default:
      return false;
  }
}

/** `:(` or `;(` — the bracket is an emoticon's mouth. */
function isEmoticonMouth(text: string, index: number): boolean {
  const before = text[index - 1] === '-' ? text[index - 2] : text[index - 1];
  return before === ':' || before === ';' || before === '=';
}

function report(
  context: RuleContext,
  flat: ReturnType<typeof flatten>,
  from: number,
  to: number,
  message: string,
  replacement: string,
  fixTo = to,
): void {
  context.report({
    flat,
    from,
    to,
    message,
    actual: flat.text.slice(from, to),
    expected: [replacement],
    fix: { to: fixTo, text: replacement },
  });
}
