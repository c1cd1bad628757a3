/**
 * `currency-spacing`: Currency signs spaced or placed the way of another language (`$ 500`, `500 $`, `USD500`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('currency-spacing', {
  valid: ['The loan was worth $500 million.', 'The fine was 500 roubles.', 'Tickets cost €20 each.'],
  invalid: [
    {
      text: 'The loan was worth $ 500 million.',
      errors: [
        {
          message: 'Unexpected space in `$ 500`, expected `$500`',
          actual: '$ 500',
        },
      ],
      output: 'The loan was worth $500 million.',
    },
    {
      text: 'Tickets cost 20 € each.',
      errors: [
        {
          message: 'Unexpected `20 €`, expected `€20`',
          actual: '20 €',
        },
      ],
      output: 'Tickets cost €20 each.',
    },
    {
      text: 'The deal was worth USD500 million.',
      errors: [
        {
          message: 'Unexpected `USD500`, expected `USD 500`',
          actual: 'USD500',
        },
      ],
      output: 'The deal was worth USD 500 million.',
    },
  ],
});
