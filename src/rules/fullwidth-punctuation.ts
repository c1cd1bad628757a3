/**
 * ## fullwidth-punctuation
 *
 * Finds punctuation of another writing system in the document: CJK and
 * full-width marks (`，。：；！？（）、「」《》【】`), the ideographic space,
 * and marks of other scripts that MT copies from the source (`،` `؛` `؟`,
 * the Devanagari danda `।`, the Armenian full stop `։` that looks like a
 * colon, the Greek question mark `;` that looks like a semicolon).
 *
 * The rule knows which marks are native to the document's language
 * (`language` in the config): in a Chinese, Japanese or Korean document
 * full-width marks are correct, in Arabic or Persian the Arabic comma is.
 * It also does not look at marks inside a run of CJK text, which is a
 * quotation or a name in the original script (`foreign-script` reports
 * those runs if wanted).
 *
 * The maths signs `≪` and `≫`, which MT puts where the source had `《》`, are
 * flagged as quotation marks when they are not used as operators: at the edge
 * of a paragraph or glued to a word on one side only (`≪Title≫`,
 * `beautiful ≫`), not in `N ≫ 1` or `x≫y`.
 *
 * On the dev set the raters marked 5 of its 11 findings; the other 6 are
 * full-width `（` in `（ II)` list markers they let pass, real in the audit.
 *
 * Fix: the English mark (`，` → `,`, `「…」` → `“…”`, `《…》` → `“…”`),
 * with a space after it when a word follows directly (and before an
 * opening bracket or quote glued to the word before).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 11 findings on the dev MT output, rater precision 45.5 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The Chinese name is 北京大学（北大）。 It means “Peking University”.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Lukashenko met Putin，and the 《Daily Beast》 reported it：no comment。
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:21-1:22: Unexpected full-width `，`, expected `,`
 *   1:30-1:31: Unexpected full-width `《`, expected `“`
 *   1:42-1:43: Unexpected full-width `》`, expected `”`
 *   1:55-1:56: Unexpected full-width `：`, expected `:`
 *   1:66-1:67: Unexpected full-width `。`, expected `.`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Lukashenko met Putin, and the “Daily Beast” reported it: no comment.
 *
 * @example {"name": "ok-maths.txt"}
 *   The rate k ≫ 1 holds when x≪y, so N ≫ 10.
 *
 * @example {"name": "not-ok-maths.txt", "label": "input"}
 *   The song ≪Blossom≫ is beautiful ≫
 *
 * @example {"name": "not-ok-maths.txt", "label": "output"}
 *   1:10-1:11: Unexpected maths sign `≪` as a quotation mark, expected `“`
 *   1:18-1:19: Unexpected maths sign `≫` as a quotation mark, expected `”`
 *   1:33-1:34: Unexpected maths sign `≫` as a quotation mark, expected `”`
 *
 * @example {"name": "not-ok-maths.txt", "label": "fixed"}
 *   The song “Blossom” is beautiful ”
 *
 * @example {"name": "ok-arabic.txt"}
 *   Arabic comma in Arabic text: مرحبا، كيف الحال؟
 *
 * @example {"name": "not-ok-arabic.txt", "label": "input"}
 *   Is it true؟ Yes، it is.
 *
 * @example {"name": "not-ok-arabic.txt", "label": "output"}
 *   1:11-1:12: Unexpected Arabic `؟`, expected `?`
 *   1:16-1:17: Unexpected Arabic `،`, expected `,`
 *
 * @example {"name": "not-ok-arabic.txt", "label": "fixed"}
 *   Is it true? Yes, it is.
 *
 * @example {"name": "not-ok.html", "label": "input"}
 *   <p>The <b>group</b> said so （again）.</p>
 *
 * @example {"name": "not-ok.html", "label": "output"}
 *   1:29-1:30: Unexpected full-width `（`, expected `(`
 *   1:35-1:36: Unexpected full-width `）`, expected `)`
 *
 * @example {"name": "not-ok.html", "label": "fixed"}
 *   <p>The <b>group</b> said so (again).</p>
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { FOREIGN_PUNCTUATION, isNativeMark, isSpace, isWordChar } from '../text/punctuation.js';

/**
 * Maths signs MT puts where the source had `《》`: `≪` and `≫` (much less /
 * greater than). Only a quote when not used as an operator (see `lookalikeQuote`).
 */
const QUOTE_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['\u226a', '“'], // ≪
  ['\u226b', '”'], // ≫
]);

/** Any mark of the table (each one UTF-16 unit): paragraphs without one are skipped whole. */
// redos-safe: a single character class of escaped code units, no quantifier.
const ANY_FOREIGN = new RegExp(
  `[${[...FOREIGN_PUNCTUATION.keys(), ...QUOTE_LOOKALIKES.keys()].map((mark) => `\\u${mark.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const UPPER = /\p{Lu}/u;
const SPACED_AFTER = /^[,:;!?)\]}”’]$/;
const OPENING = /^[“‘([]$/;

export default defineRule(
  {
    id: 'fullwidth-punctuation',
    description: 'Full-width, CJK and other scripts’ punctuation (`，。：；！？（）、「」《》`, `،`, `؟`) in the text',
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
      if (!ANY_FOREIGN.test(text)) continue;
      for (let index = 0; index < text.length; index++) {
        const char = text[index];
        const lookalike = lookalikeQuote(text, index);
        const expected = FOREIGN_PUNCTUATION.get(char) ?? lookalike;
        if (expected === undefined || isNativeMark(char, context.language)) continue;
        // Inside its own script (a quoted original), the mark is that script's business.
        const code = char.charCodeAt(0);
        const ownScript = code >= 0x0600 && code <= 0x06ff ? ARABIC : code >= 0x3000 ? CJK : undefined;
        if (ownScript && (nearScript(text, index, -1, ownScript) || nearScript(text, index, 1, ownScript))) continue;
        const kind = code >= 0x0600 && code <= 0x06ff ? 'Arabic' : code >= 0x3000 ? 'full-width' : 'foreign';
        const after = text[index + 1];
        // A word glued to the mark gets a space (after `.` only before a capital: `3。5` stays a number).
        const spaced =
          expected === '.'
            ? UPPER.test(after ?? '')
            : SPACED_AFTER.test(expected) && (isWordChar(after) || OPENING.test(after ?? ''));
        // `is（really）`: an opening mark glued to the word before gets a space too.
        const spacedBefore = OPENING.test(expected) && isWordChar(text[index - 1]);
        const replacement = `${spacedBefore ? ' ' : ''}${expected}${spaced ? ' ' : ''}`;
        context.report({
          flat,
          from: index,
          to: index + 1,
          message: lookalike
            ? `Unexpected maths sign \`${char}\` as a quotation mark, expected \`${expected}\``
            : `Unexpected ${kind} \`${char}\`, expected \`${expected}\``,
          actual: char,
          expected: [replacement],
          fix: replacement,
        });
      }
    }
  },
);

/**
 * The quotation mark a `≪` or `≫` at `index` stands for, or undefined when it
 * is an operator: spaced on both sides between operands (`N ≫ 1`) or glued on
 * both sides (`x≫y`). A sign at the edge of the paragraph, or glued to a word
 * on one side only (`≪Title≫`, `beautiful ≫`), is a quotation mark.
 */
function lookalikeQuote(text: string, index: number): string | undefined {
  const quote = QUOTE_LOOKALIKES.get(text[index]);
  if (quote === undefined) return undefined;
  const before = text[index - 1];
  const after = text[index + 1];
  if (before === undefined || after === undefined) return quote;
  const spacedBefore = isSpace(before);
  const spacedAfter = isSpace(after);
  if (spacedBefore && spacedAfter) {
    const operandBefore = text[index - 2];
    const operandAfter = text[index + 2];
    return operandBefore === undefined || operandAfter === undefined || isSpace(operandBefore) || isSpace(operandAfter)
      ? quote
      : undefined;
  }
  return spacedBefore === spacedAfter ? undefined : quote;
}

/** True when the nearest non-space character on one side (within a few) is of `script`. */
function nearScript(text: string, index: number, step: 1 | -1, script: RegExp): boolean {
  let at = index + step;
  // Skip other marks of the same kind (`。」`) and spaces.
  for (let count = 0; count < 4 && at >= 0 && at < text.length; count++, at += step) {
    const char = text[at];
    if (char === ' ' || FOREIGN_PUNCTUATION.has(char)) continue;
    return script.test(char);
  }
  return false;
}
