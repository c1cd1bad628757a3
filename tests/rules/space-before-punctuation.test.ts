/**
 * `space-before-punctuation`: White space before `,` `.` `;` `:` `!` `?` `)` or after `(`.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('space-before-punctuation', {
  valid: [
    'The talks, which lasted six hours, ended without an agreement.',
    'Prices rose (by 4 %) in May.',
    {
      text: 'Est-ce vrai ? Oui !',
      language: 'fr',
    },
  ],
  invalid: [
    {
      text: 'The talks , which lasted six hours , ended without an agreement .',
      errors: [
        {
          message: 'Unexpected space before `,`',
          actual: ' ',
        },
        {
          message: 'Unexpected space before `,`',
          actual: ' ',
        },
        {
          message: 'Unexpected space before `.`',
          actual: ' ',
        },
      ],
      output: 'The talks, which lasted six hours, ended without an agreement.',
    },
    {
      text: 'The measures ( announced on Friday ) apply to all imports.',
      errors: [
        {
          message: 'Unexpected space after `(`',
          actual: ' ',
        },
        {
          message: 'Unexpected space before `)`',
          actual: ' ',
        },
      ],
      output: 'The measures (announced on Friday) apply to all imports.',
    },
  ],
});
