/**
 * `foreign-word`: A function word of another language left in an English sentence (`und`, `les`, `že`).
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('foreign-word', {
  valid: [
    'The opposition said that the election was rigged.',
    'The café served crème brûlée.',
    'Die Zeit and Le Monde wrote about the vote.',
  ],
  invalid: [
    {
      text: 'In 4 patients with th rombo angiitis ob lite ran (TAO), the course of the disease ranged from 2 to 18 months.',
      errors: [
        {
          message: 'Unexpected German word `ob` in English text',
          actual: 'ob',
        },
      ],
    },
    {
      text: 'The president und the prime minister met on Monday.',
      errors: [
        {
          message: 'Unexpected German word `und` in English text',
          actual: 'und',
        },
      ],
    },
  ],
});
