/**
 * The engine entry of the web page (`src/browser.ts`) and the config file the
 * page exports (`src/browser-config.ts`), under Node: the browser test checks
 * the page, this checks that its catalogue and configs mean what the command
 * line means by them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor, lint, PRESETS, ruleCatalog } from '../src/browser.js';
import { presetConfig, resolveConfigObject } from '../src/engine/config.js';
import { rules } from '../src/rules/index.js';

const catalog = ruleCatalog();
const enabledBy = (config: ReturnType<typeof configFor>) => [...resolveConfigObject(config).rules.keys()].sort();

describe('ruleCatalog', () => {
  it('lists every rule with the presets it is in and its README anchor', () => {
    expect(catalog.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.meta.id));
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    for (const rule of catalog) {
      expect(rule.url).toBe(`https://github.com/mtlint/mtlint/blob/main/README.md#${rule.id}`);
      expect(readme).toContain(`<a id="${rule.id}"></a>`);
      expect(rule.presets).toContain('mtlint:all');
      if (rule.presets.includes('mtlint:recommended')) expect(rule.presets).toContain('mtlint:strict');
    }
    for (const preset of PRESETS) {
      expect(
        catalog
          .filter((rule) => rule.presets.includes(preset))
          .map((rule) => rule.id)
          .sort(),
      ).toEqual([...presetConfig(preset).rules.keys()].sort());
    }
  });
});

describe('configFor', () => {
  it('writes only the preset when no rule is switched against it', () => {
    for (const preset of PRESETS) {
      const enabled = new Set(catalog.filter((rule) => rule.presets.includes(preset)).map((rule) => rule.id));
      expect(configFor(catalog, preset, enabled)).toEqual({ extends: preset });
    }
  });

  it('writes the switched rules, and resolves to exactly the rules that are on', () => {
    const enabled = new Set(
      catalog.filter((rule) => rule.presets.includes('mtlint:recommended')).map((rule) => rule.id),
    );
    enabled.delete('sentence-case');
    enabled.add('number-format');
    enabled.add('dash-style');
    const config = configFor(catalog, 'mtlint:recommended', enabled);
    expect(config).toEqual({
      extends: 'mtlint:recommended',
      rules: { 'dash-style': 'warn', 'number-format': 'warn', 'sentence-case': 'off' },
    });
    expect(enabledBy(config)).toEqual([...enabled].sort());
    expect(enabledBy(configFor(catalog, 'mtlint:all', new Set()))).toEqual([]);
  });

  it('lints with the exported config as the command line does', () => {
    const text = 'The talks ended. . the talks in \u041cinsk ended.';
    const strictOnly = configFor(catalog, 'mtlint:strict', new Set(['mixed-script']));
    expect(lint(text, { config: strictOnly }).findings.map((finding) => finding.ruleId)).toEqual(['mixed-script']);
  });
});
