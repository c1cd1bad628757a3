/**
 * ## unbalanced-brackets
 *
 * Finds a `(`, `[` or `{` that nothing closes, and a `)`, `]` or `}` that
 * nothing opened, within one paragraph. MT drops one half of a pair when it
 * moves or shortens a parenthetical.
 *
 * Not flagged: list markers (`a)`, `2)`, `iv)`, `b.)`) and emoticons
 * (`:)`, `;-)`, `:(`, `=]`), which use a bracket without a partner, and
 * half-open intervals (`[0, 1)`). Quotation marks are the `quote-balance`
 * rule's business. A parenthesis that spans paragraphs is reported in both;
 * that is rare in news text and usually a mistake too.
 *
 * No automatic fix: where the missing half belongs is a judgement.
 *
 * Opt-in: on the dev set it fires 4.7 times per 10,000 words of clean human
 * reference translations (biomedical abstracts whose segmentation splits a
 * parenthesis across segments), over the 1 per 10,000 words that the
 * recommended preset allows.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 81 findings on the dev MT output, rater precision 23.5 %, audited precision 69.1 % (0 unmatched unread); 1.90 false alarms per 10,000 words of clean English (10 findings, 2 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The groups (Viasna and BAJ [Belarusian Association of Journalists]) left :)
 *   Options: a) stay, b) go, or 3) wait; the interval [0, 1) is open ;-)
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The group (Viasna said so. Then it left) and came back].
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:55-1:56: Unmatched `]`: nothing opens it in this paragraph
 *
 * @example {"name": "not-ok-open.txt", "label": "input"}
 *   The talks (held in Sochi were about loans.
 *
 *   Nothing (here) is wrong.
 *
 * @example {"name": "not-ok-open.txt", "label": "output"}
 *   1:11-1:12: Unmatched `(`: nothing closes it in this paragraph
 *
 * @example {"name": "ok.md"}
 *   See [the report](https://example.org/a_(b)) and `f(x` in code.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *group* said so (again.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:21-1:22: Unmatched `(`: nothing closes it in this paragraph
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  BRACKET_PAIRS,
  isClosingBracket,
  isDigit,
  isInlineSpace,
  isLetter,
  isLineBreak,
  isOpeningBracket,
  isTechnicalToken,
  tokenAround,
} from '../text/punctuation.js';

const OPENER_OF: Readonly<Record<string, string>> = Object.freeze({ ')': '(', ']': '[', '}': '{' });

export default defineRule(
  {
    id: 'unbalanced-brackets',
    description: 'A `(` `[` `{` that nothing closes, or a `)` `]` `}` that nothing opened, in a paragraph',
    category: 'punctuation',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      const text = flat.text;
      const stack: number[] = [];
      const open: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
      const unmatched: number[] = [];
      for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (isOpeningBracket(char)) {
          if (isEmoticonBracket(text, index)) continue;
          stack.push(index);
          open[char]++;
        } else if (isClosingBracket(char)) {
          if (isEmoticonBracket(text, index)) continue;
          const opener = OPENER_OF[char];
          const top = stack.length > 0 ? text[stack[stack.length - 1]] : undefined;
          if (top !== undefined && top !== opener && (top === '(' || top === '[') && (char === ')' || char === ']')) {
            // `[0, 1)` or `(0, 1]`: a half-open interval.
            if (isInterval(text, stack[stack.length - 1], index)) {
              open[top]--;
              stack.pop();
              continue;
            }
          }
          if (open[opener] === 0) {
            if (!isListMarker(text, index)) unmatched.push(index);
            continue;
          }
          // Close the nearest opener of this kind; anything opened after it was never closed.
          for (;;) {
            const at = stack.pop() as number;
            open[text[at]]--;
            if (text[at] === opener) break;
            unmatched.push(at);
          }
        }
      }
      unmatched.push(...stack);
      unmatched.sort((a, b) => a - b);
      for (const at of unmatched) {
        if (isTechnicalToken(tokenAround(text, at).token)) continue;
        const char = text[at];
        const message = isOpeningBracket(char)
          ? `Unmatched \`${char}\`: nothing closes it in this paragraph`
          : `Unmatched \`${char}\`: nothing opens it in this paragraph`;
        context.report({
          flat,
          from: at,
          to: at + 1,
          message,
          actual: char,
          expected: [isOpeningBracket(char) ? `${char}…${BRACKET_PAIRS[char]}` : `${OPENER_OF[char]}…${char}`],
        });
      }
    }
  },
);

/** `:)`, `:-(`, `;)`, `=]`, `:'(`; a bracket right after the eyes is a mouth. */
function isEmoticonBracket(text: string, index: number): boolean {
  let eyes = index - 1;
  if (text[eyes] === '-' || text[eyes] === "'" || text[eyes] === '^') eyes--;
  const char = text[eyes];
  if (char !== ':' && char !== ';' && char !== '=') return false;
  // `f(x):(y)` is not an emoticon; eyes need a space or start before them.
  const before = text[eyes - 1];
  return before === undefined || isInlineSpace(before) || isLineBreak(before) || isClosingBracket(before);
}

/** `a)`, `2)`, `iv)`, `b.)` after a start, a space or an opening mark. */
function isListMarker(text: string, index: number): boolean {
  if (text[index] !== ')') return false;
  let start = index;
  if (text[start - 1] === '.') start--;
  let count = 0;
  while (start > 0 && count < 4 && (isLetter(text[start - 1]) || isDigit(text[start - 1]))) {
    start--;
    count++;
  }
  if (count === 0) return false;
  const marker = text.slice(start, index).replace('.', '');
  const markerLike = /^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})$/.test(marker);
  const before = text[start - 1];
  return markerLike && (before === undefined || isInlineSpace(before) || isLineBreak(before) || before === '(');
}

/** The text between `[`/`(` and the other closer is `number, number` (half-open interval). */
function isInterval(text: string, from: number, to: number): boolean {
  if (to - from > 40) return false;
  return /^\s*[-+]?[\d.∞]+\s*[,;]\s*[-+]?[\d.∞]+\s*$/.test(text.slice(from + 1, to));
}
