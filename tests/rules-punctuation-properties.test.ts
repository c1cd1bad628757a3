/**
 * Properties of the punctuation family on random text built from words,
 * marks, brackets, quotes and spaces: findings stay inside the text, and
 * `--fix` converges and touches only punctuation and spacing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../src/index.js';

const FAMILY = [
  'doubled-punctuation',
  'space-before-punctuation',
  'missing-space-after-punctuation',
  'stray-punctuation',
  'fullwidth-punctuation',
  'unbalanced-brackets',
  'whitespace',
  'dash-style',
];
const config = { extends: [], rules: Object.fromEntries(FAMILY.map((id) => [id, 'warn'])) } as never;

const piece = fc.constantFrom(
  'the',
  'Police',
  'left',
  'U.S.',
  'e.g.',
  'Tut.by',
  '3.5',
  '10:30',
  'a)',
  ':)',
  'i',
  'said',
  '.',
  ',',
  ';',
  ':',
  '?',
  '!',
  '...',
  '(',
  ')',
  '[',
  ']',
  '“',
  '”',
  '"',
  "'",
  '—',
  '-',
  '--',
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '，',
  '。',
  '\u200b',
  '\u00a0',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function lettersAndDigits(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '');
}

describe('punctuation family properties', () => {
  it('findings lie inside the text and fixes converge', () => {
    fc.assert(
      fc.property(text, (input) => {
        const findings = lint(input, { format: 'txt', config }).findings;
        for (const finding of findings) {
          expect(finding.offset).toBeGreaterThanOrEqual(0);
          expect(finding.endOffset).toBeLessThanOrEqual(input.length);
          expect(finding.message.startsWith('Internal error')).toBe(false);
        }
        const once = fixText(input, { format: 'txt', config }).output;
        const twice = fixText(once, { format: 'txt', config }).output;
        const thrice = fixText(twice, { format: 'txt', config }).output;
        expect(thrice).toBe(twice);
        // Fixes edit punctuation and spacing only: letters and digits are never lost or added.
        expect(lettersAndDigits(once)).toBe(lettersAndDigits(input));
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
