/**
 * `number-format`: Numbers in the format of another locale (`1.500`, `3,5`, `1 500`) or long numbers without separators.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('number-format', {
  valid: [
    'The state budget was 1,500,000 roubles.',
    'The rate rose to 3.5 percent.',
    {
      text: 'Der Roboter ist 2,5 Meter groß.',
      language: 'de',
    },
  ],
  invalid: [
    {
      text: 'The robot is 2,5 metres tall and weighs 150 kilograms.',
      errors: [
        {
          message: 'Unexpected decimal comma in `2,5`, expected `2.5`',
          actual: '2,5',
        },
      ],
    },
    {
      text: 'The company employed 1,500 people in Minsk and 12000 people in total.',
      errors: [
        {
          message: 'Missing thousands separators in `12000`, expected `12,000`',
          actual: '12000',
        },
      ],
      output: 'The company employed 1,500 people in Minsk and 12,000 people in total.',
    },
  ],
});
