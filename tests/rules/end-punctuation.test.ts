/**
 * `end-punctuation`: Bilingual: a translation that ends differently from its source (a question became a statement).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('end-punctuation', {
  valid: [
    {
      text: 'Is the border open?',
      source: 'Открыта ли граница?',
      sourceLanguage: 'ru',
    },
    {
      text: 'The border is open.',
      source: 'Граница открыта.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'The border is open.',
      source: 'Открыта ли граница?',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected `.`, expected `?`: the source is a question',
          actual: '.',
        },
      ],
    },
    {
      text: 'The border is open?',
      source: 'Граница открыта.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Unexpected `?` at the end: the source is not a question',
          actual: '?',
        },
      ],
    },
  ],
});
