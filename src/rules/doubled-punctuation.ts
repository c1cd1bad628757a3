/**
 * ## doubled-punctuation
 *
 * Finds punctuation marks that MT doubled or stacked: `girlfriend. . The`,
 * `,,`, `,.`, `.,`, `;.`, `:,`, `?.`, `!!`, also across spaces and a closing
 * quotation mark (`said so.” .`). Such stacks appear when a system emits the
 * source sentence's mark and then its own.
 *
 * Not flagged, because they are correct: an ellipsis (`...`, `. . .`, `…`,
 * also with a full stop: `....`), `?!` and `!?`, and an abbreviation's full
 * stop followed by a comma, semicolon, colon, question or exclamation mark
 * (`the U.S., Canada`, `etc.;`, `e.g.,`, `pears, etc.?`). An abbreviation that ends a sentence takes one full
 * stop, so `in the U.S..` is flagged. Marks inside URLs, paths and ranges
 * (`../`, `1..10`, `std::`) are left alone.
 *
 * Fix: keep one mark (and an abbreviation's own full stop: `e.g.,,` →
 * `e.g.,`). A full stop wins over a comma or colon when a capital
 * letter or the end of the paragraph follows (`word., The` → `word. The`), the
 * comma wins when the sentence goes on in lower case (`word., and` →
 * `word, and`); a question or exclamation mark always wins over a full stop.
 *
 * @example {"name": "ok.txt"}
 *   He waited... and then left. Really?! The U.S., Canada and the U.K. replied.
 *   Items 1..10 are listed, e.g., in the annex; see ../notes. . . . And so on…
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Roman Pratasevich and his girlfriend. . The latest sanctions,, hurt.
 *   It said so.” . Then it left., and came back in the U.S.. Why?.
 *   Some drugs (e.g.,, misoprostol) help.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:37-1:40: Unexpected `. .`, expected `.`
 *   1:61-1:63: Unexpected `,,`, expected `,`
 *   2:11-2:15: Unexpected `.” .`, expected `.”`
 *   2:28-2:30: Unexpected `.,`, expected `,`
 *   2:55-2:57: Unexpected `..`, expected `.`
 *   2:61-2:63: Unexpected `?.`, expected `?`
 *   3:16-3:19: Unexpected `.,,`, expected `.,`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Roman Pratasevich and his girlfriend. The latest sanctions, hurt.
 *   It said so.” Then it left, and came back in the U.S. Why?
 *   Some drugs (e.g., misoprostol) help.
 *
 * @example {"name": "ok.md"}
 *   See the [list](https://example.org/a..b) and `a.,b` in code.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *group* said so,. Then **it** left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:20-1:22: Unexpected `,.`, expected `.`
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  endsAbbreviation,
  isClosingQuote,
  isDigit,
  isInlineSpace,
  isLower,
  isTechnicalToken,
  isWordChar,
  tokenAround,
} from '../text/punctuation.js';

/** The characters `isStackMark` accepts. */
const STACK_MARK = /[.,;:!?…]/g;

function isStackMark(char: string | undefined): boolean {
  return char === '.' || char === ',' || char === ';' || char === ':' || char === '!' || char === '?' || char === '…';
}

interface Run {
  from: number;
  to: number;
  /** Offsets of the marks in the run. */
  marks: number[];
  /** Offset of the closing quote inside the run, or -1. */
  quote: number;
  spaced: boolean;
}

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
      let index = 0;
      while (index < text.length) {
        // Jump to the next mark that can stack (most characters are none).
        STACK_MARK.lastIndex = index;
        const found = STACK_MARK.exec(text);
        if (!found) break;
        const run = readRun(text, found.index);
        index = run.to;
        if (run.marks.length < 2 || isAllowed(text, run)) continue;
        const actual = text.slice(run.from, run.to);
        const expected = expectedFor(text, run);
        const start = flat.startAt(run.from);
        const end = flat.endAt(run.to);
        context.report({
          start,
          end,
          message: `Unexpected \`${actual}\`, expected \`${expected}\``,
          actual,
          expected: [expected],
          fix: flat.isDirect(run.from, run.to) ? { range: [start, end], text: expected } : undefined,
        });
      }
    }
  },
);

/** Reads marks separated by nothing, inline spaces or one closing quote; linear in what it consumes. */
function readRun(text: string, from: number): Run {
  const marks = [from];
  let quote = -1;
  let spaced = false;
  let to = from + 1;
  for (;;) {
    let next = to;
    let sawSpace = false;
    while (isInlineSpace(text[next])) {
      next++;
      sawSpace = true;
    }
    let quoteAt = -1;
    if (quote < 0 && isClosingQuote(text[next]) && text[next] !== "'" && marks.length > 0) {
      quoteAt = next;
      next++;
      while (isInlineSpace(text[next])) {
        next++;
        sawSpace = true;
      }
    }
    if (!isStackMark(text[next])) break;
    if (quoteAt >= 0) quote = quoteAt;
    if (sawSpace) spaced = true;
    marks.push(next);
    to = next + 1;
  }
  return { from, to, marks, quote, spaced };
}

function isAllowed(text: string, run: Run): boolean {
  const marks = run.marks.map((at) => text[at]);
  const joined = marks.join('');
  // Ellipses: `...`, `....`, `. . .`, `…`, and anything next to one.
  if (joined.includes('…') || joined.includes('...')) return true;
  // `?!`, `!?`, `?!?`: an interrobang written out.
  if (/^[!?]+$/.test(joined) && joined.includes('!') && joined.includes('?')) return true;
  const first = run.marks[0];
  const second = run.marks[1];
  // `e.g. ,`: a stray space after an abbreviation (`space-before-punctuation` reports it).
  if (run.marks.length === 2 && run.quote < 0 && text[first] === '.' && /[,;:]/.test(text[second])) {
    if (endsAbbreviation(text, first)) return true;
  }
  if (run.marks.length === 2 && !run.spaced && run.quote < 0) {
    const a = text[first];
    const b = text[second];
    // An abbreviation's full stop before `,` `;` `:` (`U.S.,`, `etc.;`).
    if (a === '.' && (b === ',' || b === ';' || b === ':' || b === '?' || b === '!') && endsAbbreviation(text, first))
      return true;
    // Ranges, paths, code and numbers: `1..10`, `../`, `std::vector`, `a.,b` inside a token.
    if (isWordChar(text[second + 1]) || text[second + 1] === '/' || text[second + 1] === '\\') {
      if (isDigit(text[first - 1]) || a === ':' || isTechnicalToken(tokenAround(text, first).token)) return true;
      if (a === '.' && b === '.') return true;
    }
    if (isTechnicalToken(tokenAround(text, first).token)) return true;
  }
  return false;
}

/** The mark to keep, with the closing quote kept where it was. */
function expectedFor(text: string, run: Run): string {
  const marks = run.marks.map((at) => text[at]);
  let keepIndex = marks.findIndex((mark) => mark === '?' || mark === '!');
  if (keepIndex < 0) {
    const stop = marks.indexOf('.');
    const other = marks.findIndex((mark) => mark !== '.');
    if (stop >= 0 && other >= 0) {
      let after = run.to;
      while (isInlineSpace(text[after]) || isClosingQuote(text[after])) after++;
      const goesOn = isLower(text[after]) || isDigit(text[after]);
      keepIndex = goesOn ? other : stop;
    } else keepIndex = 0;
  }
  let keep = marks[keepIndex];
  // An abbreviation keeps its own full stop: `e.g.,,` → `e.g.,`, `U.S..` → `U.S.`.
  if (marks[0] === '.' && keep !== '.' && run.quote < 0 && endsAbbreviation(text, run.marks[0])) keep = `.${keep}`;
  if (run.quote < 0) return keep;
  const quote = text[run.quote];
  return run.marks[keepIndex] < run.quote ? `${keep}${quote}` : `${quote}${keep}`;
}
