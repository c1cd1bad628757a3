/**
 * `doubled-punctuation`: Doubled or stacked punctuation such as `. .`, `,,` or `,.`.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('doubled-punctuation', {
  valid: [
    'The opposition leader was detained on Monday. Her lawyer was not allowed to see her.',
    'He paused... then went on: “We will not leave.”',
    'Wait, what?! The results (published on Friday) were clear.',
  ],
  invalid: [
    {
      text: 'The detained journalist was released after a week.. Her colleagues were waiting outside.',
      errors: [
        {
          message: 'Unexpected `..`, expected `.`',
          actual: '..',
        },
      ],
      output: 'The detained journalist was released after a week. Her colleagues were waiting outside.',
    },
    {
      text: 'According to the ministry,, the new rules will apply from January.',
      errors: [
        {
          message: 'Unexpected `,,`, expected `,`',
          actual: ',,',
        },
      ],
      output: 'According to the ministry, the new rules will apply from January.',
    },
    {
      text: 'The economy grew by 5.2 percent,. the statistics office said.',
      errors: [
        {
          message: 'Unexpected `,.`, expected `,`',
          actual: ',.',
        },
      ],
      output: 'The economy grew by 5.2 percent, the statistics office said.',
    },
  ],
});
