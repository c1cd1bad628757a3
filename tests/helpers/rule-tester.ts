/**
 * A `valid`/`invalid` table for one rule, in the shape of ESLint's
 * `RuleTester`: every `valid` text gives no finding, every `invalid` text
 * gives exactly the listed errors, in document order, and `--fix` makes
 * `output` of it (no `output`: `--fix` must leave the text as it is, so a fix
 * nobody wrote down fails the test).
 *
 *     testRule('doubled-punctuation', {
 *       valid: ['The talks ended. Then they left.'],
 *       invalid: [{ text: 'The talks ended.. Then', errors: [{ actual: '..' }], output: 'The talks ended. Then' }],
 *     });
 */
import { describe, expect, it } from 'vitest';
import { type Finding, type FormatName, fixText, getRule, type LintOptions, lint } from '../../src/index.js';

export interface ValidCase {
  text: string;
  /** The rule's options (merged over its defaults). */
  options?: Record<string, unknown>;
  /** The document language (BCP 47); `en` when not given. */
  language?: string;
  format?: FormatName;
  /** Bilingual rules: the source text the `text` translates, and its language. */
  source?: string;
  sourceLanguage?: string;
  /** The test's title; the start of the text when not given. */
  name?: string;
}

export interface ExpectedError {
  /** The whole message, or a pattern it matches. */
  message?: string | RegExp;
  /** The stretch of `text` the finding covers. */
  actual?: string;
  line?: number;
  column?: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** What `--fix` makes of `text`; leave out when the rule offers no fix here. */
  output?: string;
}

export function testRule(id: string, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(id, () => {
    it('is a registered rule with valid and invalid cases', () => {
      expect(getRule(id)?.meta.id).toBe(id);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    for (const entry of cases.valid) {
      const valid = typeof entry === 'string' ? { text: entry } : entry;
      it(`valid: ${titleOf(valid)}`, () => {
        expect(findingsOf(id, valid).map(describeFinding)).toEqual([]);
      });
    }

    for (const invalid of cases.invalid) {
      it(`invalid: ${titleOf(invalid)}`, () => {
        const found = findingsOf(id, invalid);
        expect(found.map(describeFinding), 'number of findings').toHaveLength(invalid.errors.length);
        invalid.errors.forEach((error, index) => {
          const finding = found[index];
          if (error.message instanceof RegExp) expect(finding.message).toMatch(error.message);
          else if (error.message !== undefined) expect(finding.message).toBe(error.message);
          if (error.actual !== undefined)
            expect(invalid.text.slice(finding.offset, finding.endOffset)).toBe(error.actual);
          if (error.line !== undefined) expect(finding.line).toBe(error.line);
          if (error.column !== undefined) expect(finding.column).toBe(error.column);
        });
        const fixed = fixText(invalid.text, lintOptions(id, invalid)).output;
        expect(fixed, invalid.output === undefined ? 'a fix without an output' : 'output').toBe(
          invalid.output ?? invalid.text,
        );
      });
    }
  });
}

function titleOf(entry: ValidCase): string {
  if (entry.name) return entry.name;
  const line = entry.text.replace(/\s+/g, ' ');
  return line.length > 70 ? `${line.slice(0, 70)}…` : line;
}

function lintOptions(id: string, entry: ValidCase): LintOptions {
  const format = entry.format ?? 'txt';
  const rule = entry.options ? ['warn', entry.options] : 'warn';
  return {
    filePath: `case.${format}`,
    format,
    config: { extends: [], language: entry.language ?? 'en', rules: { [id]: rule } } as LintOptions['config'],
    ...(entry.source === undefined
      ? {}
      : { source: entry.source, sourceLanguage: entry.sourceLanguage, targetLanguage: entry.language ?? 'en' }),
  };
}

function findingsOf(id: string, entry: ValidCase): Finding[] {
  return lint(entry.text, lintOptions(id, entry)).findings;
}

function describeFinding(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.message}`;
}
