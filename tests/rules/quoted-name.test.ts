/**
 * `quoted-name`: Quotation marks carried over from the source around names, slogans and scare-quoted phrases.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('quoted-name', {
  valid: [
    'The newspaper Nasha Niva was blocked.',
    'He called it “a disgrace” in a speech.',
    {
      text: 'He called the vote "a farce" in his speech.',
      options: {
        allowScareQuotes: true,
      },
    },
  ],
  invalid: [
    {
      text: 'The «Gazprom» company raised prices for Belarus.',
      errors: [
        {
          message: 'Unexpected quotation marks around the name `Gazprom`',
          actual: '«Gazprom»',
        },
      ],
      output: 'The Gazprom company raised prices for Belarus.',
    },
    {
      text: 'The "Plan" requires that the energy efficiency of 5G networks be comprehensively improved.',
      errors: [
        {
          message: 'Unexpected quotation marks around the name `Plan`',
          actual: '"Plan"',
        },
      ],
    },
  ],
});
