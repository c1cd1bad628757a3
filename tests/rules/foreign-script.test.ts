/**
 * `foreign-script`: Text in another writing system (Cyrillic, Chinese, Arabic…) inside Latin-script prose.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('foreign-script', {
  valid: [
    'Protests continued in Minsk on Sunday.',
    'The newspaper Nasha Niva (Наша Ніва) was blocked.',
    'The Greek letter α is used in physics.',
  ],
  invalid: [
    {
      text: 'Imitating the tone of old Hong Kong movies, open the account of @芳芳一人食 Douyin, the video is refreshing.',
      errors: [
        {
          message: 'Unexpected Chinese text `芳芳一人食`, expected a translation or a transliteration',
          actual: '芳芳一人食',
        },
      ],
    },
    {
      text: 'The opposition said that выборы были сфальсифицированы and called for protests.',
      errors: [
        {
          message:
            'Unexpected Cyrillic text `выборы были сфальсифицированы`, expected a translation or a transliteration',
          actual: 'выборы были сфальсифицированы',
        },
      ],
    },
  ],
});
