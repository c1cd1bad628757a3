/**
 * The bilingual readers (XLIFF 1.2 and 2.x, PO): every target block maps to
 * the target text in the file a person opens, carries its source, and a
 * finding's line:column points at the artefact in the target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { fixText } from '../src/engine/fixes.js';
import { extractDocument, reportedFindings } from '../src/engine/lint.js';
import { globBase, sourceFromMapping, templateProblem } from '../src/engine/sources.js';
import { extract, InputError } from '../src/formats/index.js';
import { PLACEHOLDER } from '../src/formats/mapping.js';
import { escapePo } from '../src/formats/po.js';
import { type Finding, lint } from '../src/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'bilingual');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const doubled = { extends: [], rules: { 'doubled-punctuation': 'warn' } } as const;

/** Line and column (1-based, UTF-16) of an offset, computed independently of mtlint. */
function pointOf(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

/** Each finding as `line:column rule text-at-that-place`, its position checked against `pointOf`. */
function described(text: string, findings: Finding[]): string[] {
  return findings.map((finding) => {
    expect(`${finding.line}:${finding.column}`).toBe(pointOf(text, finding.offset));
    expect(`${finding.endLine}:${finding.endColumn}`).toBe(pointOf(text, finding.endOffset));
    return `${finding.line}:${finding.column} ${finding.ruleId} ${text.slice(finding.offset, finding.endOffset)}`;
  });
}

/** Every non-atomic run of every block shows the file's own characters at its offsets. */
function expectRunsMatchFile(text: string, format: 'po' | 'xliff'): void {
  for (const block of extract(text, format).blocks) {
    const virtual = block.mapping.text;
    for (const run of block.mapping.runs) {
      if (run.atomic) continue;
      expect(text.slice(run.originalStart, run.originalStart + run.length)).toBe(
        virtual.slice(run.virtualStart, run.virtualStart + run.length),
      );
    }
  }
}

describe('PO reader', () => {
  const text = fixture('app.de-en.po');

  it('reads msgstr and msgstr[n] as blocks with their msgid / msgid_plural as source', () => {
    const document = extract(text, 'po');
    expect(document.targetLanguage).toBe('en-GB');
    expect(document.sourceLanguage).toBe('de');
    expect(document.warnings).toBeUndefined();
    expect(document.blocks.map((block) => [block.mapping.text, block.source?.text])).toEqual([
      ['Welcome back!', 'Willkommen zurück!'],
      ['%d entry was exported..', '%d Buchung wurde exportiert.'],
      ['%d entries were exported,, see the log.', '%d Buchungen wurden exportiert.'],
      ['Saving …', 'Speichern …'],
      [
        'Press "Ctrl+S" to save.\nThe folder is C:\\Kasse. .',
        'Drücken Sie "Strg+S", um zu speichern.\nDer Ordner ist C:\\Kasse.',
      ],
      ['Columns:\tDate\tAmount', 'Spalten:\tDatum\tBetrag'],
    ]);
    // The source's offsets are those of the msgid in the same file.
    for (const block of document.blocks) {
      const source = block.source as { start: number; end: number };
      expect(text.slice(source.start, source.end).startsWith(block.source?.text.slice(0, 8) ?? '?')).toBe(true);
    }
    expectRunsMatchFile(text, 'po');
  });

  it('reports findings at the target text, across escapes and multi-line strings', () => {
    const { findings } = lint(text, { filePath: 'app.po', config: doubled });
    expect(described(text, findings)).toEqual([
      '28:33 doubled-punctuation ..',
      '29:36 doubled-punctuation ,,',
      '44:25 doubled-punctuation . .',
    ]);
  });

  it("a tab written as the `\\t` escape is the program's, not prose white space; a typed tab is", () => {
    const whitespace = { extends: [], rules: { whitespace: 'warn' } } as const;
    expect(lint(text, { filePath: 'app.po', config: whitespace }).findings).toEqual([]);
    const typed = ['msgid "Spalten:\\tDatum"', 'msgstr "Columns:\tDate  and time"'].join('\n');
    expect(described(typed, lint(typed, { filePath: 'x.po', config: whitespace }).findings)).toEqual([
      '2:17 whitespace \t',
      '2:22 whitespace   ',
    ]);
    const xliff = [
      '<xliff version="1.2"><file source-language="de" target-language="en"><body>',
      '<trans-unit id="1"><source>Spalten:&#9;Datum</source><target>Columns:&#9;Date</target></trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    expect(lint(xliff, { filePath: 'x.xlf', config: whitespace }).findings).toEqual([]);
  });

  it('skips the header, obsolete and untranslated entries; lints fuzzy ones', () => {
    const small = [
      'msgid ""',
      'msgstr "Language: en\\n"',
      '',
      '#, fuzzy',
      'msgid "Eins"',
      'msgstr "One,, fuzzy"',
      'msgid "Zwei"',
      'msgstr ""',
      '#~ msgid "Drei"',
      '#~ msgstr "Three,,"',
    ].join('\n');
    const { findings } = lint(small, { filePath: 'x.po', config: doubled });
    expect(described(small, findings)).toEqual(['6:12 doubled-punctuation ,,']);
  });

  it('lints the readable entries of a file with a broken one and lists it in one warning', () => {
    const broken = [
      'msgid "Eins"',
      'msgstr "One,, two"',
      '',
      'msgid "Zwei"',
      'msgstr "Two',
      '',
      'msgid "Drei"',
      'msgstr "Three. ."',
    ].join('\n');
    const findings = reportedFindings(lint(broken, { filePath: 'x.po', config: doubled }));
    expect(described(broken, findings)).toEqual([
      '2:12 doubled-punctuation ,,',
      '5:8 format-warning "Two',
      '8:14 doubled-punctuation . .',
    ]);
    expect(findings[1].message).toBe('1 entry could not be read and was not linted: line 5 (unterminated string)');
  });

  it('a file with no readable entry is a one-line input error naming line and column', () => {
    expect(() => lint('<html>\n<body>not a PO file</body>', { filePath: 'x.po' })).toThrow(
      new InputError('x.po:1:1: not a readable PO file: unexpected `<html>`', 0),
    );
  });

  it('--fix writes back into the string without breaking its escapes', () => {
    const fixed = fixText(text, { filePath: 'app.po', config: doubled });
    expect(fixed.output).toBe(
      text
        .replace('exported.."', 'exported."')
        .replace('exported,, see', 'exported, see')
        .replace('C:\\\\Kasse. ."', 'C:\\\\Kasse."'),
    );
    expect(extract(fixed.output, 'po').blocks).toHaveLength(6);
  });

  it('escapes a fix that puts a quotation mark or backslash into a string', () => {
    expect(escapePo('say "hi"\\\n')).toBe('say \\"hi\\"\\\\\\n');
  });

  it('property: every mapped offset lies inside the msgstr, and plain runs show the file', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const lines = parts.map((part) => `"${escapePo(part)}"`);
        const po = `msgid "Quelle"\nmsgstr ${lines.join('\n')}\n`;
        const msgstrStart = po.indexOf('msgstr ') + 7;
        const document = extract(po, 'po');
        const joined = parts.join('');
        if (joined.length === 0) {
          expect(document.blocks).toHaveLength(0);
          return;
        }
        expect(document.blocks).toHaveLength(1);
        const [block] = document.blocks;
        expect(block.mapping.text).toBe(joined);
        const outside: number[] = [];
        for (let index = 0; index < joined.length; index++) {
          const start = block.mapping.toOriginalStart(index);
          const end = block.mapping.toOriginalEnd(index + 1);
          // Inside the msgstr's strings, never on a quotation mark that delimits one.
          if (start <= msgstrStart || end >= po.length - 1 || (po[start] === '"' && po[start - 1] !== '\\'))
            outside.push(index);
        }
        expect(outside).toEqual([]);
        expectRunsMatchFile(po, 'po');
      }),
      { numRuns: 150 },
    );
  });
});

describe('line endings', () => {
  it('CRLF files: XLIFF and PO findings keep their line and column', () => {
    for (const [name, expected] of [
      [
        'okapi-1.2.xlf',
        ['16:198 doubled-punctuation ,,', '21:100 doubled-punctuation . .', '29:126 doubled-punctuation ..'],
      ],
      [
        'app.de-en.po',
        ['28:33 doubled-punctuation ..', '29:36 doubled-punctuation ,,', '44:25 doubled-punctuation . .'],
      ],
    ] as const) {
      const text = fixture(name).replace(/\n/g, '\r\n');
      const { findings } = lint(text, { filePath: name, config: doubled });
      expect(described(text, findings)).toEqual(expected);
    }
  });
});

describe('XLIFF reader', () => {
  it('XLIFF 1.2 (Okapi): segments paired by mid, inline codes as placeholders, entities decoded', () => {
    const text = fixture('okapi-1.2.xlf');
    const document = extract(text, 'xliff');
    expect([document.sourceLanguage, document.targetLanguage]).toEqual(['ru-RU', 'en-US']);
    expect(document.blocks.map((block) => [block.mapping.text, block.source?.text])).toEqual([
      ['The third metro line will open in 2027', 'Третья линия метро откроется в 2027 году'],
      [
        `Construction will cost ${PLACEHOLDER}1.2 billion rubles${PLACEHOLDER}.`,
        `Строительство обойдётся в ${PLACEHOLDER}1,2 млрд рублей${PLACEHOLDER}.`,
      ],
      ['In the first phase,, four stations will open.', 'На первом этапе откроются четыре станции.'],
      [
        `The project is run by "Metrostroy & Partners"${PLACEHOLDER}. .`,
        `Проект ведёт «Метрострой & партнёры»${PLACEHOLDER}.`,
      ],
      ['More details on the metro.by website..', 'Подробнее — на сайте metro.by.'],
    ]);
    expect(document.blocks.every((block) => block.source?.language === 'ru-RU')).toBe(true);
    // The source offsets are those of the <source> (or <seg-source> segment) content.
    const second = document.blocks[2].source as { start: number; end: number };
    expect(text.slice(second.start, second.end)).toBe('На первом этапе откроются четыре станции.');
    expectRunsMatchFile(text, 'xliff');
    const { findings } = lint(text, { filePath: 'minsk-metro.xlf', config: doubled });
    expect(described(text, findings)).toEqual([
      '16:198 doubled-punctuation ,,',
      '21:100 doubled-punctuation . .',
      '29:126 doubled-punctuation ..',
    ]);
  });

  it('XLIFF 2.0: segments, pc/ph/sc/ec codes, cp characters; ignorables and translate="no" skipped', () => {
    const text = fixture('article-2.0.xlf');
    const document = extract(text, 'xliff');
    expect([document.sourceLanguage, document.targetLanguage]).toEqual(['zh-CN', 'en']);
    expect(document.blocks.map((block) => [block.mapping.text, block.source?.text])).toEqual([
      ['Spring tea output is expected to rise by 15%.', '今年春茶产量预计增长15%。'],
      [
        'According to the Ministry of Agriculture report,, picking will begin on March 24.',
        '据农业部报告，采摘将于3月24日开始。',
      ],
      [`The price is ${PLACEHOLDER} yuan per kilogram & rising. .`, `价格为每公斤${PLACEHOLDER}元。`],
      [
        `The first line, ${PLACEHOLDER}bold${PLACEHOLDER} text\tend.`,
        `第一行${PLACEHOLDER}加粗${PLACEHOLDER}文字\t结束`,
      ],
    ]);
    expectRunsMatchFile(text, 'xliff');
    const { findings } = lint(text, { filePath: 'tea.xlf', config: doubled });
    expect(described(text, findings)).toEqual(['17:114 doubled-punctuation ,,', '24:88 doubled-punctuation . .']);
  });

  it('no rule reads an inline code as text: a clean file with codes beside punctuation has no findings', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
      '<file original="a.html" source-language="de" target-language="en" datatype="html"><body>',
      '<trans-unit id="1"><source>Klicken Sie <bpt id="1">&lt;a href="x"&gt;</bpt>hier<ept id="1">&lt;/a&gt;</ept>.</source>',
      '<target>Click <bpt id="1">&lt;a href="x"&gt;</bpt>here<ept id="1">&lt;/a&gt;</ept>.</target></trans-unit>',
      '<trans-unit id="2"><source>Preis: <ph id="2">{{price}}</ph>, inkl. MwSt.<x id="3"/></source>',
      '<target>Price: <ph id="2">{{price}}</ph>, including VAT.<x id="3"/></target></trans-unit>',
      '<trans-unit id="3"><source>Siehe <g id="4">Kapitel 2</g>.</source>',
      '<target>See <g id="4">chapter 2</g>.</target></trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    const { findings } = lint(text, { filePath: 'ui.xlf', config: { extends: 'mtlint:strict' } });
    expect(described(text, findings)).toEqual([]);
  });

  it('a unit that is not well-formed is skipped and listed; the other units are linted', () => {
    const text = [
      '<xliff version="1.2"><file source-language="de" target-language="en"><body>',
      '<trans-unit id="1"><source>Eins</source><target>One,, two</target></trans-unit>',
      '<trans-unit id="2"><source>Zwei</source><target>Two <g id="1">bold</target></trans-unit>',
      '<trans-unit id="3"><source>Drei</source><target>Three. .</target></trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    const findings = reportedFindings(lint(text, { filePath: 'x.xlf', config: doubled }));
    expect(described(text, findings).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      '2:52 doubled-punctuation',
      '3:67 format-warning',
      '4:54 doubled-punctuation',
    ]);
    expect(findings[1].message).toBe(
      '1 unit could not be read and was not linted: line 3 (not well-formed XML: Missing end tag for element g)',
    );
  });

  it('input that is not XLIFF, or not XML at all, is a one-line error with line and column', () => {
    expect(() => lint('<html><body><p>Hi</p></body></html>', { filePath: 'a.xlf' })).toThrow(
      'a.xlf:1:1: not an XLIFF file (the root element is <html>)',
    );
    expect(() => lint('<xliff version="2.0">\n<file>\n<unit id="1"></file></xliff>', { filePath: 'b.xlf' })).toThrow(
      /^b\.xlf:3:14: not well-formed XML: Missing end tag for element unit$/,
    );
  });

  it('--fix writes into the target only, and the file stays well-formed XLIFF', () => {
    const text = fixture('okapi-1.2.xlf');
    const fixed = fixText(text, { filePath: 'minsk-metro.xlf', config: doubled });
    expect(fixed.output).toBe(
      text
        .replace('phase,, four', 'phase, four')
        .replace('<x id="2" ctype="image"/>. .</target>', '<x id="2" ctype="image"/>.</target>')
        .replace('website..</target>', 'website.</target>'),
    );
    expect(() => fromXml(fixed.output)).not.toThrow();
    // translate="no" units are left as they are.
    expect(fixed.output).toContain('ООО «Метрострой»,,');
  });

  it('source-aware rules read the unit source: number-mismatch reports a changed figure in the target at its line:column', () => {
    const text = fixture('article-2.0.xlf');
    const changed = text.replace('picking will begin on March 24.', 'picking will begin on March 18.');
    const config = { extends: [], rules: { 'number-mismatch': 'warn' } } as const;
    expect(lint(text, { filePath: 'tea.xlf', config }).findings).toEqual([]);
    const { findings } = lint(changed, { filePath: 'tea.xlf', config });
    expect(described(changed, findings)).toEqual(['17:145 number-mismatch 18']);
    expect(findings[0].line).toBe(changed.split('\n').findIndex((line) => line.includes('March 18')) + 1);
    // The same unit in PO: the msgid is the source.
    const po =
      'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Die Ernte beginnt am 24. März."\nmsgstr "Picking begins on March 18."\n';
    const poFindings = lint(po, { filePath: 'tea.po', config }).findings;
    expect(described(po, poFindings)).toEqual(['6:33 number-mismatch 18']);
  });

  it('property: every mapped offset lies inside the target element', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }).map((value) => {
        const text = xmlSafe(value);
        return { xml: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), text };
      }),
      fc.constantFrom(
        { xml: '&amp;', text: '&' },
        { xml: '&#x263A;', text: '☺' },
        { xml: '&#128512;', text: '😀' },
        { xml: '<x id="1"/>', text: PLACEHOLDER },
        { xml: '<ph id="2">&lt;br/&gt;</ph>', text: PLACEHOLDER },
        { xml: '<![CDATA[a<b]]>', text: 'a<b' },
        { xml: '<g id="3">in g</g>', text: 'in g' },
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const content = pieces.map((part) => part.xml).join('');
        const head = '<xliff version="1.2"><file><body><trans-unit id="1"><source>s</source>\n<target>';
        const xml = `${head}${content}</target></trans-unit></body></file></xliff>`;
        const expected = pieces.map((part) => part.text).join('');
        const document = extract(xml, 'xliff');
        if (expected.trim().length === 0) {
          expect(document.blocks).toHaveLength(0);
          return;
        }
        const [block] = document.blocks;
        expect(block.mapping.text).toBe(expected);
        const outside: number[] = [];
        for (let index = 0; index < expected.length; index++) {
          if (
            block.mapping.toOriginalStart(index) < head.length ||
            block.mapping.toOriginalEnd(index + 1) > head.length + content.length
          )
            outside.push(index);
        }
        expect(outside).toEqual([]);
        expectRunsMatchFile(xml, 'xliff');
      }),
      { numRuns: 300 },
    );
  });
});

/** `value` without the characters XML 1.0 cannot carry, and without carriage returns (XML turns them into line feeds). */
function xmlSafe(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udfff]/g, '');
}

describe('paired documents', () => {
  const source = [
    '# Третья линия метро',
    '',
    'Строительство обойдётся в 1,2 млрд рублей.',
    '',
    '- Первая очередь: 2027 год',
    '- Вторая очередь: 2030 год',
  ].join('\n');
  const target = [
    '# The third metro line',
    '',
    'Construction will cost 1.2 billion rubles,, they said.',
    '',
    '- First stage: 2027',
    '- Second stage: 2030',
  ].join('\n');

  it('pairs blocks in order, each with the source text and its place in the source file', () => {
    const document = extractDocument(target, 'md', 'metro.en.md', { text: source, filePath: 'metro.ru.md' });
    expect(document.warnings).toBeUndefined();
    expect(document.blocks.map((block) => [block.mapping.text, block.source?.text])).toEqual([
      ['The third metro line', 'Третья линия метро'],
      ['Construction will cost 1.2 billion rubles,, they said.', 'Строительство обойдётся в 1,2 млрд рублей.'],
      ['First stage: 2027', 'Первая очередь: 2027 год'],
      ['Second stage: 2030', 'Вторая очередь: 2030 год'],
    ]);
    for (const block of document.blocks) {
      const { file, start, end, text } = block.source as { file: string; start: number; end: number; text: string };
      expect(file).toBe('metro.ru.md');
      expect(source.slice(start, end)).toBe(text);
    }
    // Findings still point into the target.
    const { findings } = lint(target, {
      filePath: 'metro.en.md',
      config: doubled,
      source: source,
      sourcePath: 'metro.ru.md',
    });
    expect(described(target, findings)).toEqual(['3:42 doubled-punctuation ,,']);
  });

  it('blocks that do not line up: one file-level warning, nothing paired', () => {
    const merged = target.replace('- First stage: 2027\n- Second stage: 2030', 'First and second stages: 2027, 2030.');
    const document = extractDocument(merged, 'md', 'metro.en.md', {
      text: source,
      filePath: '/repo/metro.ru.md',
      name: 'metro.ru.md',
    });
    expect(document.blocks.every((block) => block.source === undefined)).toBe(true);
    expect(document.warnings).toEqual([
      {
        message:
          'The source has 4 blocks and the translation 3: blocks are not paired, so source-aware rules check nothing in this file. ' +
          'They first differ at block 3: a list item at /repo/metro.ru.md:5 in the source, a paragraph at line 5 in the translation',
        start: 0,
        end: 0,
      },
    ]);
    const { findings, warnings } = lint(merged, {
      filePath: 'metro.en.md',
      config: doubled,
      source,
      sourcePath: 'metro.ru.md',
    });
    expect(described(merged, findings)).toEqual(['3:42 doubled-punctuation ,,']);
    expect(warnings?.map((warning) => `${warning.line}:${warning.column}`)).toEqual(['1:1']);
  });

  it('a source beside an XLIFF file is not read: the units carry their own', () => {
    const xliff = fixture('article-2.0.xlf');
    const document = extractDocument(xliff, 'xliff', 'a.xlf', { text: 'Anything else', filePath: 'x.txt' });
    expect(document.blocks[0].source?.text).toBe('今年春茶产量预计增长15%。');
  });
});

describe('the sources mapping', () => {
  it('{path}, {dir}, {file} and {stem} are taken from the target path below the glob base', () => {
    expect(globBase('content/en/**/*.md')).toBe('content/en');
    expect(globBase('**/*.en.md')).toBe('');
    const root = '/repo';
    const mapping = {
      'content/en/**/*.md': 'content/ru/{path}',
      'docs/**/*.en.md': 'docs/{dir}/{stem}.de.md',
      'ui/en/*.json': 'ui/source/{file}',
    };
    expect(sourceFromMapping(mapping, root, '/repo/content/en/blog/2024/a.md')).toBe('/repo/content/ru/blog/2024/a.md');
    expect(sourceFromMapping(mapping, root, '/repo/docs/guide/setup.en.md')).toBe('/repo/docs/guide/setup.de.md');
    expect(sourceFromMapping(mapping, root, '/repo/docs/index.en.md')).toBe('/repo/docs/index.de.md');
    expect(sourceFromMapping(mapping, root, '/repo/ui/en/app.json')).toBe('/repo/ui/source/app.json');
    expect(sourceFromMapping(mapping, root, '/repo/content/ru/blog/a.md')).toBeUndefined();
    expect(sourceFromMapping(mapping, root, '/elsewhere/content/en/a.md')).toBeUndefined();
  });

  it('a template with an unknown placeholder is refused', () => {
    expect(templateProblem('content/ru/{path}')).toBeUndefined();
    expect(templateProblem('content/ru/{name}')).toBe(
      'unknown placeholder `{name}` (known: {path}, {dir}, {file}, {stem})',
    );
    expect(templateProblem('  ')).toBe('must be a path');
  });
});

describe('JSON and YAML catalogs, paired by key path', () => {
  const de = fixture('locales/de/common.json');
  const en = fixture('locales/en/common.json');

  it('JSON: each string value is a block with the source value at the same key path', () => {
    const document = extractDocument(en, 'json', 'en.json', { text: de, filePath: 'de.json' });
    expect(document.blocks.map((block) => [block.mapping.text, block.source?.text])).toEqual([
      ['Home', 'Startseite'],
      ['My account', 'Mein Konto'],
      ['Checkout', 'Zur Kasse'],
      ['You are ordering {count} items for {total}..', 'Sie bestellen {count} Artikel für {total}.'],
      [
        'Please check your "delivery address",,\nThen confirm.',
        'Bitte prüfen Sie Ihre "Lieferadresse".\nDanach bestätigen.',
      ],
      ['Free shipping from €50!', undefined],
      ['Page not found.', 'Seite nicht gefunden.'],
      ['Access denied. .', 'Zugriff verweigert.'],
    ]);
    expect(document.warnings?.map((warning) => warning.message)).toEqual([
      '1 key has no source in de.json: `checkout.promo`',
    ]);
    const findings = reportedFindings(
      lint(en, { filePath: 'en.json', config: doubled, source: de, sourcePath: 'de.json' }),
    );
    expect(described(en, findings)).toEqual([
      '8:59 doubled-punctuation ..',
      '9:54 doubled-punctuation ,,',
      '10:15 format-warning ',
      '12:47 doubled-punctuation . .',
    ]);
    expectRunsMatchFile(en, 'json');
  });

  it('YAML (Rails): the root locale keys give the languages; quoted, plain and block scalars map exactly', () => {
    const target = fixture('rails/en.yml');
    const document = extractDocument(target, 'yaml', 'en.yml', { text: fixture('rails/de.yml'), filePath: 'de.yml' });
    expect([document.sourceLanguage, document.targetLanguage]).toEqual(['de', 'en']);
    expect(document.blocks.map((block) => block.source?.text)).toEqual([
      'Hallo %{name}!',
      'Sie haben noch keine Bestellungen.',
      'Ihre Bestellung wurde am %{date} versandt.',
      'Fragen? Schreiben Sie uns.\nWir antworten innerhalb eines Tages.\n',
    ]);
    const { findings } = lint(target, {
      filePath: 'en.yml',
      config: doubled,
      source: fixture('rails/de.yml'),
      sourcePath: 'de.yml',
    });
    expect(described(target, findings)).toEqual([
      '4:34 doubled-punctuation ,,',
      '5:48 doubled-punctuation . .',
      '8:29 doubled-punctuation ..',
    ]);
    expectRunsMatchFile(target, 'yaml');
  });

  it('--fix writes JSON escapes, and leaves a YAML fix that could change the meaning to a person', () => {
    const fixed = fixText(en, { filePath: 'en.json', config: doubled });
    expect(JSON.parse(fixed.output).checkout.notice).toBe('Please check your "delivery address",\nThen confirm.');
    expect(JSON.parse(fixed.output).errors).toEqual(['Page not found.', 'Access denied.']);
    const yamlText = 'en:\n  a: Hello,, world\n  b: "Say \\"hi\\",, please"\n';
    const yamlFixed = fixText(yamlText, { filePath: 'en.yml', config: doubled });
    expect(yamlFixed.output).toBe('en:\n  a: Hello, world\n  b: "Say \\"hi\\", please"\n');
  });

  it('a catalog that cannot be parsed at all is a one-line error', () => {
    expect(() => lint('', { filePath: 'x.json' })).toThrow('x.json:1:1: not a JSON catalog: value expected');
    expect(() =>
      lint('en:\n  a: Hi\n', {
        filePath: 'en.yml',
        source: '"unclosed',
        sourcePath: 'de.yml',
      }),
    ).toThrow('de.yml:1:10: not a YAML catalog: Missing closing "quote');
  });
});
