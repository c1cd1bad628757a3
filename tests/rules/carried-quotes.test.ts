/**
 * `carried-quotes`: Bilingual: scare quotes carried over from a source language that quotes names and emphasis.
 * Artefacts as machine translation writes them (several from the dev set) and
 * correct text that must stay quiet; the rule's documented examples run in
 * tests/rule-docs.test.ts.
 */
import { testRule } from '../helpers/rule-tester.js';

testRule('carried-quotes', {
  valid: [
    {
      text: 'The Belaruskali company lost its buyers.',
      source: 'Компания «Беларуськалий» потеряла покупателей.',
      sourceLanguage: 'ru',
    },
    {
      text: 'He said: “We will stay.”',
      source: 'Он сказал: «Мы останемся».',
      sourceLanguage: 'ru',
    },
  ],
  invalid: [
    {
      text: 'The “Belaruskali” company lost its buyers.',
      source: 'Компания «Беларуськалий» потеряла покупателей.',
      sourceLanguage: 'ru',
      errors: [
        {
          message:
            'Unexpected quotation marks around `Belaruskali`: carried over from the Russian source, which quotes names and emphasis',
          actual: '“Belaruskali”',
        },
      ],
    },
  ],
});
