/**
 * ## stray-punctuation
 *
 * Finds a comma, semicolon, colon or full stop that belongs to nothing: at
 * the start of a paragraph (`, The police`), right after an opening bracket
 * or quotation mark (`(, which`, `“. We`), or alone between spaces after a
 * dash or another bracket (`— , the`). MT leaves these when it drops the
 * word the mark belonged to or moves a clause.
 *
 * Not flagged: an ellipsis (`...and then`, `(...)`), a leading decimal
 * (`.5`), a file extension or a name with a dot (`.NET`), emoticons (`(:`),
 * and marks after a word (that is `space-before-punctuation`) or after
 * another mark (that is `doubled-punctuation`).
 *
 * Fix: remove the mark and the space after it, where the mark starts a
 * paragraph or follows an opening bracket or quote (nothing else can be
 * meant there). Which quotation marks open depends on the document's
 * language: `„` opens in German, where `“` closes (`„so“, sagte er` is
 * correct). A mark alone between spaces gets no automatic fix.
 *
 * @example {"name": "ok.txt"}
 *   ...and then (…) it fell by .5 points on .NET, “as expected.” (See below.)
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   , The police raided (, which was expected) the office.
 *
 *   “. We will not stop” — , said Viasna.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:2: Unexpected `,` at the start of the paragraph
 *   1:22-1:23: Unexpected `,` after `(`
 *   3:2-3:3: Unexpected `.` after `“`
 *   3:24-3:25: Unexpected `,` that belongs to no word
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The police raided (which was expected) the office.
 *
 *   “We will not stop” — , said Viasna.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   # Title
 *
 *   ; *The* police left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   3:1-3:2: Unexpected `;` at the start of the paragraph
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  emoticonAt,
  isInlineSpace,
  isLineBreak,
  isOpeningBracket,
  isOpeningQuoteIn,
  isWordChar,
} from '../text/punctuation.js';

function isStrayCandidate(char: string | undefined): boolean {
  return char === ',' || char === ';' || char === ':' || char === '.';
}

/** Dashes after which a lone mark belongs to nothing. */
function isDash(char: string | undefined): boolean {
  return char === '—' || char === '–' || char === '-';
}

export default defineRule(
  {
    id: 'stray-punctuation',
    description: 'A `,` `;` `:` or `.` that belongs to no word: at a paragraph start, after `(` or `“`, or alone',
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
      for (let index = 0; index < text.length; index++) {
        const mark = text[index];
        if (!isStrayCandidate(mark)) continue;
        if (!standsAlone(text, index)) continue;
        // Where is it? Look back over inline spaces.
        let back = index;
        while (back > 0 && isInlineSpace(text[back - 1])) back--;
        const before = text[back - 1];
        let message: string;
        let fixable = false;
        if (back === 0 || isLineBreak(before)) {
          if (back !== 0) continue; // a line of a hard-wrapped or listed paragraph: too ambiguous
          message = `Unexpected \`${mark}\` at the start of the paragraph`;
          fixable = true;
        } else if (isOpeningBracket(before) || isOpeningQuoteIn(before, context.language)) {
          if (emoticonAt(text, index) > 0) continue;
          message = `Unexpected \`${mark}\` after \`${before}\``;
          fixable = true;
        } else if (isDash(before) && back < index && isInlineSpace(text[index + 1])) {
          // `— , said`: alone between spaces after a dash (a hyphen needs a space before it too).
          if (before === '-' && !isInlineSpace(text[back - 2])) continue;
          message = `Unexpected \`${mark}\` that belongs to no word`;
        } else continue;
        let end = index + 1;
        while (isInlineSpace(text[end])) end++;
        const start = flat.startAt(index);
        const stop = flat.endAt(index + 1);
        const fixEnd = flat.endAt(end);
        context.report({
          start,
          end: stop,
          message,
          actual: mark,
          expected: [''],
          fix: fixable && flat.isDirect(index, end) ? { range: [start, fixEnd], text: '' } : undefined,
        });
      }
    }
  },
);

/** The mark is followed by a space or a word start, not by more marks (`...`) or a digit (`.5`). */
function standsAlone(text: string, index: number): boolean {
  const mark = text[index];
  const after = text[index + 1];
  if (after === undefined) return false;
  if (mark === '.' && (after === '.' || isWordChar(after))) return false;
  if (text[index - 1] === '.' || after === '.' || after === '…') return false;
  if (isWordChar(after)) return mark === ',' || mark === ';';
  return isInlineSpace(after) && isWordChar(text[index + 2]) === true
    ? true
    : isInlineSpace(after) && (text[index + 2] === '“' || text[index + 2] === '"' || text[index + 2] === '(');
}
