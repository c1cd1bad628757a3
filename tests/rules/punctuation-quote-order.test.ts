/**
 * `punctuation-quote-order`: Comma or full stop on both sides of closing quotation marks in one document, or against a house style.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('punctuation-quote-order', {
  valid: [
    'She called it “a disgrace,” and he called it “a crime.”',
    {
      text: 'She called it “a disgrace”, and he called it “a crime”.',
      options: {
        style: 'british',
      },
    },
  ],
  invalid: [
    {
      text: 'She called it “a disgrace,” and he called it “a crime”.',
      errors: [
        {
          message: 'Unexpected `”.`, expected `.”` as elsewhere in this document',
          actual: '”.',
        },
      ],
      output: 'She called it “a disgrace,” and he called it “a crime.”',
    },
    {
      text: 'She called it “a disgrace”, and he called it “a crime”.',
      options: {
        style: 'american',
      },
      errors: [
        {
          message: 'Unexpected `”,`, expected `,”`',
          actual: '”,',
        },
        {
          message: 'Unexpected `”.`, expected `.”`',
          actual: '”.',
        },
      ],
      output: 'She called it “a disgrace,” and he called it “a crime.”',
    },
  ],
});
