/**
 * Every rule's documented examples run as tests: `ok` examples produce no
 * finding, `not-ok` inputs produce exactly the documented findings, and
 * `fixed` shows what `--fix` makes of the input (an input that `--fix`
 * changes without a `fixed` block fails: every fix is documented).
 */
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleDocs } from '../scripts/rule-docs.js';
import { type FormatName, fixText, lint, rules } from '../src/index.js';

const docs = readRuleDocs(join(import.meta.dirname, '../src/rules'));

function formatOf(name: string): FormatName {
  const extension = extname(name);
  return extension === '.md' ? 'md' : extension === '.html' ? 'html' : 'txt';
}

function configFor(id: string, options: Record<string, unknown> | undefined) {
  return { extends: [], rules: { [id]: options ? ['warn', options] : 'warn' } } as const;
}

describe('rule documentation', () => {
  it('documents every registered rule, and only those', () => {
    expect(docs.map((doc) => doc.id).sort()).toEqual(rules.map((rule) => rule.meta.id).sort());
  });

  for (const doc of docs) {
    describe(doc.id, () => {
      it('names every example ok… or not-ok… (others would never run)', () => {
        expect(doc.examples.map((example) => example.name).filter((name) => !/^(?:ok|not-ok)/.test(name))).toEqual([]);
      });

      it('lives in a file named after its id and has ok and not-ok examples', () => {
        expect(doc.file).toBe(`${doc.id}.ts`);
        expect(doc.description.length).toBeGreaterThan(20);
        expect(doc.examples.some((example) => example.name.startsWith('ok'))).toBe(true);
        expect(doc.examples.some((example) => example.name.startsWith('not-ok') && example.label === 'input')).toBe(
          true,
        );
      });

      /** Bilingual examples: the `source` example of the same name, and the languages. */
      const bilingual = (name: string, language: string | undefined) => {
        const source = doc.examples.find((e) => e.name === name && e.label === 'source');
        if (!source) return {};
        return { source: source.text, sourceLanguage: source.language, targetLanguage: language };
      };

      for (const example of doc.examples.filter((e) => e.name.startsWith('ok') && e.label !== 'source')) {
        it(`${example.name}: no findings`, () => {
          const result = lint(example.text, {
            filePath: example.name,
            format: formatOf(example.name),
            config: configFor(doc.id, example.config),
            ...bilingual(example.name, example.language),
          });
          expect(result.findings.map((f) => `${f.line}:${f.column}: ${f.message}`)).toEqual([]);
        });
      }

      const groups = new Map<string, typeof doc.examples>();
      for (const example of doc.examples.filter((e) => e.name.startsWith('not-ok'))) {
        const group = groups.get(example.name) ?? [];
        group.push(example);
        groups.set(example.name, group);
      }
      for (const [name, group] of groups) {
        const input = group.find((e) => e.label === 'input');
        const output = group.find((e) => e.label === 'output');
        const fixed = group.find((e) => e.label === 'fixed');
        if (!input) continue;
        const config = configFor(doc.id, input.config);
        const pair = bilingual(name, input.language);
        it(`${name}: reports the documented findings`, () => {
          const result = lint(input.text, { filePath: name, format: formatOf(name), config, ...pair });
          const actual = result.findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}: ${f.message}`);
          expect(actual.length).toBeGreaterThan(0);
          // The documented output is what the rule reports: an input without one documents nothing.
          expect(output, `${name} has no output block`).toBeDefined();
          expect(actual).toEqual(output?.text.split('\n').filter((line) => line.trim().length > 0));
        });
        // A fix the documentation does not show is a fix nobody checked: a `fixed` block pins each one.
        it(fixed ? `${name}: --fix gives the documented text` : `${name}: fixes nothing (no fixed block)`, () => {
          const result = fixText(input.text, { filePath: name, format: formatOf(name), config, ...pair });
          expect(result.output, `${name} is fixed but has no fixed block`).toBe(fixed ? fixed.text : input.text);
        });
      }
    });
  }
});
