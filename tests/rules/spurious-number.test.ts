/**
 * `spurious-number`: A numeral that does not fit its sentence (`another 1500 way`, `500 500`, `in2020`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('spurious-number', {
  valid: [
    'The court sentenced 500 people in 2020 and 300 in 2021.',
    'The 1500 workers went on strike.',
    'Flight BA 123 landed at 9 a.m.',
  ],
  invalid: [
    {
      text: 'We can not treat these NGOs in another 1500 way, it turns out.',
      errors: [
        {
          message: 'Unexpected `1500` between `another` and `way`, the numeral does not fit the sentence',
          actual: '1500',
        },
      ],
    },
    {
      text: 'The protests began in2020 and lasted for months.',
      errors: [
        {
          message: 'Missing space in `in2020`, expected `in 2020`',
          actual: 'in2020',
        },
      ],
      output: 'The protests began in 2020 and lasted for months.',
    },
    {
      text: 'More than 500 500 people took to the streets.',
      errors: [
        {
          message: 'Unexpected repeated `500`',
          actual: '500 500',
        },
      ],
    },
  ],
});
