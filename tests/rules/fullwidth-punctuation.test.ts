/**
 * `fullwidth-punctuation`: Full-width, CJK and other scripts’ punctuation (`，。：；！？（）、「」《》`, `،`, `؟`) in the text.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('fullwidth-punctuation', {
  valid: [
    'The company said (in a statement) that sales rose.',
    {
      text: '他说：“我们不会离开。”',
      language: 'zh',
    },
    'The “Belarus Today” newspaper was closed.',
  ],
  invalid: [
    {
      text: 'The spokesman said，the talks would resume next week。',
      errors: [
        {
          message: 'Unexpected full-width `，`, expected `,`',
          actual: '，',
        },
        {
          message: 'Unexpected full-width `。`, expected `.`',
          actual: '。',
        },
      ],
      output: 'The spokesman said, the talks would resume next week.',
    },
    {
      text: 'The report《China Economic Review》was published on Monday.',
      errors: [
        {
          message: 'Unexpected full-width `《`, expected `“`',
          actual: '《',
        },
        {
          message: 'Unexpected full-width `》`, expected `”`',
          actual: '》',
        },
      ],
      output: 'The report “China Economic Review” was published on Monday.',
    },
  ],
});
