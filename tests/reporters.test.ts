/** Every output format, on real findings: stylish, ESLint JSON, SARIF 2.1.0 (schema-validated) and GitHub. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/engine/result.js';
import { lint, reporters, rules, VERSION } from '../src/index.js';
import { escapeData, escapeProperty } from '../src/report/github.js';

const cwd = '/work/project';
const context = { cwd, color: false, rules: rules.map((rule) => rule.meta), version: VERSION };
const text = 'Hello , world. . Then 100% : done,, ok.\nSecond line , here.';
const results = [
  summarize(
    join(cwd, 'news/a.txt'),
    lint(text, { config: { extends: 'mtlint:strict', rules: { 'doubled-punctuation': 'error' } } }).findings,
  ),
];

describe('stylish', () => {
  it("is ESLint's layout with positions, severities and rule ids, uncoloured", () => {
    const output = reporters.stylish(results, context);
    expect(output).toContain('news/a.txt');
    expect(output).toMatch(/\n {2}1:6 +warning +Unexpected space before `,` +space-before-punctuation\n/);
    expect(output).toMatch(/\n {2}1:14 +error +Unexpected `. .`, expected `.` +doubled-punctuation\n/);
    expect(output).not.toContain(' mtlint');
    expect(output).toMatch(
      /✖ \d+ problems \(2 errors, \d+ warnings\)\n {2}2 errors and \d+ warnings potentially fixable/,
    );
    expect(output).not.toContain('\u001b[');
    expect(reporters.stylish(results, { ...context, color: true })).toContain('\u001b[');
  });

  it('fits every row into the terminal width, wrapping long messages under the message column', () => {
    const long = lint('He said: “We will go. . Then we leave in another 1500 way.', {
      config: { extends: 'mtlint:all' },
    }).findings;
    const wide = [summarize(join(cwd, 'a.txt'), long)];
    for (const width of [80, 100, 120]) {
      const rows = reporters.stylish(wide, { ...context, width }).split('\n');
      for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(width);
    }
    const narrow = reporters.stylish(wide, { ...context, width: 80 });
    const message = long.find((finding) => finding.message.length > 40)!.message;
    // Every word of a wrapped message is still there, in order, once the rule-id column is set aside.
    let messages = narrow;
    for (const finding of long) messages = messages.replaceAll(finding.ruleId, ' ');
    const words = messages.split(/\s+/).join(' ');
    expect(words).toContain(message.split(/\s+/).join(' '));
  });
});

describe('json', () => {
  it("has ESLint's formatter shape", () => {
    const parsed = JSON.parse(reporters.json(results, context));
    expect(parsed).toHaveLength(1);
    const [file] = parsed;
    expect(Object.keys(file).sort()).toEqual(
      [
        'errorCount',
        'fatalErrorCount',
        'filePath',
        'fixableErrorCount',
        'fixableWarningCount',
        'messages',
        'warningCount',
      ].sort(),
    );
    expect(file.filePath).toBe(join(cwd, 'news/a.txt'));
    expect(file.errorCount).toBe(2);
    expect(file.messages[0]).toEqual({
      ruleId: 'space-before-punctuation',
      severity: 1,
      message: 'Unexpected space before `,`',
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 7,
      fix: { range: [5, 6], text: '' },
    });
    for (const message of file.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(reporters.sarif(results, context));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a rules table and results that point into it', () => {
    const log = JSON.parse(reporters.sarif(results, context));
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('mtlint');
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.meta.id));
    const doubled = driver.rules.find((rule: { id: string }) => rule.id === 'doubled-punctuation');
    expect(doubled.helpUri).toContain('#doubled-punctuation');
    expect(doubled.shortDescription.text).toBe(
      rules.find((r) => r.meta.id === 'doubled-punctuation')?.meta.description,
    );
    const result = log.runs[0].results.find((entry: { ruleId: string }) => entry.ruleId === 'doubled-punctuation');
    expect(driver.rules[result.ruleIndex].id).toBe('doubled-punctuation');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'news/a.txt', uriBaseId: 'SRCROOT' });
    expect(result.locations[0].physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 14,
      endLine: 1,
      endColumn: 17,
    });
  });

  it('is valid with no results and with odd file names', () => {
    const odd = [
      summarize(join(cwd, 'dir with space/ä #1.md'), lint('x ,', { config: { extends: 'mtlint:strict' } }).findings),
    ];
    expect(validate(JSON.parse(reporters.sarif([], context)))).toBe(true);
    expect(validate(JSON.parse(reporters.sarif(odd, context)))).toBe(true);
  });
});

describe('github', () => {
  it('prints one workflow command per finding with GitHub escaping', () => {
    const output = reporters.github(results, context).trim().split('\n');
    expect(output[0]).toBe(
      '::warning file=news/a.txt,line=1,col=6,endLine=1,endColumn=7,title=mtlint (space-before-punctuation)::Unexpected space before `,`',
    );
    expect(output.some((line) => line.startsWith('::error file=news/a.txt,line=1,col=14'))).toBe(true);
  });

  it('escapes %, CR, LF in data and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});
