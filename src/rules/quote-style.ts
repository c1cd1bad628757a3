/**
 * ## quote-style
 *
 * Finds quotation marks that break the document's quotation style:
 *
 * - straight `"` and curly `“ ”` double quotation marks mixed in one
 *   paragraph, or with `"mixed": "document"` in one document (the minority
 *   style is reported; MT output often joins segments of different styles,
 *   and the paragraph scope keeps the rule precise);
 * - marks foreign to the document's language: `« »`, `„`, `‹ ›` in English,
 *   and the corner brackets `「 」 『 』` of Chinese and Japanese in any
 *   language but those;
 * - curly marks turned the wrong way in English (`”We`, `end“`);
 * - a space inside the marks (`“ We are`, `here ”`).
 *
 * MT systems copy the source's marks (`«Gazprom»`), mix the straight marks
 * of one segment with the curly marks of the next, and leave the spaces that
 * full-width CJK marks carried.
 *
 * German (`language: de`) writes `„…“`: the low opening mark and the closing
 * `“` are correct there, and straight `"…"` is reported as foreign to German
 * typesetting unless `"style": "straight"` is set; orientation is not checked.
 * Apostrophes are never counted as quotation marks.
 *
 * When both marks of a quotation are in the wrong style, the quotation is
 * reported once (`Unexpected "…", expected “…”`), at its opening mark, with
 * the closing mark as the related place: a finding short enough to point at
 * something (an editor underlines one mark, not the whole quotation), where
 * annotators of MT output mark the error. The fix restyles both marks.
 *
 * Fix: the document's dominant style (or the `style` option: `curly` or
 * `straight`), oriented by the mark's role; spaces inside the marks are
 * removed.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 216 findings on the dev MT output, rater precision 95.4 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (3 findings, 3 audited real).
 *
 * @example {"name": "ok.txt"}
 *   “We will not stop,” the group said. The boys’ toys were ‘fine’.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   “We will not stop,” the group said. Then «Gazprom» replied: "No."
 *
 *   “We are working,” he said. ”Of course“ she replied. “ Here ” too.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:42-1:43: Unexpected `«…»`, expected `“…”`
 *   1:61-1:62: Unexpected `"…"`, expected `“…”`
 *   3:28-3:29: Unexpected `”` as an opening mark, expected `“`
 *   3:38-3:39: Unexpected `“` as a closing mark, expected `”`
 *   3:53-3:55: Unexpected space after `“`
 *   3:59-3:61: Unexpected space before `”`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   “We will not stop,” the group said. Then “Gazprom” replied: “No.”
 *
 *   “We are working,” he said. “Of course” she replied. “Here” too.
 *
 * @example {"name": "not-ok-document.txt", "label": "input", "config": {"mixed": "document"}}
 *   “We will not stop,” the group said.
 *
 *   "Nor will we," the party added.
 *
 * @example {"name": "not-ok-document.txt", "label": "output"}
 *   3:1-3:2: Unexpected `"…"`, expected `“…”`
 *
 * @example {"name": "not-ok-document.txt", "label": "fixed"}
 *   “We will not stop,” the group said.
 *
 *   “Nor will we,” the party added.
 *
 * @example {"name": "not-ok-straight.txt", "label": "input", "config": {"style": "straight"}}
 *   “We will not stop,” the group said.
 *
 * @example {"name": "not-ok-straight.txt", "label": "output"}
 *   1:1-1:2: Unexpected `“…”`, expected `"…"`
 *
 * @example {"name": "not-ok-straight.txt", "label": "fixed"}
 *   "We will not stop," the group said.
 */
import { type FlatText, flatten } from '../nlcst/flat.js';
import { blockKind } from '../nlcst/walk.js';
import { defineSummaryRule, type FlatReport, placed, type Report } from '../shared/rule.js';
import { paragraphQuotes, type QuoteAnalysis, type QuoteMark, type QuoteRole } from '../text/quotes.js';

interface Options {
  /** `auto`: the document's dominant style; `curly` or `straight` to set it. */
  style: string;
  /** Where straight and curly marks may not mix: `paragraph` (default) or `document`. */
  mixed: string;
}

const FOREIGN_IN_ENGLISH = new Set(['«', '»', '„', '‚', '‹', '›']);
const CORNERS = new Set(['「', '」', '『', '』']);
const CJK_LANGUAGES = new Set(['zh', 'ja', 'ko']);

const CURLY: Record<string, Partial<Record<QuoteRole, string>>> = {
  double: { open: '“', close: '”' },
  single: { open: '‘', close: '’' },
};
const GERMAN: Record<string, Partial<Record<QuoteRole, string>>> = {
  double: { open: '„', close: '“' },
  single: { open: '‚', close: '‘' },
};
const STRAIGHT: Record<string, string> = { double: '"', single: "'" };

export default defineSummaryRule<Options, QuoteSummary>(
  {
    id: 'quote-style',
    description: 'Mixed straight and curly quotes, foreign or wrongly oriented marks, spaces inside quotes',
    category: 'quotes',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { style: 'auto', mixed: 'paragraph' },
    optionValues: { style: ['auto', 'curly', 'straight'], mixed: ['paragraph', 'document'] },
  },
  {
    paragraph(paragraph, context, options) {
      if (blockKind(paragraph) === 'other') return undefined;
      const english = context.language === 'en';
      const flat = flatten(paragraph);
      const analysis = paragraphQuotes(paragraph, context.language);
      const { straight, curly } = countStyles(analysis.marks, english);
      const setting = { language: context.language, style: options.style, mixed: options.mixed };
      const found: FlatReport[] = [];
      let asked = false;
      const unknown = () => {
        asked = true;
        return false;
      };
      const verdict = { useStraight: unknown, bothStyles: unknown };
      checkParagraph(flat, analysis, setting, verdict, (report) => found.push(report));
      if (!asked) {
        if (found.length === 0 && straight === 0 && curly === 0) return undefined;
        return { straight, curly, found: found.map(context.keep) };
      }
      // Its findings depend on the whole document's style: keep each reading until `end`.
      const readings = new Map<string, Report[]>();
      for (const useStraight of [false, true])
        for (const bothStyles of [false, true]) {
          const reports: Report[] = [];
          const answers = { useStraight: () => useStraight, bothStyles: () => bothStyles };
          checkParagraph(flat, analysis, setting, answers, (report) => reports.push(context.keep(report)));
          readings.set(`${useStraight} ${bothStyles}`, reports);
        }
      return { straight, curly, readings };
    },
    end(summaries, context) {
      let straight = 0;
      let curly = 0;
      for (const summary of summaries.list) {
        straight += summary.straight;
        curly += summary.curly;
      }
      // The dominant style of double quotation marks in the document: straight or typographic.
      const key = `${straight > curly} ${straight > 0 && curly > 0}`;
      summaries.list.forEach((summary, index) => {
        const reports = summary.readings ? (summary.readings.get(key) ?? []) : (summary.found ?? []);
        for (const report of reports) context.report(placed(report, summaries.at[index]));
      });
    },
  },
);

/** The document's verdicts a paragraph may ask about (only when its marks need them). */
interface Verdict {
  /** Straight double marks outnumber curly ones in the document. */
  useStraight: () => boolean;
  /** The document has both straight and curly double marks. */
  bothStyles: () => boolean;
}

/**
 * A paragraph's double marks by style, and its findings (relative to it):
 * one list, or, when they depend on the document's style, one for each
 * answer (`useStraight bothStyles`).
 */
interface QuoteSummary {
  straight: number;
  curly: number;
  found?: Report[];
  readings?: Map<string, Report[]>;
}

/** The findings of one paragraph, given the document's verdicts. */
function checkParagraph(
  flat: FlatText,
  analysis: Pick<QuoteAnalysis, 'text' | 'marks' | 'pairs'>,
  setting: { language: string; style: string; mixed: string },
  verdict: Verdict,
  report: (report: FlatReport) => void,
): void {
  const language = setting.language;
  const english = language === 'en';
  const german = language === 'de';
  const style = setting.style === 'curly' || setting.style === 'straight' ? setting.style : undefined;
  // German typesetting writes „…“: straight marks are never its dominant style.
  const useStraight = () => (style ? style === 'straight' : !german && verdict.useStraight());
  const typographic = german ? GERMAN : CURLY;
  const expectedFor = (mark: QuoteMark): string | undefined => {
    if (mark.role !== 'open' && mark.role !== 'close') return undefined;
    if (useStraight()) return STRAIGHT[mark.kind];
    if (mark.kind === 'single' && mark.family === 'straight') return undefined; // straight singles: apostrophe-like, leave
    return typographic[mark.kind][mark.role];
  };
  /** Spans of the paragraph that one fix rewrites whole (a restyled quotation). */
  const rewritten: Array<[number, number]> = [];
  const text = analysis.text;
  // Both straight and curly double marks (in the document, or in this paragraph): the minority is mixed.
  let local: { straight: number; curly: number } | undefined;
  const hasBoth = () => {
    if (setting.mixed === 'document') return verdict.bothStyles();
    local ??= countStyles(analysis.marks, english);
    return local.straight > 0 && local.curly > 0;
  };
  // Marks in the wrong style (foreign or mixed): reported per quotation when both halves are.
  const restyled = new Map<QuoteMark, string>();
  for (const mark of analysis.marks) {
    if (mark.role !== 'open' && mark.role !== 'close') continue;
    const foreign =
      (CORNERS.has(mark.char) && !CJK_LANGUAGES.has(language)) ||
      (english && FOREIGN_IN_ENGLISH.has(mark.char)) ||
      (german && !style && mark.char === '"');
    const mixed =
      mark.kind === 'double' &&
      !foreign &&
      (style
        ? (style === 'straight') !== (mark.family === 'straight')
        : hasBoth() && (mark.family === 'straight') !== useStraight());
    if (!foreign && !mixed) continue;
    const expected = expectedFor(mark);
    if (expected && expected !== mark.char) restyled.set(mark, expected);
  }
  for (const pair of analysis.pairs) {
    const open = restyled.get(pair.open);
    const close = restyled.get(pair.close);
    if (open === undefined || close === undefined) continue;
    restyled.delete(pair.open);
    restyled.delete(pair.close);
    const from = pair.open.index;
    const to = pair.close.index + 1;
    const expected = open + text.slice(from + 1, to - 1) + close;
    // Nested quotations both restyled: the inner one waits for the next `--fix` pass.
    const fixable = flat.isDirect(from, to) && !rewritten.some(([left, right]) => from < right && to > left);
    if (fixable) rewritten.push([from, to]);
    // The finding points at the opening mark (one error per quotation, where raters mark it), the closing
    // mark is its related place, and the fix restyles both by rewriting the quotation.
    report({
      flat,
      from,
      to: from + 1,
      message: `Unexpected \`${pair.open.char}…${pair.close.char}\`, expected \`${open}…${close}\``,
      actual: text.slice(from, to),
      expected: [expected],
      fix: fixable ? { from, to, text: expected } : undefined,
      related: [{ message: `closing \`${pair.close.char}\`, expected \`${close}\``, from: to - 1, to }],
    });
  }
  for (const mark of analysis.marks) {
    if (mark.role !== 'open' && mark.role !== 'close') continue;
    const expected = restyled.get(mark);
    if (expected !== undefined) {
      restyle(
        flat,
        mark.index,
        mark.index + 1,
        `Unexpected \`${mark.char}\`, expected \`${expected}\``,
        mark.char,
        expected,
      );
    } else if (english && mark.misoriented && mark.family === 'curly') {
      const right = mark.role === 'open' ? '“' : '”';
      const role = mark.role === 'open' ? 'an opening' : 'a closing';
      restyle(
        flat,
        mark.index,
        mark.index + 1,
        `Unexpected \`${mark.char}\` as ${role} mark, expected \`${right}\``,
        mark.char,
        right,
      );
    }
    // A space inside the marks: `“ We`, `here ”` (not in French-style « guillemets » of other languages).
    if (!english && mark.family === 'guillemet') continue;
    if (mark.pair < 0) continue;
    if (mark.role === 'open') {
      let end = mark.index + 1;
      while (text[end] === ' ' || text[end] === '\u00a0') end++;
      if (end > mark.index + 1 && end < text.length && !isMarkAt(analysis.marks, end)) {
        // The fix deletes only the spaces, so it never overlaps a fix of the mark itself.
        restyle(
          flat,
          mark.index,
          end,
          `Unexpected space after \`${mark.char}\``,
          text.slice(mark.index, end),
          mark.char,
          [mark.index + 1, end],
        );
      }
    } else {
      let start = mark.index;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\u00a0')) start--;
      if (start < mark.index && start > 0 && !isMarkAt(analysis.marks, start - 1)) {
        restyle(
          flat,
          start,
          mark.index + 1,
          `Unexpected space before \`${mark.char}\``,
          text.slice(start, mark.index + 1),
          mark.char,
          [start, mark.index],
        );
      }
    }
  }

  /** Reports `actual` over [from, to); `deletion`, when given, is the span the fix removes instead of replacing it all. */
  function restyle(
    flat: FlatText,
    from: number,
    to: number,
    message: string,
    actual: string,
    expected: string,
    deletion?: [number, number],
  ): void {
    const [fixFrom, fixTo] = deletion ?? [from, to];
    // Inside a quotation one fix rewrites whole, a second edit would overlap it: the next `--fix` pass makes it.
    const covered = rewritten.some(([left, right]) => fixFrom < right && fixTo > left);
    report({
      flat,
      from,
      to,
      message,
      actual,
      expected: [expected],
      fix: covered ? undefined : { from: fixFrom, to: fixTo, text: deletion ? '' : expected },
    });
  }
}

/** Straight and typographic double quotation marks among `marks`. */
function countStyles(marks: readonly QuoteMark[], english: boolean): { straight: number; curly: number } {
  let straight = 0;
  let curly = 0;
  for (const mark of marks) {
    if (mark.kind !== 'double' || (mark.role !== 'open' && mark.role !== 'close')) continue;
    if (mark.family === 'straight') straight++;
    else if (!CORNERS.has(mark.char) && !(english && FOREIGN_IN_ENGLISH.has(mark.char))) curly++;
  }
  return { straight, curly };
}

function isMarkAt(marks: readonly QuoteMark[], index: number): boolean {
  for (const mark of marks) if (mark.index === index) return true;
  return false;
}
