/**
 * `quote-balance`: Opening or closing quotation marks without a partner in their paragraph.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('quote-balance', {
  valid: [
    '“We will not leave,” she said.',
    'The so-called “referendum” was held in February.',
    'He wrote: “The war is over.”',
  ],
  invalid: [
    {
      text: '"Since the reform and opening up, China has achieved long-term rapid development.',
      errors: [
        {
          message: 'Unmatched opening quotation mark `"`',
          actual: '"',
        },
      ],
    },
    {
      text: 'The video is amazingly beautiful” and was shared a million times.',
      errors: [
        {
          message: 'Unmatched closing quotation mark `”`',
          actual: '”',
        },
      ],
    },
  ],
});
