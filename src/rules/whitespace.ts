/**
 * ## whitespace
 *
 * Finds white space and invisible characters that do not belong in prose:
 *
 * - two or more spaces inside a sentence (`the  police`);
 * - a tab between words;
 * - a no-break space next to an ordinary space, or at the start or end of a
 *   paragraph;
 * - zero-width characters (`U+200B` zero-width space, `U+2060` word joiner,
 *   `U+FEFF` inside the text, and `U+200C`/`U+200D` between Latin letters);
 * - control characters (C0 except tab and line breaks, `DEL`, C1), which are
 *   left over from broken conversions;
 * - bidirectional controls (`U+200E`, `U+200F`, `U+202A`–`U+202E`,
 *   `U+2066`–`U+2069`, `U+061C`) with no right-to-left text near them: at
 *   best invisible noise, at worst text that reads differently than it
 *   displays.
 *
 * Not flagged: two spaces after a full stop, question or exclamation mark or
 * colon (a typing convention), indentation at the start of a line and spaces
 * before a line break (Markdown's hard break), a no-break space between words
 * (`10 km`, `Mr Smith`), zero-width joiners inside emoji sequences, and
 * right-to-left marks beside Arabic or Hebrew text. HTML collapses white
 * space on rendering, so doubled spaces and tabs are not reported in HTML. A
 * tab written as an escape (`\t` in a PO string, `&#9;` in XLIFF) is the
 * program's own formatting, as in its source, and is not reported.
 *
 * Fix: one space for doubled spaces, tabs and a no-break space beside a
 * space; the invisible characters are removed.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; no findings on the dev MT output; 0.00 false alarms per 10,000 words of clean English (1 findings, 1 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The police left.  Then they came back at 10 km/h.
 *     An indented line, and “a quote.”  Next sentence.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The  police	left the office   today.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:4-1:6: Unexpected 2 spaces, expected 1
 *   1:12-1:13: Unexpected tab, expected a space
 *   1:28-1:31: Unexpected 3 spaces, expected 1
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The police left the office today.
 *
 * @example {"name": "ok.html"}
 *   <p>The  police   left.</p>
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *police*  left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:13-1:15: Unexpected 2 spaces, expected 1
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   The *police* left.
 */
import { type FlatText, flatten } from '../nlcst/flat.js';
import { defineSummaryRule, type FlatReport, placed, type Report, replacing } from '../shared/rule.js';
import { isLetter, isLineBreak } from '../text/punctuation.js';

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LATIN = /\p{Script=Latin}/u;

function describe(code: number): string | undefined {
  if (code === 0x200b) return 'zero-width space';
  if (code === 0x2060) return 'word joiner';
  if (code === 0xfeff) return 'zero-width no-break space';
  if (code === 0x200c) return 'zero-width non-joiner';
  if (code === 0x200d) return 'zero-width joiner';
  if (code === 0x200e || code === 0x200f || code === 0x061c) return 'bidirectional mark';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidirectional control';
  if (code < 0x20 && code !== 9 && code !== 10 && code !== 13) return 'control character';
  if (code >= 0x7f && code <= 0x9f) return 'control character';
  return undefined;
}

/**
 * A paragraph's findings, relative to it: as prose, and, when some depend on
 * it, as HTML (where white space is the markup's and not the writer's). Whether
 * the document is HTML is decided at `end`.
 */
interface WhitespaceSummary {
  found: Report[];
  ifHtml?: Report[];
}

export default defineSummaryRule<object, WhitespaceSummary>(
  {
    id: 'whitespace',
    description: 'Doubled spaces, tabs, misplaced no-break spaces and invisible or control characters in prose',
    category: 'punctuation',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: {},
  },
  {
    paragraph(paragraph, context) {
      const flat = flatten(paragraph);
      let asked = false;
      const found = findings(flat, () => {
        asked = true;
        return false;
      });
      if (!asked) return found.length > 0 ? { found: found.map(context.keep) } : undefined;
      return { found: found.map(context.keep), ifHtml: findings(flat, () => true).map(context.keep) };
    },
    end(summaries, context) {
      const html =
        /\.html?$/i.test(context.file.path ?? '') ||
        (context.text.trimStart().startsWith('<') && /<\/?[a-z]/i.test(context.text.slice(0, 200)));
      summaries.list.forEach((summary, index) => {
        for (const report of (html ? summary.ifHtml : undefined) ?? summary.found)
          context.report(placed(report, summaries.at[index]));
      });
    },
  },
);

/** The white space findings of one paragraph; `html` answers whether the document is HTML (asked only where it matters). */
function findings(flat: FlatText, html: () => boolean): FlatReport[] {
  const text = flat.text;
  const found: FlatReport[] = [];
  const report = (from: number, to: number, message: string, replacement: string) =>
    found.push(replacing(flat, from, to, message, replacement));
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const code = char.charCodeAt(0);
    if (char === ' ' || char === '\t' || char === '\u00a0') {
      let end = index;
      while (text[end] === ' ' || text[end] === '\t' || text[end] === '\u00a0') end++;
      // One plain space is what prose is made of: nothing to report, whatever the document.
      if (end - index > 1 || char !== ' ')
        checkSpaceRun(text, index, end, html, report, (from, to) => flat.isDirect(from, to));
      index = end;
      continue;
    }
    const name = describe(code);
    if (name && !isAllowedInvisible(text, index, code)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      report(index, index + 1, `Unexpected ${name} (U+${hex})`, '');
    }
    index++;
  }
  return found;
}

function checkSpaceRun(
  text: string,
  from: number,
  to: number,
  html: () => boolean,
  report: (from: number, to: number, message: string, replacement: string) => void,
  written: (from: number, to: number) => boolean,
): void {
  const run = text.slice(from, to);
  const before = text[from - 1];
  const after = text[to];
  // Indentation, a Markdown hard break, the paragraph's edges.
  const atLineStart = from === 0 || isLineBreak(before);
  const atLineEnd = to === text.length || isLineBreak(after);
  if (run.includes('\u00a0') && run.length > 1 && !atLineStart && !atLineEnd && !html()) {
    report(from, to, 'Unexpected no-break space next to a space, expected one space', ' ');
    return;
  }
  if (run === '\u00a0' && (from === 0 || to === text.length)) {
    report(from, to, 'Unexpected no-break space at the edge of the paragraph', '');
    return;
  }
  if (atLineStart || atLineEnd || html()) return;
  if (run.includes('\t')) {
    // A tab written as an escape (`\t` in a PO string, `&#9;` in XLIFF) is put there on purpose: the
    // program's output needs it, as the source's does.
    if (!written(from, to)) return;
    report(from, to, 'Unexpected tab, expected a space', ' ');
    return;
  }
  if (run.length < 2 || run.includes('\u00a0')) return;
  // Two spaces after a sentence: a typing convention, not an error.
  let back = from - 1;
  while (back > 0 && /["”’')\]]/.test(text[back])) back--;
  if (/[.!?:…]/.test(text[back])) return;
  report(from, to, `Unexpected ${run.length} spaces, expected 1`, ' ');
}

function isAllowedInvisible(text: string, index: number, code: number): boolean {
  const before = text[index - 1] ?? '';
  const after = text[index + 1] ?? '';
  // Zero-width joiners glue emoji sequences (👩‍💻) and shape Indic and Arabic scripts.
  if (code === 0x200d || code === 0x200c) {
    const pair = text.slice(Math.max(0, index - 2), index) + text.slice(index + 1, index + 3);
    if (PICTOGRAPHIC.test(pair)) return true;
    return !(LATIN.test(before) && LATIN.test(after)) && (isLetter(before) || isLetter(after));
  }
  // Direction marks beside right-to-left text are how such text is written.
  if (
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  ) {
    const near = text.slice(Math.max(0, index - 20), index + 21);
    return RTL.test(near);
  }
  return false;
}
