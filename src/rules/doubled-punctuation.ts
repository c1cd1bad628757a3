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
 * (`the U.S., Canada`, `etc.;`, `e.g.,`, `pears, etc.?`, `Portland, Ore., said`,
 * `ad us. vet., then`; the short forms are the `abbreviations` word list, and
 * a short lower-case word after another one with a full stop ends an
 * abbreviated phrase), and a name or title that ends in `!` before a comma
 * (`Yahoo!, the portal`, `"Hello, Dolly!," she sang`), and a word trailing off
 * into a question or exclamation with two full stops (`How..?`, `Kayel..?`:
 * informal writing and fiction, where `?` alone would drop the trailing off). A space between an
 * abbreviation and its comma (`vet. ,`) is `space-before-punctuation`'s, whose
 * fix keeps the full stop (`vet.,`). An abbreviation that ends a sentence takes one full
 * stop, so `in the U.S..` is flagged. In German, `?,` and `!,` are left alone:
 * German puts a comma after quoted speech even after a question or
 * exclamation mark (`„Warum?“, fragte er`). Marks inside URLs, paths and ranges
 * (`../`, `1..10`, `std::`) are left alone.
 *
 * Five to eight full stops in a row (`industry ......2023`) are the CJK
 * ellipsis `……` spelt in ASCII, not an English ellipsis: fixed to `...`
 * (longer runs and leaders before a page number, `Methods ...... 5`, are
 * left alone).
 * A doubled bracket (`SHARES ((600884.SH)`) is flagged when it leaves the
 * paragraph with one bracket too many; nested pairs (`((a) b)`, `[[wiki]]`)
 * and emoticons (`:((`) balance or are left alone. Two double quotation
 * marks side by side (`the goal of "" eliminating`, `Framework"" In`) are
 * flagged without a fix: MT lost the words between `“”`, or closed a quote
 * twice. An empty string shown as `("")` and code (`x=""`, `"""`) are not.
 *
 * Fix: keep one mark (and an abbreviation's own full stop: `e.g.,,` →
 * `e.g.,`). A full stop wins over a comma or colon when a capital
 * letter or the end of the paragraph follows (`word., The` → `word. The`), the
 * comma wins when the sentence goes on in lower case (`word., and` →
 * `word, and`); a question or exclamation mark always wins over a full stop.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 11 findings on the dev MT output, rater precision 100.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (1 findings, 1 audited real).
 *
 * @example {"name": "ok.txt"}
 *   He waited... and then left. Really?! The U.S., Canada and the U.K. replied.
 *   Items 1..10 are listed, e.g., in the annex; see ../notes. . . . And so on…
 *   Portland, Ore., said it was ad us. vet., then Yahoo!, the portal, and "Hello, Dolly!," she sang.
 *   How..? He saw a sighting..? Never..!
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
 * @example {"name": "ok-brackets.txt"}
 *   The ratio ((a + b) / c) is small [see [2]]. So sad :(( Wait.... No.
 *   An empty string ("") is falsy.
 *
 * @example {"name": "not-ok-cjk.txt", "label": "input"}
 *   The industry ......2023 began. Shares ((600884.SH) rose.
 *   The goal of "" eliminating hepatitis.
 *
 * @example {"name": "not-ok-cjk.txt", "label": "output"}
 *   1:14-1:20: Unexpected `......`, expected `...`
 *   1:39-1:41: Unexpected `((`, expected `(`
 *   2:13-2:15: Unexpected doubled quotation mark `""`
 *
 * @example {"name": "not-ok-cjk.txt", "label": "fixed"}
 *   The industry ...2023 began. Shares (600884.SH) rose.
 *   The goal of "" eliminating hepatitis.
 *
 * @example {"name": "ok.md"}
 *   See the [list](https://example.org/a..b) and `a.,b` in code.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *group* said so,. Then **it** left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:20-1:22: Unexpected `,.`, expected `.`
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   The *group* said so. Then **it** left.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  endsAbbreviation,
  isClosingQuote,
  isDigit,
  isInlineSpace,
  isLetter,
  isLower,
  isTechnicalToken,
  isUpper,
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
    scope: 'paragraph',
    fixable: true,
    needsTree: false,
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
        if (run.marks.length < 2 || isAllowed(text, run, context.language)) continue;
        const actual = text.slice(run.from, run.to);
        const expected = expectedFor(text, run);
        context.report({
          flat,
          from: run.from,
          to: run.to,
          message: `Unexpected \`${actual}\`, expected \`${expected}\``,
          actual,
          expected: [expected],
          fix: expected,
        });
      }
      for (const at of doubledBrackets(text)) {
        const actual = text.slice(at, at + 2);
        context.report({
          flat,
          from: at,
          to: at + 2,
          message: `Unexpected \`${actual}\`, expected \`${text[at]}\``,
          actual,
          expected: [text[at]],
          fix: text[at],
        });
      }
      for (const at of doubledQuotes(text)) {
        const actual = text.slice(at, at + 2);
        // Which one was meant (an opening, a closing, or both with the words lost) is not clear: no fix.
        context.report({
          flat,
          from: at,
          to: at + 2,
          message: `Unexpected doubled quotation mark \`${actual}\``,
          actual,
        });
      }
    }
  },
);

// redos-safe: fixed two-character alternatives.
const DOUBLED_BRACKET = /\(\(|\)\)|\[\[|\]\]/g;

/**
 * Offsets of `((`, `))`, `[[`, `]]` that leave the paragraph with one bracket
 * too many of that kind (`SHARES ((600884.SH)`). Nested pairs (`((a) b)`,
 * `[[wiki]]`) balance and are left alone, as are emoticons (`:((`).
 */
function doubledBrackets(text: string): number[] {
  const found: number[] = [];
  DOUBLED_BRACKET.lastIndex = 0;
  let counts: Record<string, number> | undefined;
  for (const match of text.matchAll(DOUBLED_BRACKET)) {
    const at = match.index ?? 0;
    const before = text[at - 1];
    if (before === ':' || before === ';' || before === '=' || before === '-' || before === text[at]) continue;
    if (text[at + 2] === text[at]) continue;
    counts ??= countBrackets(text);
    const opening = text[at] === '(' || text[at] === '[';
    const kind = text[at] === '(' || text[at] === ')' ? 'round' : 'square';
    const excess = counts[`${kind}Open`] - counts[`${kind}Close`];
    if (opening ? excess > 0 : excess < 0) found.push(at);
  }
  return found;
}

// redos-safe: one optional character, then one class repeated; no nesting.
const EMOTICON = /[:;=]-?[()[\]]+/g;

function isDoubleQuote(char: string | undefined): boolean {
  return char === '"' || char === '“' || char === '”' || char === '„';
}

/**
 * Offsets of two double quotation marks side by side (`the "" eliminating`,
 * `Framework"" In`): MT's rendering of `“”` with the words between lost, or a
 * quote closed twice. Not three or more (`"""` in code), not inside a
 * technical token (`x=""`), not an empty string shown in brackets (`("")`).
 */
function doubledQuotes(text: string): number[] {
  const found: number[] = [];
  for (let at = 0; at + 1 < text.length; at++) {
    if (!isDoubleQuote(text[at]) || !isDoubleQuote(text[at + 1])) continue;
    if (isDoubleQuote(text[at - 1]) || isDoubleQuote(text[at + 2])) continue;
    const before = text[at - 1];
    const after = text[at + 2];
    if ((before === '(' || before === '[') && (after === ')' || after === ']')) continue;
    if (before === '=' || isTechnicalToken(tokenAround(text, at).token)) continue;
    found.push(at);
    at++;
  }
  return found;
}

function countBrackets(text: string): Record<string, number> {
  const counts: Record<string, number> = { roundOpen: 0, roundClose: 0, squareOpen: 0, squareClose: 0 };
  for (const char of text.replace(EMOTICON, '')) {
    if (char === '(') counts.roundOpen++;
    else if (char === ')') counts.roundClose++;
    else if (char === '[') counts.squareOpen++;
    else if (char === ']') counts.squareClose++;
  }
  return counts;
}

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

function isAllowed(text: string, run: Run, language: string): boolean {
  const marks = run.marks.map((at) => text[at]);
  const joined = marks.join('');
  // German sets a comma after quoted speech even after `?` or `!` (`„Warum?“, fragte er`).
  if (language === 'de' && /^[!?],$/.test(joined)) return true;
  // Five or more full stops in a row are the CJK ellipsis `……` spelt in ASCII, not an English one.
  if (isDotRun(text, run)) return false;
  // Ellipses: `...`, `....`, `. . .`, `…`, and anything next to one.
  if (joined.includes('…') || joined.includes('...')) return true;
  // `How..?`: a two-dot ellipsis trailing off into a question or exclamation, right after a word.
  // MT stacks one source mark on its own (`?.`, `.?`), not two full stops before it.
  if ((joined === '..?' || joined === '..!') && !run.spaced && run.quote < 0 && isLetter(text[run.marks[0] - 1])) {
    return true;
  }
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
    // A name or title that ends in `!` before a comma (`Yahoo!, the portal`, `“Hello, Dolly!,” she sang`).
    if (a === '!' && b === ',' && endsCapitalisedWord(text, first)) return true;
    // Ranges, paths, code and numbers: `1..10`, `../`, `std::vector`, `a.,b` inside a token.
    if (isWordChar(text[second + 1]) || text[second + 1] === '/' || text[second + 1] === '\\') {
      if (isDigit(text[first - 1]) || a === ':' || isTechnicalToken(tokenAround(text, first).token)) return true;
      if (a === '.' && b === '.') return true;
    }
    if (isTechnicalToken(tokenAround(text, first).token)) return true;
  }
  return false;
}

/** The mark at `index` ends a word that starts with a capital letter (`Yahoo!`, `Dolly!`). */
function endsCapitalisedWord(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && index - start < 64 && isLetter(text[start - 1])) start--;
  return start < index && isUpper(text[start]);
}

/** At least five full stops and nothing else, unspaced: `......` (MT's rendering of `……`). */
function isDotRun(text: string, run: Run): boolean {
  const count = run.marks.length;
  if (count < DOT_RUN || count > DOT_RUN_MAX || run.spaced || run.quote >= 0) return false;
  if (!run.marks.every((at) => text[at] === '.')) return false;
  // A leader before a page number (`Methods ...... 5`) is a table of contents, not an ellipsis.
  return !LEADER_END.test(text.slice(run.to, run.to + 12));
}

/** `……` spelt out is six full stops; longer runs are leaders and dividers. */
const DOT_RUN = 5;
const DOT_RUN_MAX = 8;
// redos-safe: bounded input (12 characters), no nested quantifiers.
const LEADER_END = /^[ \t]*\d+[ \t]*(?:\n|$)/;

/** The mark to keep, with the closing quote kept where it was. */
function expectedFor(text: string, run: Run): string {
  if (isDotRun(text, run)) return '...';
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
