/**
 * `unit-spacing`: Percent signs spaced inconsistently (`5 %` among `7%`) or against a chosen style; optionally units too.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('unit-spacing', {
  valid: ['Prices rose by 5% in May and by 7% in June.', 'Prices rose by 5 % in May and by 7 % in June.'],
  invalid: [
    {
      text: 'Prices rose by 5% in May and by 7 % in June.',
      errors: [
        {
          message: 'Unexpected space in `7 %`, expected `7%` as in `5%`',
          actual: '7 %',
        },
      ],
      output: 'Prices rose by 5% in May and by 7% in June.',
    },
    {
      text: 'Prices rose by 5 % in May.',
      options: {
        percent: 'closed',
      },
      errors: [
        {
          message: 'Unexpected space in `5 %`, expected `5%`',
          actual: '5 %',
        },
      ],
      output: 'Prices rose by 5% in May.',
    },
  ],
});
