/**
 * ## missing-space-after-punctuation
 *
 * Finds a sentence or clause mark glued to the next word: `word.Next`,
 * `word,next`, `word;next`, `word?Next`, also after a closing quotation mark
 * (`said.”Next`). MT systems and careless joins of segments leave these.
 *
 * Deliberately not flagged: decimals and thousands (`3.5`, `1,500`), times
 * and ratios (`10:30`, `3:1`), URLs, e-mail addresses, paths and handles
 * (`https://x.org/a,b`, `info@tut.by`), domain names and file names
 * (`Tut.by`, `report.pdf`, `ASP.NET`), initialisms and their inner full stops
 * (`U.S.`, `e.g.`, `a.m.`, `J.K.`), chemical and gene names with digits or
 * single letters (`2,3-diol`, `N,N-dimethyl`), and a colon before a word
 * (`Note:see`, `Re:Invent` are too often names or labels). A full stop is
 * only flagged before a capitalised word (`word.next` is a domain or a file
 * far more often than a missing space).
 *
 * Fix: insert a space after the mark (after the closing quote when there is
 * one).
 *
 * On the dev set the raters marked 34 of its 40 findings; the other 6 are
 * real missing spaces they let pass (`male;Parental`, `In this paper,the`,
 * marked in the same text from other systems).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 40 findings on the dev MT output, rater precision 85.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (1 findings, 1 audited real).
 *
 * @example {"name": "ok.txt"}
 *   It rose 3.5% to 1,500 at 10:30, says Tut.by (info@tut.by, https://tut.by/a,b).
 *   The U.S. and e.g. J.K. Rowling use ASP.NET and report.pdf; N,N-dimethyl too.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The police left.Then the group,which was raided,said so;again.
 *   Why?Because he said “no.”Then left.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:16-1:17: Missing space after `.`
 *   1:31-1:32: Missing space after `,`
 *   1:48-1:49: Missing space after `,`
 *   1:56-1:57: Missing space after `;`
 *   2:4-2:5: Missing space after `?`
 *   2:24-2:26: Missing space after `.”`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The police left. Then the group, which was raided, said so; again.
 *   Why? Because he said “no.” Then left.
 *
 * @example {"name": "ok.md"}
 *   Visit [Tut.by](https://tut.by) or run `a.Next,b` in code.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *police* left.Then **they** came back,again.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:18-1:19: Missing space after `.`
 *   1:42-1:43: Missing space after `,`
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   The *police* left. Then **they** came back, again.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  endsAbbreviation,
  isClosingQuote,
  isDigit,
  isLetter,
  isLower,
  isTechnicalToken,
  isUpper,
  tokenAround,
} from '../text/punctuation.js';

export default defineRule(
  {
    id: 'missing-space-after-punctuation',
    description: 'No space after `.` `,` `;` `?` `!` before the next word, as in `word.Next`',
    category: 'punctuation',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      const text = flat.text;
      for (let index = 1; index < text.length - 1; index++) {
        const mark = text[index];
        if (mark !== '.' && mark !== ',' && mark !== ';' && mark !== '?' && mark !== '!') continue;
        let next = index + 1;
        // `.”Next`: the quote closes, then the space is missing.
        if (isClosingQuote(text[next]) && text[next] !== "'" && text[next] !== '"') next++;
        if (!isMissingSpace(text, index, next)) continue;
        const actual = text.slice(index, next);
        context.report({
          flat,
          from: index,
          to: next,
          message: `Missing space after \`${actual}\``,
          actual,
          expected: [`${actual} `],
          fix: `${actual} `,
        });
      }
    }
  },
);

function isMissingSpace(text: string, index: number, next: number): boolean {
  const mark = text[index];
  const before = text[index - 1];
  const after = text[next];
  if (!isLetter(after)) return false;
  // The word before the mark: letters (a number may end a sentence only before `.`).
  const wordBefore = wordEndingAt(text, index);
  if (mark === '.') {
    // `word.Next` with a capital and a lower-case letter after it.
    if (!isUpper(after) || !isLower(text[next + 1])) return false;
    if (!(isLetter(before) || isDigit(before) || before === ')' || before === '%')) return false;
    if (isLetter(before) && wordBefore.length < 2) return false; // `J.K.Rowling`, `U.S.The`
    if (endsAbbreviation(text, index) && /^\p{Lu}/u.test(wordBefore) && wordBefore.length <= 3) return false;
  } else {
    // `,` `;` `?` `!` between two words of two letters or more.
    if (!isLetter(before) || wordBefore.length < 2) return false;
    if (wordStartingAt(text, next).length < 2) return false;
    if (mark === '!' && !isUpper(after)) return false; // `Yahoo!news`-style names
  }
  const token = tokenAround(text, index).token;
  if (isTechnicalToken(token)) return false;
  // Domains and file names: `Tut.by`, `Booking.com`, `ASP.NET`: the part after the dot is not a word.
  if (mark === '.') {
    const word = wordStartingAt(text, next);
    if (hasDigitOrInnerCapital(word)) return false;
    // A dotted name goes on after the word: `file.Name.txt`, `Example.Com.au`.
    const end = next + word.length;
    if (text[end] === '.' && /\p{L}/u.test(text[end + 1] ?? '')) return false;
  }
  // A word with digits before the mark is a code or a formula (`IL-6,IL-8`, `H2O,CO2`).
  if (/\d/.test(wordBefore) && mark !== '.') return false;
  return true;
}

/** Letters and digits right before `index` (bounded). */
function wordEndingAt(text: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 64 && (isLetter(text[start - 1]) || isDigit(text[start - 1]))) start--;
  return text.slice(start, index);
}

/** Letters and digits from `index` on (bounded). */
function wordStartingAt(text: string, index: number): string {
  let end = index;
  while (end < text.length && end - index < 64 && (isLetter(text[end]) || isDigit(text[end]))) end++;
  return text.slice(index, end);
}

function hasDigitOrInnerCapital(word: string): boolean {
  for (let index = 1; index < word.length; index++) if (isDigit(word[index]) || isUpper(word[index])) return true;
  return isDigit(word[0]);
}
