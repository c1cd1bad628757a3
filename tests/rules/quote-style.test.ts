/**
 * `quote-style`: Mixed straight and curly quotes, foreign or wrongly oriented marks, spaces inside quotes.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('quote-style', {
  valid: [
    '“We will not leave,” she said. “Never.”',
    '"We will not leave," she said. "Never."',
    'The ‘new’ law was passed.',
  ],
  invalid: [
    {
      text: '“We will not leave,” she said. "Never."',
      errors: [
        {
          message: 'Unexpected `"…"`, expected `“…”`',
          actual: '"',
        },
      ],
      output: '“We will not leave,” she said. “Never.”',
    },
    {
      text: '„We will not leave“, she said.',
      errors: [
        {
          message: 'Unexpected `„`, expected `“`',
          actual: '„',
        },
        {
          message: 'Unexpected `“` as a closing mark, expected `”`',
          actual: '“',
        },
      ],
      output: '“We will not leave”, she said.',
    },
  ],
});
