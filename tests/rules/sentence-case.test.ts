/**
 * `sentence-case`: A sentence that starts with a lower-case letter.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('sentence-case', {
  valid: ['The police arrived. Then they left.', 'The iPhone was launched. eBay followed.', 'He said: “yes.”'],
  invalid: [
    {
      text: 'The police arrived at the square. then they detained the journalists.',
      errors: [
        {
          message: 'Unexpected lower-case `then` at the start of a sentence, expected `Then`',
          actual: 'then',
        },
      ],
      output: 'The police arrived at the square. Then they detained the journalists.',
    },
    {
      text: 'the court sentenced him to three years in prison.',
      options: {
        paragraphStart: true,
      },
      errors: [
        {
          message: 'Unexpected lower-case `the` at the start of a sentence, expected `The`',
          actual: 'the',
        },
      ],
      output: 'The court sentenced him to three years in prison.',
    },
  ],
});
