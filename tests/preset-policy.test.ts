/**
 * The presets' membership is a measured decision, not a taste: this test holds
 * every rule's `recommended`/`strict` metadata to the bars the README states
 * (`bench/eval/policy.ts`), against the committed `npm run eval` figures
 * (bench/results/eval.json), which must have been measured with the rules and
 * word lists as they are now (a fingerprint of `src/rules` and `src/text`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../bench/eval/fingerprint.js';
import { missedBars, type PolicyFigures } from '../bench/eval/policy.js';
import { generatedRuleDocs } from '../scripts/readme.js';
import { inPreset } from '../src/engine/config.js';
import { rules } from '../src/rules/index.js';

interface RuleFigures extends PolicyFigures {
  recommended: boolean;
  strict: boolean;
}

const ROOT = join(import.meta.dirname, '..');
const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'eval.json'), 'utf8')) as {
  fingerprint?: string;
  settings: { preset: string; rules: string[] };
  rules: RuleFigures[];
};
const figures = new Map(results.rules.map((rule) => [rule.id, rule]));

describe('preset policy (bench/results/eval.json)', () => {
  it('was measured with the rules and word lists as they are now', () => {
    const now = sourceFingerprint(ROOT);
    if (results.fingerprint !== now) {
      expect.fail(
        'bench/results/eval.json is stale: src/rules or src/text changed since it was measured. Run `npm run eval` (then audit the new unmatched findings with `npm run eval -- --unaudited all`, and `npm run docs`).',
      );
    }
  });

  it('was generated from every rule, with the presets as they are now', () => {
    expect(results.settings.preset).toBe('all');
    expect([...figures.keys()].sort()).toEqual(rules.map((rule) => rule.meta.id).sort());
    for (const rule of rules) {
      const measured = figures.get(rule.meta.id);
      expect({ id: rule.meta.id, recommended: measured?.recommended, strict: measured?.strict }).toEqual({
        id: rule.meta.id,
        recommended: inPreset(rule.meta, 'mtlint:recommended'),
        strict: inPreset(rule.meta, 'mtlint:strict'),
      });
    }
  });

  it("states each rule's preset and figures in its doc (run `npm run docs`)", () => {
    const stale = [...generatedRuleDocs(ROOT)]
      .filter(([path, text]) => readFileSync(path, 'utf8') !== text)
      .map(([path]) => path.slice(ROOT.length + 1));
    expect(stale).toEqual([]);
  });

  for (const rule of rules) {
    it(`${rule.meta.id} is in the presets whose bars it meets, and in no other`, () => {
      const measured = figures.get(rule.meta.id) as RuleFigures;
      const recommended = missedBars(measured, 'recommended');
      const strict = missedBars(measured, 'strict');
      expect({
        recommended: inPreset(rule.meta, 'mtlint:recommended'),
        strict: inPreset(rule.meta, 'mtlint:strict'),
        missed: { recommended, strict },
      }).toEqual({
        recommended: recommended.length === 0,
        strict: strict.length === 0,
        missed: { recommended, strict },
      });
    });
  }
});
