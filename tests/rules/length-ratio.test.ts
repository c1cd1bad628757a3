/**
 * `length-ratio`: Bilingual: a translation far shorter or longer than its source (a review hint).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('length-ratio', {
  valid: [
    {
      text: 'The police detained 25 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'Police.',
      source: 'Милиция задержала 25 человек в воскресенье вечером в центре Минска.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'The translation is 0.13 times as long as the source would make it (expected 0.5 to 2)',
          actual: 'Police.',
        },
      ],
    },
  ],
});
