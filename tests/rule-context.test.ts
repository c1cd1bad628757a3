/**
 * `context.report({ flat, from, to, fix })`: rules report stretches of a
 * flattened paragraph, and the rule context maps them to the original and
 * keeps a fix only where its stretch maps one to one onto the original.
 * Checked through real rules on Markdown and HTML, where markup and entities
 * sit between the characters a rule sees side by side.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, type Config, type FormatName, lint } from '../src/index.js';

function findings(text: string, format: FormatName, rule: string) {
  const config: Config = { extends: [], rules: { [rule]: 'warn' } };
  const { findings: found } = lint(text, { format, config });
  return found.map((finding) => ({
    at: text.slice(finding.offset, finding.endOffset),
    fix: finding.fix ? `${text.slice(...finding.fix.range)}→${finding.fix.text}` : undefined,
    fixed: applyFixes(text, [finding]).output,
  }));
}

describe('reports over flat text', () => {
  it('maps a stretch inside plain words to the original and fixes it', () => {
    expect(findings('The talks *in Minsk* ended.. Then they left.\n', 'md', 'doubled-punctuation')).toEqual([
      { at: '..', fix: '..→.', fixed: 'The talks *in Minsk* ended. Then they left.\n' },
    ]);
  });

  it('reports a stretch that crosses markup over the whole of it, without a fix', () => {
    const text = '<p>The talks ended<b>.</b>. Then they left.</p>';
    expect(findings(text, 'html', 'doubled-punctuation')).toEqual([{ at: '.</b>.', fix: undefined, fixed: text }]);
  });

  it('does not fix a stretch written as an entity', () => {
    const [found] = findings('<p>The talks ended&#46;. Then they left.</p>', 'html', 'doubled-punctuation');
    expect(found.at).toBe('&#46;.');
    expect(found.fix).toBeUndefined();
  });

  it('inserts between two characters that are neighbours in the original', () => {
    expect(findings('Prices rose in2020 and fell later.\n', 'md', 'spurious-number')).toEqual([
      { at: 'in2020', fix: '→ ', fixed: 'Prices rose in 2020 and fell later.\n' },
    ]);
  });

  it('fixes a part of the reported stretch (the initial of a word)', () => {
    const text = 'The talks ended late. then they left the city for good.\n';
    const config: Config = { extends: [], rules: { 'sentence-case': 'warn' } };
    const [found] = lint(text, { format: 'md', config }).findings;
    expect(text.slice(found.offset, found.endOffset)).toBe('then');
    expect(found.fix).toEqual({ range: [22, 23], text: 'T' });
  });
});
