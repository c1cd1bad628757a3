/**
 * ## repeated-words
 *
 * Finds a word repeated back to back (`the the`), which MT produces when it
 * stutters. This wraps `retext-repeated-words` so its messages carry an
 * mtlint id; words that may repeat (`had had`, `that that`, `what it is is`,
 * `gave her her keys`, reduplications such as `ylang ylang` or `ha ha`) are
 * allowed. In German (`language: de`) a relative pronoun before an article is
 * correct (`eine Pflanze, die die erste nachahmt`), so doubled articles and
 * pronouns are allowed there.
 *
 * Fix: remove the second occurrence.
 *
 * @example {"name": "ok.txt"}
 *   He had had enough. She said that that was fine. What it is is a plant called ylang ylang.

 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided the the homes of dozens of organizations.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:15-1:22: Unexpected repeated `the`, remove one occurrence
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Police raided the homes of dozens of organizations.
 */
import retextRepeatedWords from 'retext-repeated-words';
import { runForeignTransformer } from '../nlcst/wrap-plugin.js';
import { defineRule } from '../shared/rule.js';

/** Words that may be doubled on purpose, per document language (besides retext's own list). */
const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['is', 'her', 'do', 'ylang', 'ha', 'ho', 'la', 'na', 'bye', 'tut', 'knock', 'chop', 'aye', 'dum', 'no']),
  de: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'sie', 'es', 'wer', 'was', 'ihr']),
};

const transformer = retextRepeatedWords() as unknown as Parameters<typeof runForeignTransformer>[0];

export default defineRule(
  {
    id: 'repeated-words',
    description: 'A word repeated back to back (`the the`)',
    category: 'repetition',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    defaultOptions: {},
  },
  (tree, context) => {
    const allowed = ALLOWED[context.language];
    for (const message of runForeignTransformer(transformer, tree, context.file)) {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
      if (start === undefined || end === undefined) continue;
      const actual = context.text.slice(start, end);
      const kept = message.expected?.[0] ?? '';
      if (allowed?.has(kept.toLowerCase())) continue;
      // Keep the first occurrence: drop the white space and the second word.
      const firstEnd = start + kept.length;
      const direct = actual.toLowerCase().startsWith(kept.toLowerCase());
      context.report({
        start,
        end,
        message: message.reason,
        actual,
        expected: [actual.slice(0, kept.length)],
        fix: direct ? { range: [firstEnd, end], text: '' } : undefined,
      });
    }
  },
);
