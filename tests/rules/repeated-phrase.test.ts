/**
 * `repeated-phrase`: A phrase repeated back to back (`in the city in the city`) or looping in a sentence.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('repeated-phrase', {
  valid: [
    'The protests continued in the city and in the countryside.',
    'Step by step, day by day, the country changed.',
  ],
  invalid: [
    {
      text: 'The protests continued in the city in the city on Sunday.',
      errors: [
        {
          message: 'Unexpected repeated `in the city`, remove one occurrence',
          actual: 'in the city',
        },
      ],
      output: 'The protests continued in the city on Sunday.',
    },
  ],
});
