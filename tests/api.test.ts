/** The public API: lint, lintFiles, applyFixes, the registry, presets and the unified plugin. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixText, getRule, lint, lintFiles, presets, recommended, rules } from '../src/index.js';
import { tempDir } from './helpers/cli.js';

const sample = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');

describe('lint', () => {
  it('finds the doubled full stop in the sample article with a fix (mtlint:strict)', () => {
    const { findings } = lint(sample, { filePath: 'article.txt', config: { extends: 'mtlint:strict' } });
    const doubled = findings.find((finding) => finding.ruleId === 'doubled-punctuation');
    expect(doubled).toMatchObject({
      line: 17,
      severity: 1,
      message: 'Unexpected `. .`, expected `.`',
      actual: '. .',
      expected: ['.'],
      url: expect.stringContaining('#doubled-punctuation'),
    });
    expect(sample.slice(doubled?.offset, doubled?.endOffset)).toBe('. .');
    expect(doubled?.fix).toEqual({ range: [doubled?.offset, doubled?.endOffset], text: '.' });
  });

  it('takes the format from the path and the config from the options', () => {
    const text = 'Code `a , b` here , too.';
    expect(lint(text, { filePath: 'a.md' }).findings).toHaveLength(1);
    expect(lint(text, { filePath: 'a.txt' }).findings).toHaveLength(2);
    expect(lint(text, { format: 'md', config: { rules: { 'space-before-punctuation': 'off' } } }).findings).toEqual([]);
    expect(
      lint(text, { format: 'md', config: { rules: { 'space-before-punctuation': 'error' } } }).findings[0].severity,
    ).toBe(2);
  });

  it('keeps correct English quiet', () => {
    const text =
      'The U.S. economy grew by 2.5% in 2023, the minister said. Growth was 3.4 percent... or so (officially). Really?!';
    expect(lint(text).findings).toEqual([]);
  });
});

describe('each rule sees each paragraph once', () => {
  // Duplicate merging would hide a rule run twice on the same chunk: look at the unmerged findings.
  const article = readFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), 'utf8');
  const all = { extends: ['mtlint:all'] as string[] };
  const keyOf = (finding: { ruleId: string; offset?: number; line: number; column: number; message: string }) =>
    `${finding.ruleId}@${finding.line}:${finding.column} ${finding.message}`;
  const cases: [string, () => ReturnType<typeof lint>][] = [
    ['plain text', () => lint(article, { config: all, mergeDuplicates: false })],
    ['Markdown', () => lint(article, { format: 'md', config: all, mergeDuplicates: false })],
    [
      'HTML',
      () =>
        lint(`<p>${article.split('\n\n').join('</p>\n<p>')}</p>`, {
          format: 'html',
          config: all,
          mergeDuplicates: false,
        }),
    ],
    ['a translation with its source', () => lint(article, { config: all, source: article, mergeDuplicates: false })],
  ];
  for (const [name, run] of cases) {
    it(`reports no finding twice (${name})`, () => {
      const keys = run().findings.map(keyOf);
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    });
  }
});

describe('applyFixes', () => {
  it('applies non-overlapping edits and leaves everything else untouched', () => {
    const text = 'She left , then $ 500 came,back.';
    const { findings } = lint(text);
    const result = applyFixes(text, findings);
    expect(result.output).toBe('She left, then $500 came, back.');
    expect(result.applied).toBe(3);
  });

  it('skips overlapping and invalid edits', () => {
    const result = applyFixes('abcdef', [
      { fix: { range: [1, 3], text: 'X' } },
      { fix: { range: [2, 4], text: 'Y' } },
      { fix: { range: [5, 99], text: 'Z' } },
      {},
    ]);
    expect(result.output).toBe('aXdef');
  });

  it('fixText repeats until stable and keeps a BOM and CRLF', () => {
    const text = '\uFEFFOne , two.\r\nThree the the end .\r\n';
    const result = fixText(text);
    expect(result.output).toBe('\uFEFFOne, two.\r\nThree the end.\r\n');
    expect(result.result.findings.filter((finding) => finding.fix)).toEqual([]);
  });
});

describe('lintFiles', () => {
  it('lints folders with the config cascade, in a stable order', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'b.md'), 'Hello $ 5 world.\n');
      writeFileSync(join(dir.path, 'a.txt'), 'Hello,, world of $ 5.\n');
      writeFileSync(join(dir.path, 'c.bin'), 'not linted , at all');
      writeFileSync(join(dir.path, '.mtlintrc.json'), '{"rules": {"doubled-punctuation": "error"}}');
      const { results, errors } = lintFiles(['.'], { cwd: dir.path });
      expect(errors).toEqual([]);
      expect(results.map((result) => result.filePath.slice(dir.path.length + 1))).toEqual(['a.txt', 'b.md']);
      expect(results[0]).toMatchObject({
        errorCount: 1,
        warningCount: 1,
        fixableErrorCount: 1,
        fixableWarningCount: 1,
      });
    } finally {
      dir.cleanup();
    }
  });
});

describe('registry and presets', () => {
  it('every rule has an id, description, docs URL, severity, recommended flag and frozen options', () => {
    for (const rule of rules) {
      expect(rule.meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.description).not.toContain('\n');
      expect(rule.meta.url).toContain(`#${rule.meta.id}`);
      expect(['warn', 'error']).toContain(rule.meta.defaultSeverity);
      expect(typeof rule.meta.recommended).toBe('boolean');
      expect(Object.isFrozen(rule.meta.defaultOptions)).toBe(true);
      expect(getRule(rule.meta.id)).toBe(rule);
    }
  });

  it('presets resolve to rule sets', () => {
    expect(presets['mtlint:all']().rules.size).toBe(rules.length);
    expect(presets['mtlint:recommended']().rules.size).toBeLessThan(rules.length);
  });

  it('the recommended preset is a unified plugin with mtlint ids', async () => {
    const processor = unified().use(retextEnglish).use(recommended);
    const file = new VFile('She left , then the end the end.');
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => [message.source, message.ruleId])).toEqual([
      ['mtlint', 'space-before-punctuation'],
      ['mtlint', 'repeated-phrase'],
    ]);
  });
});
