/**
 * Findings point at the artefact in the original file, in every format, with
 * CRLF line endings, a BOM, tabs and astral characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTrees, extract, LineIndex, MAX_PARSE_LENGTH } from '../src/formats/index.js';
import { type Finding, type FormatName, lint } from '../src/index.js';
import { textOf } from '../src/nlcst/flat.js';
import { walk } from '../src/nlcst/walk.js';

const config = { extends: [], rules: { 'doubled-punctuation': 'warn', 'space-before-punctuation': 'warn' } } as const;

/** Line and column (1-based, UTF-16) of an offset, computed independently of mtlint. */
function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function check(text: string, format: FormatName, expected: string[]): Finding[] {
  const { findings, bom } = lint(text, { format, config });
  const body = bom ? text.slice(1) : text;
  expect(findings.map((finding) => body.slice(finding.offset, finding.endOffset))).toEqual(expected);
  for (const finding of findings) {
    expect({ line: finding.line, column: finding.column }).toEqual(pointOf(body, finding.offset));
    expect({ line: finding.endLine, column: finding.endColumn }).toEqual(pointOf(body, finding.endOffset));
  }
  return findings;
}

describe('positions', () => {
  it('a paragraph longer than one parse (parsed in pieces): words of every piece point at themselves', () => {
    // Repeated words in the second and third piece too: their offsets moved once, not once per shared point.
    const text = `${'Police raided the homes of activists. '.repeat(2500)}End.`;
    expect(text.length).toBeGreaterThan(2 * MAX_PARSE_LENGTH);
    const piece = (index: number) => text.indexOf('the homes', index);
    const at = [piece(100), piece(MAX_PARSE_LENGTH + 100), piece(2 * MAX_PARSE_LENGTH + 100)];
    const doubled = [...at]
      .reverse()
      .reduce((result, offset) => `${result.slice(0, offset)}the ${result.slice(offset)}`, text);
    const { findings } = lint(doubled, { format: 'txt', config: { extends: [], rules: { 'repeated-words': 'warn' } } });
    expect(findings.map((finding) => doubled.slice(finding.offset, finding.endOffset))).toEqual([
      'the the',
      'the the',
      'the the',
    ]);
    expect(findings.map((finding) => finding.offset)).toEqual(at.map((offset, index) => offset + 4 * index));
  });

  it('plain text: the sample article', () => {
    const text = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');
    const [finding] = check(text, 'txt', ['. .']);
    expect(finding).toMatchObject({ line: 17, column: 278 });
  });

  it('plain text with CRLF, tabs and emoji', () => {
    const text = 'First line.\r\n\tTabbed 😀 text , here.\r\n\r\nEmoji 👍🏽 end. . Next\r\n';
    const findings = check(text, 'txt', [' ', '. .']);
    expect(findings[0]).toMatchObject({ line: 2, column: 16 });
    // The thumbs-up and its skin tone are four UTF-16 code units.
    expect(findings[1]).toMatchObject({ line: 4, column: 15 });
  });

  it('a byte order mark is not counted in columns', () => {
    const findings = check('\uFEFFHello , world', 'txt', [' ']);
    expect(findings[0]).toMatchObject({ line: 1, column: 6, offset: 5 });
  });

  it('Markdown: emphasis, links, entities, block quotes, lists and tables', () => {
    const text = [
      '# Title , here',
      '',
      'Some *emphasis* text , with a [link](https://example.com) . And &amp; more ,, done.',
      '',
      '> Quoted line ,',
      '> continued . .',
      '',
      '- item , one',
      '',
      '| a , b | c |',
      '| --- | --- |',
      '| d | e |',
    ].join('\n');
    check(text, 'md', [' ', ' ', ' ', ' ', ',,', ' ', ' ', '. .', ' ', ' ']);
  });

  it('Markdown: code, front matter, HTML comments and URLs are not linted', () => {
    const text = [
      '---',
      'title: Not , linted',
      '---',
      '',
      'Inline `code , here` and <https://example.com/a,,b> are skipped , but not this.',
      '',
      '```',
      'fenced , code . .',
      '```',
      '',
      '    indented , code',
      '',
      '<!-- a comment , here -->',
    ].join('\n');
    check(text, 'md', [' ']);
  });

  it('Markdown with CRLF and a BOM', () => {
    const text = '\uFEFF# Title\r\n\r\nA line , with\r\nmore text. . Here\r\n';
    check(text, 'md', [' ', '. .']);
  });

  it('HTML: entities, inline elements, and skipped elements', () => {
    const text = [
      '<html><head><title>Title</title><style>a , b {}</style></head><body>',
      '<h1>Head ,, line</h1>',
      '<p>Some <b>bold</b> text , and &amp; more . <code>x ,, y</code></p>',
      '<pre>pre , text . .</pre><script>var a = 1 , b;</script>',
      '<p>caf&eacute; ,, done</p>',
      '</body></html>',
    ].join('\n');
    check(text, 'html', [' ', ',,', ' ', ' ', ' ', ',,']);
  });

  it('HTML with CRLF and astral characters', () => {
    const text = '<p>Emoji 😀\r\nline two , here</p>\r\n<p>𝒳 end. . Next</p>';
    const findings = check(text, 'html', [' ', '. .']);
    expect(findings[0]).toMatchObject({ line: 2, column: 9 });
  });
});

describe('the English parser is used for every format', () => {
  it('keeps "Mr. Smith" in one sentence in Markdown and HTML', async () => {
    const { extract, buildTrees, LineIndex } = await import('../src/formats/index.js');
    for (const [format, text] of [
      ['md', 'Mr. Smith went to *Washington*. He stayed.'],
      ['html', '<p>Mr. Smith went to <em>Washington</em>. He stayed.</p>'],
      ['txt', 'Mr. Smith went to Washington. He stayed.'],
    ] as const) {
      const [tree] = [...buildTrees(extract(text, format).blocks, new LineIndex(text))];
      const sentences = tree.children[0].children.filter((node) => node.type === 'SentenceNode');
      expect(sentences, format).toHaveLength(2);
    }
  });
});

describe('tree positions', () => {
  // Plain-text blocks move the parser's points in place (shared between nodes); every node must still
  // point at its own text, with the line and column of its offsets.
  for (const [name, text, format] of [
    ['the sample article', readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8'), 'txt'],
    ['CRLF, tabs and emoji', 'First line.\r\n\tTabbed 😀 text , here.\r\n\r\nEmoji 👍🏽 end. . Next\r\n', 'txt'],
    [
      'Markdown with a plain paragraph',
      '# Title\n\nPlain *and* marked.\n\nOnly plain text here. Two sentences.\n',
      'md',
    ],
  ] as const) {
    it(`${name}: every node's offsets, lines and columns`, () => {
      const lines = new LineIndex(text);
      let nodes = 0;
      for (const tree of buildTrees(extract(text, format).blocks, lines)) {
        walk(tree, (node) => {
          const position = node.position;
          if (!position) return;
          nodes++;
          const start = position.start.offset ?? -1;
          const end = position.end.offset ?? -1;
          expect({ line: position.start.line, column: position.start.column }).toEqual(pointOf(text, start));
          expect({ line: position.end.line, column: position.end.column }).toEqual(pointOf(text, end));
          // A root spans the blank lines between its paragraphs; every other node is one stretch of text.
          if (format === 'txt' && node.type !== 'RootNode') expect(text.slice(start, end)).toBe(textOf(node));
        });
      }
      expect(nodes).toBeGreaterThan(10);
    });
  }
});
