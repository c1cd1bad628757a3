/**
 * `number-mismatch`: Bilingual: a number in the translation that the source does not have, or one of the source lost.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('number-mismatch', {
  valid: [
    {
      text: 'The police detained 25 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
    },
    {
      text: 'About 1,500 migrants came.',
      source: 'Пришли около 1500 мигрантов.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'The police detained 52 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected `52`, the source has `25`',
          actual: '52',
        },
      ],
      output: 'The police detained 25 people on Sunday.',
    },
  ],
});
