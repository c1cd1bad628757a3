/**
 * `source-script`: Bilingual: letters of the source's script left in the translation.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('source-script', {
  valid: [
    {
      text: 'The police detained 25 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'The police задержала 25 people on Sunday.',
      source: 'Милиция задержала 25 человек в воскресенье.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected `задержала`: Cyrillic letters left from the source',
          actual: 'задержала',
        },
      ],
    },
  ],
});
