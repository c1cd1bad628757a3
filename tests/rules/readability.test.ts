/**
 * `readability`: Sentences that readability formulas agree are hard to read.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('readability', {
  valid: ['The police came. They took him away. We never saw him again.'],
  invalid: [
    {
      text: "The international community looks forward to China's wisdom and China's plan, and looks forward to China's development bringing new opportunities to the world.",
      errors: [
        {
          message: 'Unexpected hard-to-read sentence: 5 of 7 readability formulas put it above reading age 16',
          actual:
            "The international community looks forward to China's wisdom and China's plan, and looks forward to China's development bringing new opportunities to the world.",
        },
      ],
    },
  ],
});
