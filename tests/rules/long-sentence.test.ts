/**
 * `long-sentence`: Run-on sentences: too many words, or main clauses joined by a comma.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('long-sentence', {
  valid: [
    'The police detained 20 people. Most of them were released the next day.',
    'When the results came out, people took to the streets.',
  ],
  invalid: [
    {
      text: 'It is getting closer and closer, we were painting on the rock walls of caves.',
      errors: [
        {
          message: 'Unexpected comma splice before `we were`, expected a full stop or a semicolon',
          actual: ', we were',
        },
      ],
    },
  ],
});
