/**
 * `quote-count`: Bilingual: the translation has quotation marks its source does not.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('quote-count', {
  valid: [
    {
      text: 'The newspaper Nasha Niva was blocked.',
      source: 'Газета «Наша Ніва» была заблокирована.',
      sourceLanguage: 'ru',
    },
    {
      text: 'He said: “We will stay.”',
      source: 'Он сказал: «Мы останемся».',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'The “new” law was passed on Monday.',
      source: 'Новый закон был принят в понедельник.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected quotation `“new”`: the source has no quotation marks',
          actual: '“new”',
        },
      ],
    },
  ],
});
