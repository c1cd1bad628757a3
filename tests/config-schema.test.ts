/** The JSON Schema of the config file: up to date with the registry, and agreeing with the validation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchemaText } from '../scripts/readme.js';
import { validateConfig } from '../src/engine/config.js';

const root = join(import.meta.dirname, '..');
const committed = readFileSync(join(root, 'schema', 'mtlintrc.schema.json'), 'utf8');
const validate = new Ajv({ strictTuples: false }).compile(JSON.parse(committed));

function validByValidation(config: unknown): boolean {
  try {
    validateConfig(config, '<test>');
    return true;
  } catch {
    return false;
  }
}

describe('config JSON Schema', () => {
  it('is the one the registry generates (run `npm run docs` after changing rules)', () => {
    expect(committed).toBe(configSchemaText());
  });

  const cases: Array<[string, unknown]> = [
    [
      'the README example',
      JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(join(root, 'README.md'), 'utf8'))![1]),
    ],
    ['a preset list', { extends: ['mtlint:strict', './team.yaml'], language: 'de' }],
    [
      'numeric severities and options',
      { rules: { readability: [2, { age: 18 }], 'dash-style': ['warn', { style: 'em' }] } },
    ],
    ['an unknown rule', { rules: { 'no-such-rule': 'warn' } }],
    ['an unknown option', { rules: { readability: ['warn', { agee: 3 }] } }],
    ['an option of the wrong type', { rules: { readability: ['warn', { age: 'old' }] } }],
    ['an enumeration value out of range', { rules: { 'dash-style': ['warn', { style: 'wavy' }] } }],
    ['a bad severity', { rules: { 'doubled-punctuation': 'loud' } }],
    ['an unknown top-level key', { plugins: ['x'] }],
    ['an override without files', { overrides: [{ rules: {} }] }],
    ['a bad language', { language: 'English' }],
    ['an unknown preset', { extends: 'mtlint:strictest' }],
  ];
  for (const [name, config] of cases) {
    it(`agrees with the validation on ${name}`, () => {
      expect(validate(config)).toBe(validByValidation(config));
    });
  }

  it('offers every rule with its description for completion', () => {
    const schema = JSON.parse(committed);
    const properties = schema.definitions.rules.properties;
    expect(properties['doubled-punctuation'].description).toMatch(/Doubled or stacked punctuation/);
  });
});
