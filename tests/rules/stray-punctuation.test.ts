/**
 * `stray-punctuation`: A `,` `;` `:` or `.` that belongs to no word (at a paragraph start, after `(` or `“`, or alone), or a mark inserted inside a sentence (`got~ alarm`, `told; them`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('stray-punctuation', {
  valid: [
    'The sanctions were announced on Monday; the rich left the country.',
    'Three things matter: price, speed and trust.',
    '“We will win,” she said.',
  ],
  invalid: [
    {
      text: ', the ministry said on Thursday that the border would stay closed.',
      errors: [
        {
          message: 'Unexpected `,` at the start of the paragraph',
          actual: ',',
        },
      ],
      output: 'the ministry said on Thursday that the border would stay closed.',
    },
    {
      text: 'The decision (, according to the ministry) was final.',
      errors: [
        {
          message: 'Unexpected `,` after `(`',
          actual: ',',
        },
      ],
      output: 'The decision (according to the ministry) was final.',
    },
    {
      text: 'How to fight against overmedicalization in the hospital? example of neuroleptics in acute confusional state.',
      errors: [
        {
          message: 'Unexpected `?` inside a sentence, before the lower-case word `example`',
          actual: '?',
        },
      ],
    },
  ],
});
