/**
 * `repeated-words`: A word repeated back to back (`the the`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('repeated-words', {
  valid: ['The police said that that was the end of the protest.', 'She had had enough.', 'It was very, very cold.'],
  invalid: [
    {
      text: 'The the police detained the journalists on Monday.',
      errors: [
        {
          message: 'Unexpected repeated `the`, remove one occurrence',
          actual: 'The the',
        },
      ],
      output: 'The police detained the journalists on Monday.',
    },
    {
      text: 'The court sentenced him to to three years in prison.',
      errors: [
        {
          message: 'Unexpected repeated `to`, remove one occurrence',
          actual: 'to to',
        },
      ],
      output: 'The court sentenced him to three years in prison.',
    },
  ],
});
