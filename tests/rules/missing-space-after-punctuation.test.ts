/**
 * `missing-space-after-punctuation`: No space after `.` `,` `;` `?` `!` before the next word, as in `word.Next`.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('missing-space-after-punctuation', {
  valid: [
    'The figure was 3.5 percent, see www.belstat.gov.by for details.',
    'The U.S. and the E.U. agreed on Monday.',
    'He said: “No.” Then he left.',
  ],
  invalid: [
    {
      text: 'The police detained 20 people.Most of them were released the next day.',
      errors: [
        {
          message: 'Missing space after `.`',
          actual: '.',
        },
      ],
      output: 'The police detained 20 people. Most of them were released the next day.',
    },
    {
      text: 'The court sentenced him to three years,the lawyer said.',
      errors: [
        {
          message: 'Missing space after `,`',
          actual: ',',
        },
      ],
      output: 'The court sentenced him to three years, the lawyer said.',
    },
  ],
});
