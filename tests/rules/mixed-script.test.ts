/**
 * `mixed-script`: Latin words with Cyrillic or Greek look-alike letters (`Мinsk`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('mixed-script', {
  valid: [
    'Protests continued in Minsk on Sunday.',
    {
      text: 'Протесты продолжились в Минске.',
      language: 'ru',
    },
    'The Greek letter α is used in physics.',
  ],
  invalid: [
    {
      text: 'Protests continued in Мinsk on Sunday.',
      errors: [
        {
          message: 'Unexpected Cyrillic `М` (U+041C) in `Мinsk`, expected `Minsk`',
          actual: 'Мinsk',
        },
      ],
      output: 'Protests continued in Minsk on Sunday.',
    },
    {
      text: 'The сourt sentenced him to three years.',
      errors: [
        {
          message: 'Unexpected Cyrillic `с` (U+0441) in `сourt`, expected `court`',
          actual: 'сourt',
        },
      ],
      output: 'The court sentenced him to three years.',
    },
  ],
});
