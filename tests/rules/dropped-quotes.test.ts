/**
 * `dropped-quotes`: Speech left without quotation marks, or a quotation opened in the middle of speech.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('dropped-quotes', {
  valid: [
    '“Do you mind?” Kayel asked.',
    'She said that she would not leave the country.',
    '“We will stay,” he said. “We have nowhere to go.”',
  ],
  invalid: [
    {
      text: 'Do you mind if I sit here? Kayel asked.',
      errors: [
        {
          message: 'Speech attributed to `Kayel` has no quotation marks',
          actual: 'Do',
        },
      ],
    },
  ],
});
