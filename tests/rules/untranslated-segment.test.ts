/**
 * `untranslated-segment`: Bilingual: a paragraph whose translation is its source copied unchanged.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('untranslated-segment', {
  valid: [
    {
      text: 'The police detained 25 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'Милиция задержала 25 человек в воскресенье.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected copy of the source: this paragraph is not translated',
          actual: 'Милиция задержала 25 человек в воскресенье.',
        },
      ],
    },
  ],
});
