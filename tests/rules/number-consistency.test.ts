/**
 * `number-consistency`: The same quantity given with different figures in one document (`1,500 migrants` … `1,200 migrants`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('number-consistency', {
  valid: [
    'More than 1,500 migrants crossed the border. The 1,500 migrants were taken to a camp.',
    'In 2020, 300 people were detained; in 2021, 500 people were detained.',
  ],
  invalid: [
    {
      text: 'More than 1,500 migrants crossed the border on Monday.\n\nThe 1,200 migrants were taken to a camp near Grodno.',
      errors: [
        {
          message: 'Unexpected `1,200 migrants`, the document says `1,500 migrants` elsewhere',
          actual: '1,200',
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
