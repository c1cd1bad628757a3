/**
 * `whitespace`: Doubled spaces, tabs, misplaced no-break spaces and invisible or control characters in prose.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('whitespace', {
  valid: ['The talks ended on Monday. Both sides left.', 'She said:  “Yes.”', 'Sales rose by 5 % in May.'],
  invalid: [
    {
      text: 'The talks  ended on Monday without an agreement.',
      errors: [
        {
          message: 'Unexpected 2 spaces, expected 1',
          actual: '  ',
        },
      ],
      output: 'The talks ended on Monday without an agreement.',
    },
    {
      text: 'The ministry​ said the border would stay closed.',
      errors: [
        {
          message: 'Unexpected zero-width space (U+200B)',
          actual: '​',
        },
      ],
      output: 'The ministry said the border would stay closed.',
    },
  ],
});
