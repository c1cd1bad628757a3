/**
 * `missing-final-punctuation`: A prose paragraph that ends without `.`, `!`, `?` or `…`.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('missing-final-punctuation', {
  valid: [
    'The border between Belarus and Poland stayed closed on Monday, the ministry said.',
    'Lukashenko wins again',
    'What happens next?',
  ],
  invalid: [
    {
      text: 'The border between Belarus and Poland stayed closed on Monday, the ministry said\n\nThe talks will resume next week.',
      errors: [
        {
          message: 'Missing final punctuation at the end of the paragraph',
          actual: 'd',
        },
      ],
    },
    {
      text: 'The fitness industry should be free of the crisis of trust, the association said in its report',
      errors: [
        {
          message: 'Missing final punctuation at the end of the paragraph',
          actual: 't',
        },
      ],
    },
  ],
});
