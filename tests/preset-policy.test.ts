/**
 * The presets' membership is a measured decision, not a taste: this test holds
 * every rule in `mtlint:recommended` and `mtlint:strict` to the bars the README
 * states, against the committed `npm run eval` figures (bench/results/eval.json).
 * A rule change that moves a figure fails here until the eval is regenerated and
 * the rule meets its preset's bar, or leaves the preset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';

interface RuleFigures {
  id: string;
  recommended: boolean;
  strict: boolean;
  findings: number;
  hits: number;
  precision: number | null;
  sourcePer10k: number | null;
  referencePer10k: number | null;
}

const results = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'bench', 'results', 'eval.json'), 'utf8')) as {
  settings: { preset: string; rules: string[] };
  rules: RuleFigures[];
};
const figures = new Map(results.rules.map((rule) => [rule.id, rule]));

/** The bars the README states for the presets. */
const RECOMMENDED_PRECISION = 0.9;
const CLEAN_PER_10K = 1;

describe('preset policy (bench/results/eval.json)', () => {
  it('was generated from every rule, with the presets as they are now', () => {
    expect(results.settings.preset).toBe('all');
    expect([...figures.keys()].sort()).toEqual(rules.map((rule) => rule.meta.id).sort());
    for (const rule of rules) {
      const measured = figures.get(rule.meta.id);
      expect({ id: rule.meta.id, recommended: measured?.recommended, strict: measured?.strict }).toEqual({
        id: rule.meta.id,
        recommended: rule.meta.recommended,
        strict: rule.meta.recommended || rule.meta.strict === true,
      });
    }
  });

  for (const rule of rules.filter((candidate) => candidate.meta.recommended)) {
    it(`recommended: ${rule.meta.id} has measured precision ≥ 90 % and is quiet on clean English`, () => {
      const measured = figures.get(rule.meta.id) as RuleFigures;
      if (measured.findings > 0) expect(measured.precision).toBeGreaterThanOrEqual(RECOMMENDED_PRECISION);
      expect(measured.sourcePer10k ?? 0).toBeLessThanOrEqual(CLEAN_PER_10K);
      expect(measured.referencePer10k ?? 0).toBeLessThanOrEqual(CLEAN_PER_10K);
    });
  }

  for (const rule of rules.filter((candidate) => !candidate.meta.recommended && candidate.meta.strict)) {
    it(`strict: ${rule.meta.id} is quiet on clean English`, () => {
      const measured = figures.get(rule.meta.id) as RuleFigures;
      expect(measured.sourcePer10k ?? 0).toBeLessThanOrEqual(CLEAN_PER_10K);
      expect(measured.referencePer10k ?? 0).toBeLessThanOrEqual(CLEAN_PER_10K);
    });
  }
});
