/**
 * The edits behind "Disable <rule> for this line / file" and "Fix all": each
 * case applies the edit and lints again, so a comment that the format layer
 * would not see (or that would break the document) fails the test.
 */
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/fixes.js';
import { lint } from '../src/engine/lint.js';
import type { FormatName } from '../src/formats/index.js';
import { describeEdit, disableFileEdit, disableLineEdit, minimalEdit, type OffsetEdit } from '../src/lsp/actions.js';

function apply(text: string, edit: OffsetEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** Disables the first finding of `ruleId` for its line; returns the new text and what is left. */
function disableLine(text: string, format: FormatName, ruleId: string) {
  const finding = lint(text, { format }).findings.find((f) => f.ruleId === ruleId);
  if (!finding) throw new Error(`no ${ruleId} finding`);
  const output = apply(text, disableLineEdit(text, format, finding.offset, ruleId));
  return { output, left: lint(output, { format }).findings.map((f) => f.ruleId) };
}

describe('Disable <rule> for this line', () => {
  it('Markdown: a comment line above a paragraph that starts a block', () => {
    const { output, left } = disableLine('# Title\n\nShe left , then\n', 'md', 'space-before-punctuation');
    expect(output).toBe('# Title\n\n<!-- mtlint-disable-next-line space-before-punctuation -->\nShe left , then\n');
    expect(left).toEqual([]);
  });

  it('Markdown: at the end of the line inside a paragraph, a list item or a table, keeping hard breaks', () => {
    const cases: [string, string][] = [
      [
        'First line\nShe left , then\n',
        'First line\nShe left , then <!-- mtlint-disable-line space-before-punctuation -->\n',
      ],
      ['- a\n- She left , then\n', '- a\n- She left , then <!-- mtlint-disable-line space-before-punctuation -->\n'],
      [
        'Line one\nShe left , then\\\nnext\n',
        'Line one\nShe left , then <!-- mtlint-disable-line space-before-punctuation -->\\\nnext\n',
      ],
      [
        '| a | b |\n| - | - |\n| x | She left , then |\n',
        '| a | b |\n| - | - |\n| x | She left , then <!-- mtlint-disable-line space-before-punctuation --> |\n',
      ],
      [
        'Text\r\nShe left , then\r\n',
        'Text\r\nShe left , then <!-- mtlint-disable-line space-before-punctuation -->\r\n',
      ],
    ];
    for (const [input, expected] of cases) {
      const { output, left } = disableLine(input, 'md', 'space-before-punctuation');
      expect(output).toBe(expected);
      expect(left).toEqual([]);
    }
  });

  it('HTML: above the line with its indentation, or at its end when the line starts inside a tag', () => {
    const page = '<ul>\n  <li>She left , then</li>\n</ul>\n';
    const above = disableLine(page, 'html', 'space-before-punctuation');
    expect(above.output).toBe(
      '<ul>\n  <!-- mtlint-disable-next-line space-before-punctuation -->\n  <li>She left , then</li>\n</ul>\n',
    );
    expect(above.left).toEqual([]);
    const tag = '<p class="a"\n   id="b">She left , then</p>\n';
    const end = disableLine(tag, 'html', 'space-before-punctuation');
    expect(end.output).toBe(
      '<p class="a"\n   id="b">She left , then</p> <!-- mtlint-disable-line space-before-punctuation -->\n',
    );
    expect(end.left).toEqual([]);
  });

  it('leaves the other rules of the line alone', () => {
    const { left } = disableLine('Intro.\n\nShe left , then the end the end.\n', 'md', 'space-before-punctuation');
    expect(left).toEqual(['repeated-phrase']);
  });
});

describe('Disable <rule> for this file', () => {
  it('goes after front matter (Markdown) or the doctype (HTML)', () => {
    const md = '---\ntitle: x\n---\nShe left , then\n';
    const mdOut = apply(md, disableFileEdit(md, 'md', 'space-before-punctuation'));
    expect(mdOut).toBe('---\ntitle: x\n---\n<!-- mtlint-disable space-before-punctuation -->\nShe left , then\n');
    expect(lint(mdOut, { format: 'md' }).findings).toEqual([]);
    const html = '<!doctype html>\n<p>She left , then</p>\n';
    const htmlOut = apply(html, disableFileEdit(html, 'html', 'space-before-punctuation'));
    expect(htmlOut).toBe('<!doctype html>\n<!-- mtlint-disable space-before-punctuation -->\n<p>She left , then</p>\n');
    expect(lint(htmlOut, { format: 'html' }).findings).toEqual([]);
  });

  it('adds the rule to a disable comment already at the top', () => {
    const md = '<!-- mtlint-disable repeated-words -->\nShe left , then the the end.\n';
    const out = apply(md, disableFileEdit(md, 'md', 'space-before-punctuation'));
    expect(out).toBe('<!-- mtlint-disable repeated-words space-before-punctuation -->\nShe left , then the the end.\n');
    expect(lint(out, { format: 'md' }).findings).toEqual([]);
  });

  it('keeps a byte order mark first', () => {
    const md = '\uFEFFShe left , then\n';
    const out = apply(md, disableFileEdit(md, 'md', 'space-before-punctuation'));
    expect(out).toBe('\uFEFF<!-- mtlint-disable space-before-punctuation -->\nShe left , then\n');
    expect(lint(out, { format: 'md' }).findings).toEqual([]);
  });
});

describe('fix all and titles', () => {
  it('one minimal edit reproduces fixText', () => {
    const text = 'Intro stays.\n\nShe left , then , the the end.\n\nOutro stays.\n';
    const fixed = fixText(text, { format: 'md' }).output;
    const edit = minimalEdit(text, fixed)!;
    expect(apply(text, edit)).toBe(fixed);
    expect(text.slice(0, edit.start)).toBe('Intro stays.\n\nShe left');
    expect(minimalEdit(text, text)).toBeUndefined();
    // Never splits a surrogate pair.
    const astral = minimalEdit('a😀b', 'a😃b')!;
    expect(astral).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('titles say what the edit does', () => {
    expect(describeEdit('. .', '.')).toBe('Replace `. .` with `.`');
    expect(describeEdit(' ', '')).toBe('Remove the space');
    expect(describeEdit('', ',')).toBe('Insert `,`');
  });
});
