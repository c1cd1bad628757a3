/**
 * `untranslated`: A sentence or paragraph in another language than the document.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('untranslated', {
  valid: [
    'The opposition said that the election was rigged and called for new protests on Sunday.',
    'He shouted “Жыве Беларусь!” at the end of the trial.',
  ],
  invalid: [
    {
      text: 'The opposition called for protests. Die meisten Menschen haben das Land verlassen, weil sie Angst vor der Polizei haben.',
      errors: [
        {
          message: 'Unexpected German sentence, expected English',
          actual: 'Die meisten Menschen haben das Land verlassen, weil sie Angst vor der Polizei haben.',
        },
      ],
    },
  ],
});
