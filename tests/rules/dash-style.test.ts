/**
 * `dash-style`: Spaced hyphens and `--` used as dashes, and dashes against the house style.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('dash-style', {
  valid: [
    'The opposition — led by her husband — rejected the vote.',
    'The 2020–2021 season was cancelled.',
    'A well-known writer left.',
  ],
  invalid: [
    {
      text: 'The opposition -- led by her husband -- rejected the vote.',
      errors: [
        {
          message: 'Unexpected ` -- ` used as a dash, expected `—`',
          actual: ' -- ',
        },
        {
          message: 'Unexpected ` -- ` used as a dash, expected `—`',
          actual: ' -- ',
        },
      ],
      output: 'The opposition—led by her husband—rejected the vote.',
    },
    {
      text: 'The opposition - led by her husband - rejected the vote.',
      errors: [
        {
          message: 'Unexpected ` - ` used as a dash, expected `—`',
          actual: ' - ',
        },
        {
          message: 'Unexpected ` - ` used as a dash, expected `—`',
          actual: ' - ',
        },
      ],
      output: 'The opposition—led by her husband—rejected the vote.',
    },
  ],
});
