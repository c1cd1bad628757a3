/**
 * Findings that report one artefact twice are merged after the rules run
 * (src/engine/duplicates.ts); two artefacts at one place are not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDuplicates, SAME_ARTEFACT } from '../src/engine/duplicates.js';
import { type Config, fixText, lint, presetConfig } from '../src/index.js';
import { getRule } from '../src/rules/index.js';

const all = presetConfig('mtlint:all');
const found = (text: string, config: Config | ReturnType<typeof presetConfig> = all) =>
  lint(text, { config }).findings.map(({ ruleId, offset, endOffset, message, alsoReportedBy, severity }) => ({
    ruleId,
    text: text.slice(offset, endOffset),
    message,
    severity,
    ...(alsoReportedBy ? { alsoReportedBy } : {}),
  }));

describe('merged: one artefact, one finding', () => {
  it('a repeated number is one finding of the number rule, naming repeated-words, with its fix', () => {
    const text = 'The law was adopted in 2024 2024 by the parliament.';
    expect(found(text)).toEqual([
      {
        ruleId: 'spurious-number',
        text: '2024 2024',
        message: 'Unexpected repeated `2024`',
        severity: 1,
        alsoReportedBy: ['repeated-words'],
      },
    ]);
    expect(fixText(text, { config: all }).output).toBe('The law was adopted in 2024 by the parliament.');
    // Unmerged, both rules find it: the evaluation scores each rule on this.
    expect(lint(text, { config: all, mergeDuplicates: false }).findings.map((f) => f.ruleId)).toEqual([
      'repeated-words',
      'spurious-number',
    ]);
  });

  it('keeps the higher severity of the merged findings', () => {
    const config: Config = { extends: [], rules: { 'repeated-words': 'error', 'spurious-number': 'warn' } };
    expect(found('In 2024 2024 they voted.', config)).toMatchObject([
      { ruleId: 'spurious-number', severity: 2, alsoReportedBy: ['repeated-words'] },
    ]);
  });

  it('« unacceptable » in English is one quote-style finding, not three', () => {
    const text = 'He called the decision « unacceptable » in a statement.';
    expect(lint(text, { config: all, mergeDuplicates: false }).findings).toHaveLength(3);
    expect(found(text)).toEqual([
      { ruleId: 'quote-style', text: '«', message: 'Unexpected `«…»`, expected `“…”`', severity: 1 },
    ]);
    expect(fixText(text, { config: all }).output).toBe('He called the decision “unacceptable” in a statement.');
  });

  it('a rule silenced by a comment leaves the other rule its finding', () => {
    const text = '<!-- mtlint-disable spurious-number -->\nIn 2024 2024 they voted.\n';
    expect(found(text)).toMatchObject([{ ruleId: 'repeated-words', text: '2024 2024' }]);
    expect(found(text)[0]).not.toHaveProperty('alsoReportedBy');
  });

  it('names rules that exist, the specific one first', () => {
    for (const pair of SAME_ARTEFACT) for (const id of pair) expect(getRule(id), id).toBeDefined();
  });
});

describe('kept apart: two artefacts at one place', () => {
  it('a full-width ≫ that is also the missing final stop of its paragraph (same range)', () => {
    const text = 'He wrote on his account for the song, the video is amazingly beautiful ≫';
    expect(found(text).map((f) => [f.ruleId, f.text])).toEqual([
      ['fullwidth-punctuation', '≫'],
      ['missing-final-punctuation', '≫'],
    ]);
  });

  it('a thousands separator inside a misplaced currency sign (one inside another, two rules)', () => {
    expect(found('The ticket costs 52.000€ in total.').map((f) => [f.ruleId, f.text])).toEqual([
      ['number-format', '52.000'],
      ['currency-spacing', '52.000€'],
    ]);
  });

  it('foreign quotes that are also unmatched, and a repeat inside quotes', () => {
    expect(found('He said: « unacceptable ».').map((f) => f.ruleId)).toEqual([
      'quote-balance',
      'quote-style',
      'quote-balance',
      'quote-style',
    ]);
    expect(found('He said: «test test» to everyone.').map((f) => f.ruleId)).toEqual(['quote-style', 'repeated-words']);
  });

  it('a doubled stop inside a long sentence, and a space before it', () => {
    const text =
      'The report said the roads were closed and the trains stopped and the schools were shut and the shops were ' +
      'empty and the people stayed at home for days while the rain fell over the whole region and nobody knew ' +
      'when it would end . . Then it stopped.';
    expect(found(text).map((f) => f.ruleId)).toEqual([
      'long-sentence',
      'space-before-punctuation',
      'doubled-punctuation',
    ]);
  });

  it('the same rule at two places, each with its own fix', () => {
    expect(found('He said “ yes ” there.').map((f) => f.text)).toEqual(['“ ', ' ”']);
    expect(found('The the the law.').map((f) => f.text)).toEqual(['The the', 'the the']);
  });

  it('changes nothing on the sample article', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), 'utf8');
    const merged = lint(text, { config: all }).findings;
    const unmerged = lint(text, { config: all, mergeDuplicates: false }).findings;
    expect(merged).toEqual(unmerged);
  });
});

describe('mergeDuplicates', () => {
  const at = (ruleId: string, offset: number, endOffset: number, fix?: [number, number, string]) => ({
    ruleId,
    message: 'Unexpected something',
    severity: 1 as const,
    offset,
    endOffset,
    ...(fix ? { fix: { range: [fix[0], fix[1]] as [number, number], text: fix[2] } } : {}),
  });

  it('does not merge two findings that bring different fixes', () => {
    const findings = [at('repeated-words', 0, 9, [4, 9, '']), at('spurious-number', 0, 9, [0, 4, ''])];
    expect(mergeDuplicates(findings)).toEqual(findings);
  });

  it('merges a fixless finding inside the range its own rule’s fix rewrites, not one outside it', () => {
    const outer = at('quote-style', 0, 1, [0, 10, '“x”']);
    const inside = at('quote-style', 8, 10);
    const outside = at('quote-style', 12, 14);
    expect(mergeDuplicates([outer, inside, outside])).toEqual([outer, outside]);
  });

  it('keeps one of two same findings of one rule at one range', () => {
    expect(mergeDuplicates([at('quote-style', 3, 4), at('quote-style', 3, 4)])).toHaveLength(1);
  });

  it('keeps a fixless finding inside a fixless one of the same rule (a missing and an extra placeholder)', () => {
    // invariants' documented not-ok example (tests/rule-docs.test.ts) runs this on real text.
    const missing = { ...at('invariants', 0, 38), message: 'Missing `{name}`' };
    const extra = { ...at('invariants', 6, 11), message: 'Unexpected `{nom}`' };
    expect(mergeDuplicates([missing, extra])).toEqual([missing, extra]);
  });
});
