/**
 * `unbalanced-brackets`: A `(` `[` `{` that nothing closes, or a `)` `]` `}` that nothing opened, in a paragraph.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('unbalanced-brackets', {
  valid: [
    'The opposition (led by Sviatlana Tsikhanouskaya) rejected the vote.',
    'First, a) the law; second, b) the decree.',
    'Prices [in roubles] rose.',
  ],
  invalid: [
    {
      text: 'Summary: Corneal keratopigmentation KTP) has a long history in patients with corneal opacities.',
      errors: [
        {
          message: 'Unmatched `)`: nothing opens it in this paragraph',
          actual: ')',
        },
      ],
    },
    {
      text: 'There were significantly more female patients (20 (30.3%) in the first group than in the second.',
      errors: [
        {
          message: 'Unmatched `(`: nothing closes it in this paragraph',
          actual: '(',
        },
      ],
    },
  ],
});
