/**
 * ## mixed-script
 *
 * Finds Latin words that contain Cyrillic or Greek letters drawn like Latin
 * ones (`Мinsk` with a Cyrillic `М`, `Ρutin` with a Greek `Ρ`), and lone
 * look-alike words in Latin text (a Cyrillic `а` for the article `a`, the
 * Cyrillic `р` of a Russian source's `р<0,05` kept in `р<0.05`). They look
 * right but break search, spell checking, sorting and screen readers; MT and
 * copy-paste from Cyrillic sources leave them behind. A look-alike unit after a
 * degree sign (`20 °С` with a Cyrillic `С`, as Russian sources write it) is
 * reported with its sign and fixed to `°C`, even in a list of such units
 * (`(-20 °С; 20 °С)`), unless the words around it are Cyrillic text.
 *
 * On the dev set the rule's only two findings are such a `р<0.0001`, which two
 * MT systems copied from a Russian abstract (the other systems and the human
 * translation wrote a Latin `p`) and the raters did not mark; the audit
 * counts both real. It finds every injected look-alike.
 *
 * Fix: the Latin letters, when every foreign letter of the word has a Latin
 * look-alike and the word is mostly Latin. A mostly Cyrillic word with a Latin
 * letter (`Мoсква`) is reported with that letter, without a fix.
 *
 * Not flagged: Greek letters used as symbols next to Latin letters (`μg`,
 * `αKlotho`, `NF-κB`, `IL-1β`, `γδT`), words written wholly in another script
 * (that is `foreign-script`), and documents whose language is written in
 * Cyrillic or Greek (config `language`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 2 findings on the dev MT output, rater precision 0.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Police raided offices in Minsk. The dose was 5 μg of αKlotho and NF-κB rose (Cronbach α = 0.9).
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided offices in Мinsk and Ρutin said nothing (р<0.05).
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:26-1:31: Unexpected Cyrillic `М` (U+041C) in `Мinsk`, expected `Minsk`
 *   1:36-1:41: Unexpected Greek `Ρ` (U+03A1) in `Ρutin`, expected `Putin`
 *   1:56-1:57: Unexpected Cyrillic `р` (U+0440) in `р`, expected `p`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Police raided offices in Minsk and Putin said nothing (p<0.05).
 *
 * @example {"name": "not-ok-unit.txt", "label": "input"}
 *   Samples were cycled (-20 °С; 20 °С).
 *
 * @example {"name": "not-ok-unit.txt", "label": "output"}
 *   1:26-1:28: Unexpected Cyrillic `С` (U+0421) in `°С`, expected `°C`
 *   1:33-1:35: Unexpected Cyrillic `С` (U+0421) in `°С`, expected `°C`
 *
 * @example {"name": "not-ok-unit.txt", "label": "fixed"}
 *   Samples were cycled (-20 °C; 20 °C).
 */
import { flatten, textOf } from '../nlcst/flat.js';
import { paragraphsOf, walk } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { hasNonLatinLetter, lookalikeWords, scriptsOfLanguage } from '../text/script.js';

export default defineRule(
  {
    id: 'mixed-script',
    description: 'Latin words with Cyrillic or Greek look-alike letters (`Мinsk`)',
    category: 'script',
    recommended: true,
    defaultSeverity: 'error',
    scope: 'paragraph',
    fixable: true,
    trigger: hasNonLatinLetter,
    defaultOptions: {},
  },
  (tree, context) => {
    const native = scriptsOfLanguage(context.language);
    if (native.includes('Cyrillic') || native.includes('Greek')) return;
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      if (!hasNonLatinLetter(flat.text)) continue;
      const words: Array<{ text: string; start: number; end: number }> = [];
      walk(paragraph, (node) => {
        if (node.type !== 'WordNode') return;
        const text = textOf(node);
        const start = node.position?.start.offset ?? 0;
        words.push({ text, start, end: node.position?.end.offset ?? start });
      });
      const before = words.map((word) => context.text[word.start - 1]);
      for (const found of lookalikeWords(
        words.map((word) => word.text),
        before,
      )) {
        const word = words[found.index];
        // A unit is reported with its degree sign: `°С`, expected `°C`.
        const sign = found.unit ? (before[found.index] ?? '') : '';
        const from = word.start + found.from - sign.length;
        const to = word.start + found.to;
        const actual = sign + word.text.slice(found.from, found.to);
        const latin = found.latin === undefined ? undefined : sign + found.latin;
        const direct = context.text.slice(from, to) === actual;
        const letters = found.letters.map((letter) => `\`${letter}\``).join(', ');
        const codes = found.letters.map(codePointLabel).join(', ');
        const expected = latin === undefined ? '' : `, expected \`${latin}\``;
        context.report({
          start: direct ? from : word.start,
          end: direct ? to : word.end,
          message: `Unexpected ${found.script} ${letters} (${codes}) in \`${actual}\`${expected}`,
          actual,
          expected: latin === undefined ? undefined : [latin],
          fix: latin !== undefined && direct ? { range: [from, to], text: latin } : undefined,
        });
      }
    }
  },
);

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
