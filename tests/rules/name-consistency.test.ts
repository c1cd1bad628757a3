/**
 * `name-consistency`: A name written two ways in one document (`The Daily Beast`, `the Daily Beast`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('name-consistency', {
  valid: [
    'The Daily Beast reported it first. The Daily Beast later corrected it.',
    'Minsk and Grodno were quiet. Minsk was calm again on Monday.',
  ],
  invalid: [
    {
      text: 'If we play the journey of the universe backward, there was a Big Bang in the past. But is our Big Bang the only big bang in the universe?',
      errors: [
        {
          message: 'Inconsistent name: `big bang` here, `Big Bang` elsewhere',
          actual: 'big bang',
        },
      ],
    },
  ],
});
