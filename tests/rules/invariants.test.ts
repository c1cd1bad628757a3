/**
 * `invariants`: Bilingual: URLs, e-mail addresses, @handles, placeholders and tags that differ from the source.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('invariants', {
  valid: [
    {
      text: 'Read more at https://nashaniva.com/news.',
      source: 'Подробнее на https://nashaniva.com/news.',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'Read more at https://nashaniva.by/news.',
      source: 'Подробнее на https://nashaniva.com/news.',
      sourceLanguage: 'ru',
      errors: [
        {
          message: 'Missing `https://nashaniva.com/news`: the source has this URL, the translation does not',
          actual: 'Read more at https://nashaniva.by/news.',
        },
        {
          message: 'Unexpected `https://nashaniva.by/news`, the source has no such URL',
          actual: 'https://nashaniva.by/news',
        },
      ],
    },
  ],
});
