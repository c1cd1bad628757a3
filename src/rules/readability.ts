/**
 * ## readability
 *
 * Flags sentences that several readability formulas agree are hard to read
 * (wraps `retext-readability`, age 16 by default). Off by default: it is slow
 * and noisy on news text, but useful for long MT run-on sentences.
 *
 * @example {"name": "ok.txt"}
 *   The cat sat on the mat.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   The purpose of the organizations has been to educate the public about the past, awareness of responsibilities, opportunities for the quality of life of future generations.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:172: Unexpected hard to read sentence, according to 5 out of 7 algorithms
 */
import retextReadability from 'retext-readability';
import { runForeignTransformer } from '../nlcst/wrap-plugin.js';
import { defineRule } from '../shared/rule.js';

export interface ReadabilityOptions {
  age: number;
  minWords: number;
  threshold: number;
}

const transformers = new Map<string, Parameters<typeof runForeignTransformer>[0]>();

export default defineRule<ReadabilityOptions>(
  {
    id: 'readability',
    description: 'Sentences that readability formulas agree are hard to read',
    category: 'style',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: false,
    defaultOptions: { age: 16, minWords: 5, threshold: 4 / 7 },
  },
  (tree, context, options) => {
    const key = `${options.age}/${options.minWords}/${options.threshold}`;
    let transformer = transformers.get(key);
    if (!transformer) {
      transformer = retextReadability(options) as unknown as Parameters<typeof runForeignTransformer>[0];
      transformers.set(key, transformer);
    }
    for (const message of runForeignTransformer(transformer, tree, context.file)) {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
      if (start === undefined || end === undefined) continue;
      context.report({ start, end, message: message.reason });
    }
  },
);
