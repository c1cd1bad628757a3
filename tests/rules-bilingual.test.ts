/**
 * Bilingual mode: a source paired with the target's paragraphs reaches the
 * source-aware rules, their findings point back into the source (JSON and
 * SARIF show where), and the rules find real artefacts of the dev set's MT
 * output while leaving correct human translations alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultDevDir, type EvalRecord, isCleanReference, languageOf, parseJsonl } from '../bench/eval/data.js';
import { summarize } from '../src/engine/result.js';
import { fixText, lint, reporters, rules, VERSION } from '../src/index.js';
import { toDiagnostics } from '../src/lsp/diagnostics.js';
import { chineseNumeralValue, numeralReadings, readNumbers } from '../src/text/number-reading.js';

const BILINGUAL = [
  'number-mismatch',
  'end-punctuation',
  'invariants',
  'source-script',
  'quote-count',
  'carried-quotes',
  'untranslated-segment',
  'length-ratio',
];

function only(...ids: string[]) {
  return { extends: [], rules: Object.fromEntries(ids.map((id) => [id, 'warn'])) } as const;
}

describe('pairing a source with the target', () => {
  const source = 'Die Studie lief vom 24. März bis Mai.\n\nSie umfasste 1.500 Patienten.';
  const target = 'The study ran from March 18 to May.\n\nIt included 1,500 patients.';

  it('gives each paragraph its source, and related places point into the source text', () => {
    const result = lint(target, {
      config: only('number-mismatch'),
      source,
      sourcePath: 'study.de.txt',
      sourceLanguage: 'de',
      targetLanguage: 'en',
    });
    expect(result.warnings).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding.message).toBe('Unexpected `18`, the source has `24`');
    expect(target.slice(finding.offset, finding.endOffset)).toBe('18');
    expect(finding.related).toEqual([
      {
        message: '`24` in the source',
        filePath: 'study.de.txt',
        line: 1,
        column: 21,
        endLine: 1,
        endColumn: 23,
        offset: 20,
        endOffset: 22,
      },
    ]);
    expect(source.slice(20, 22)).toBe('24');
  });

  it('pairs nothing, with one warning, when the block counts differ', () => {
    const result = lint('The study ran from March 18 to May. It included 1,500 patients.', {
      config: only(...BILINGUAL),
      source,
      sourceLanguage: 'de',
    });
    expect(result.findings).toEqual([]);
    expect(result.warnings).toEqual([
      {
        message:
          'The source has 2 blocks and the translation 1: blocks are not paired, so source-aware rules check nothing in this file. ' +
          'They first differ at block 2: a paragraph at <source>:3 in the source, none in the translation (its last block is a paragraph at line 1)',
        line: 1,
        column: 1,
        offset: 0,
      },
    ]);
  });

  it('the warning says where the structure first differs: block, kind and line in each file', () => {
    const sourceMd = '# Третья линия\n\nСтоимость 1,2 млрд.\n\n- Первая очередь: 2027\n- Вторая очередь: 2030\n';
    const warningOf = (targetMd: string) =>
      lint(targetMd, {
        format: 'md',
        config: only(...BILINGUAL),
        source: sourceMd,
        sourcePath: 'metro.ru.md',
      }).warnings?.[0]?.message.split('. They ')[1];
    // A list turned into a paragraph: the kinds differ at the third block.
    expect(warningOf('# Third line\n\nIt costs 1.2 billion.\n\nFirst stage: 2027, second: 2030.\n')).toBe(
      'first differ at block 3: a list item at metro.ru.md:5 in the source, a paragraph at line 5 in the translation',
    );
    // A paragraph the translator added at the end.
    expect(
      warningOf('# Third line\n\nIt costs 1.2 billion.\n\n- First stage: 2027\n- Second stage: 2030\n\nMore soon.\n'),
    ).toBe(
      'first differ at block 5: none in the source (its last block is a list item at metro.ru.md:6), a paragraph at line 8 in the translation',
    );
    // The same structure pairs, with no warning.
    expect(warningOf('# Third line\n\nIt costs 1.2 billion.\n\n- First stage: 2027\n- Second stage: 2030\n')).toBe(
      undefined,
    );
  });

  it('leaves target-only linting alone: no source, no bilingual finding', () => {
    expect(lint(target, { config: only(...BILINGUAL) }).findings).toEqual([]);
  });

  it('pairs Markdown blocks in order and fixes the changed figure with the source number', () => {
    const fixed = fixText('# Results\n\nThe study ran from March 18 to May.\n', {
      format: 'md',
      config: only('number-mismatch'),
      source: '# Ergebnisse\n\nDie Studie lief vom 24. März bis Mai.\n',
      sourceLanguage: 'de',
    });
    expect(fixed.output).toBe('# Results\n\nThe study ran from March 24 to May.\n');
  });

  describe('reporters show the source side', () => {
    const result = lint(target, {
      config: only('number-mismatch'),
      source,
      sourcePath: '/work/project/study.de.txt',
      sourceLanguage: 'de',
    });
    const results = [summarize('/work/project/study.en.txt', result.findings)];
    const context = { cwd: '/work/project', color: false, rules: rules.map((rule) => rule.meta), version: VERSION };

    it('json: relatedInformation names the source file', () => {
      const [file] = JSON.parse(reporters.json(results, context));
      expect(file.messages[0].relatedInformation).toEqual([
        {
          message: '`24` in the source',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 23,
          filePath: '/work/project/study.de.txt',
        },
      ]);
    });

    it('lsp: relatedInformation in the source file, at its line and column', () => {
      const document = TextDocument.create('file:///work/project/study.en.txt', 'plaintext', 1, target);
      const [diagnostic] = toDiagnostics(document, result.findings);
      expect(diagnostic.relatedInformation).toEqual([
        {
          location: {
            uri: 'file:///work/project/study.de.txt',
            range: { start: { line: 0, character: 20 }, end: { line: 0, character: 22 } },
          },
          message: '`24` in the source',
        },
      ]);
    });

    it('sarif: relatedLocations in the source artifact, valid against the schema', () => {
      const log = JSON.parse(reporters.sarif(results, context));
      const [location] = log.runs[0].results[0].relatedLocations;
      expect(location.physicalLocation.artifactLocation).toEqual({ uri: 'study.de.txt', uriBaseId: 'SRCROOT' });
      expect(location.physicalLocation.region).toEqual({
        startLine: 1,
        startColumn: 21,
        endLine: 1,
        endColumn: 23,
        charOffset: 20,
        charLength: 2,
      });
      const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'schemas/sarif-2.1.0.json'), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      expect(validate(log)).toBe(true);
    });
  });
});

describe('reading numbers by value', () => {
  const values = (text: string, language: string) => readNumbers(text, language).map((mention) => mention.values);

  it('reads Chinese numerals, with units and digit by digit', () => {
    expect(chineseNumeralValue('三千五百万')).toBe(35_000_000);
    expect(chineseNumeralValue('二〇二二')).toBe(2022);
    expect(chineseNumeralValue('十五')).toBe(15);
    expect(chineseNumeralValue('两亿')).toBe(200_000_000);
  });

  it('reads every locale’s separators, ambiguous ones both ways', () => {
    expect(numeralReadings('1.500').values.sort()).toEqual([1.5, 1500]);
    expect(numeralReadings('1 500 000').values).toEqual([1_500_000]);
    expect(numeralReadings('0,05').values).toContain(0.05);
    expect(numeralReadings('1.500,25').values).toEqual([1500.25]);
    expect(numeralReadings('1,500.25').values).toEqual([1500.25]);
  });

  it('applies scale words of each language, and the scale of a range to both ends', () => {
    expect(values('25万', 'zh')[0]).toContain(250_000);
    expect(values('3,5 Mio.', 'de')[0]).toContain(3_500_000);
    expect(values('2 млн', 'ru')[0]).toContain(2_000_000);
    const range = values('4 to 6 million', 'en');
    expect(range[0]).toContain(4_000_000);
    expect(range[1]).toContain(6_000_000);
  });

  it('reads number words, decades and dates part by part', () => {
    expect(values('twenty-five', 'en')[0]).toContain(25);
    expect(values('a dozen', 'en')[0]).toContain(12);
    expect(values('fünfundzwanzig', 'de')[0]).toContain(25);
    expect(values('20世纪70年代', 'zh')[1]).toContain(1970);
    expect(values('15.09.2020', 'de')).toEqual([[15], [9], [2020]]);
  });
});

describe('number-mismatch --fix', () => {
  const fixed = (sourceText: string, sourceLanguage: string, targetText: string, targetLanguage = 'en') =>
    fixText(targetText, { config: only('number-mismatch'), source: sourceText, sourceLanguage, targetLanguage }).output;

  it('writes the source figure in the target language where that is safe', () => {
    expect(fixed('Im Jahr 2020 waren es 5 Mio.', 'de', 'In 2021 it was 5 million.')).toBe('In 2020 it was 5 million.');
    expect(fixed('Es waren −5 Grad.', 'de', 'It was -6 degrees.')).toBe('It was -5 degrees.');
    expect(fixed('Es waren 25 Patienten.', 'de', 'There were 2.5 patients.')).toBe('There were 25 patients.');
  });

  it('leaves a figure with an ordinal suffix, and an ambiguous source figure, to a person', () => {
    expect(fixed('Die Sitzung ist am 24. März.', 'de', 'The meeting is on March 21st.')).toBe(
      'The meeting is on March 21st.',
    );
    // `1.500` is 1500 in German and 1.5 in English: which one the translation needs is not for a fix to guess.
    expect(fixed('Es kostet 1.500 Euro.', 'de', 'It costs 1,400 euros.')).toBe('It costs 1,400 euros.');
  });
});

describe('rules on pairs written for the test', () => {
  const check = (id: string, sourceText: string, sourceLanguage: string, targetText: string, targetLanguage = 'en') =>
    lint(targetText, { config: only(id), source: sourceText, sourceLanguage, targetLanguage }).findings.map(
      (finding) => finding.message,
    );

  it('number-mismatch: conversions, scale words and number words are not mismatches', () => {
    expect(
      check('number-mismatch', '气温高达100华氏度。', 'zh', 'The temperature reached 38 degrees Celsius.'),
    ).toEqual([]);
    expect(
      check('number-mismatch', '他们用了三周时间，花费25万元。', 'zh', 'It took them three weeks and 250,000 yuan.'),
    ).toEqual([]);
    expect(check('number-mismatch', '8 ft. long', 'en', '2,4 Meter lang', 'de')).toEqual([]);
    expect(check('number-mismatch', 'Um 15 Uhr beginnt die Sitzung.', 'de', 'The session starts at 3 p.m.')).toEqual(
      [],
    );
    // A measure written with the article (`about a foot`) converted to centimetres or millimetres.
    expect(
      check('number-mismatch', 'That bit there is about a foot long.', 'en', 'Das Stück ist ca. 30cm lang.', 'de'),
    ).toEqual([]);
    expect(check('number-mismatch', 'It is an inch wide.', 'en', 'Es ist 25 mm breit.', 'de')).toEqual([]);
    expect(
      check('number-mismatch', 'That bit there is about a foot long.', 'en', 'Das Stück ist ca. 80cm lang.', 'de'),
    ).toEqual(['Unexpected `80`, the source has no such number']);
    // A fraction word written as a per cent.
    expect(check('number-mismatch', 'Die Hälfte der Patienten.', 'de', '50% of the patients.')).toEqual([]);
    expect(check('number-mismatch', 'A quarter of them left.', 'en', '25 % von ihnen gingen.', 'de')).toEqual([]);
    expect(check('number-mismatch', 'Die Hälfte der Patienten.', 'de', '60% of the patients.')).toEqual([
      'Unexpected `60%`, the source has no such number',
    ]);
    // Decades, clock hours with minutes, and the second year of a span written short.
    expect(
      check('number-mismatch', 'In den 80er Jahren war es anders.', 'de', 'In the 1980s it was different.'),
    ).toEqual([]);
    expect(
      check('number-mismatch', 'In den 80er Jahren war es anders.', 'de', 'In the 1970s it was different.'),
    ).toEqual(['Unexpected `1970`, the source has `80er`']);
    expect(check('number-mismatch', 'At 5:30 p.m.', 'en', 'Um 17:30 Uhr.', 'de')).toEqual([]);
    expect(check('number-mismatch', 'Es geschah 2019/20.', 'de', 'It happened in 2019-2020.')).toEqual([]);
    expect(check('number-mismatch', 'In the 1999–00 season.', 'en', 'In der Saison 1999/2000.', 'de')).toEqual([]);
    expect(check('number-mismatch', 'Es geschah 2019/20.', 'de', 'It happened in 2019-2021.')).toEqual([
      'Unexpected `2021`, the source has `20`',
    ]);
    // A conversion is between units of one dimension: 12 ft is 3.66 m, and 3.2 is not 8 ft in centimetres per inch.
    expect(
      check('number-mismatch', 'Robots 8 ft., 12 ft. long.', 'en', 'Roboter, 2,40 m lange, 3,2 m lange.', 'de'),
    ).toEqual(['Unexpected `3,2`, the source has `12`']);
    expect(check('number-mismatch', 'Robots 8 ft., 12 ft. long.', 'en', 'Roboter, 2,40 m, 3,70 m lang.', 'de')).toEqual(
      [],
    );
    expect(check('number-mismatch', 'Er wog 220 Pfund.', 'de', 'He weighed 100 kg.')).toEqual([]);
    // `in` after a figure is the preposition, not inches: no temperature or length conversion explains 336,000.
    expect(
      check(
        'number-mismatch',
        '入境旅客从2021年的33.06万人次增长19倍。',
        'zh',
        'Arrivals rose 19-fold from 336,000 in 2021.',
      ),
    ).toEqual(['Unexpected `336,000`, the source has `33.06万`']);
    expect(check('number-mismatch', 'He had a pound of rice.', 'en', 'Er hatte 5 kg Reis.', 'de')).toEqual([
      'Unexpected `5`, the source has no such number',
    ]);
    expect(check('number-mismatch', '他们用了三周时间。', 'zh', 'It took them 2 weeks.')).toEqual([
      'Unexpected `2`, the source has no such number',
    ]);
  });

  it('end-punctuation: a question that became a statement; a changed tone is left alone', () => {
    expect(check('end-punctuation', '这是真的吗？', 'zh', 'Is this true.')).toEqual([
      'Unexpected `.`, expected `?`: the source is a question',
    ]);
    expect(check('end-punctuation', '太好了！', 'zh', 'That is great.')).toEqual([]);
    expect(check('end-punctuation', '他说：“这是真的吗？”', 'zh', 'He asked: “Is this true?”')).toEqual([]);
  });

  it('invariants: URLs, handles and tags carried over are fine, changed ones are not', () => {
    expect(
      check(
        'invariants',
        'Folgen Sie @mtlint unter <b>https://example.com/</b>.',
        'de',
        'Follow @mtlint at <b>https://example.com</b>.',
      ),
    ).toEqual([]);
    expect(check('invariants', 'Schreiben Sie an info@example.com.', 'de', 'Write to info@exemple.com.')).toEqual([
      'Missing `info@example.com`: the source has this e-mail address, the translation does not',
      'Unexpected `info@exemple.com`, the source has no such e-mail address',
    ]);
    expect(check('invariants', 'Um 11 % gestiegen.', 'de', 'Up 11% since 2015.')).toEqual([]);
  });

  it('source-script: a name in the source’s script is found; Greek letters of a German source are not', () => {
    expect(check('source-script', 'Компания «Газпром» выросла.', 'ru', 'The company Газпром grew.')).toEqual([
      'Unexpected `Газпром`: Cyrillic letters left from the source',
    ]);
    expect(check('source-script', 'TNF-α war erhöht.', 'de', 'TNF-α was elevated.')).toEqual([]);
  });

  it('quote-count and carried-quotes: speech quoted in both is fine', () => {
    const source = '他说：“我们明天再谈。”';
    const target = 'He said: "We will talk tomorrow."';
    expect(check('quote-count', source, 'zh', target)).toEqual([]);
    expect(check('carried-quotes', source, 'zh', target)).toEqual([]);
    expect(
      check('carried-quotes', '公司推出了《长安》一书。', 'zh', 'The company published the book "Chang\'an".'),
    ).toEqual([]);
  });
});

// The dev set (real MT output and human references); without it the test fails in CI and is skipped locally.
const DEV = defaultDevDir(join(import.meta.dirname, '..'));
const FILES = ['mqm_zhen.dev.jsonl', 'mqm_ende.dev.jsonl', 'mqm_bio_x2en.dev.jsonl'];
const haveData = FILES.every((file) => existsSync(join(DEV, file)));

describe.skipIf(!haveData && process.env.CI !== 'true')('on the dev set', () => {
  const records = haveData
    ? FILES.flatMap((file) => parseJsonl(readFileSync(join(DEV, file), 'utf8'), file))
    : ([] as EvalRecord[]);
  const find = (lp: string, system: string, doc: string, docSeg: number) => {
    const record = records.find((r) => r.lp === lp && r.system === system && r.doc === doc && r.doc_seg === docSeg);
    if (!record) throw new Error(`no record ${lp} ${system} ${doc} ${docSeg}`);
    return record;
  };
  const lintRecord = (record: EvalRecord, ids: string[]) =>
    lint(record.target, {
      config: only(...ids),
      source: record.source,
      sourceLanguage: languageOf(record.lp, 'source'),
      targetLanguage: languageOf(record.lp, 'target'),
    }).findings;

  it('number-mismatch finds figures an MT system changed', () => {
    const changed = lintRecord(find('ru-en', 'TMT_run1', 'doc52', 1), ['number-mismatch']);
    expect(changed.map((finding) => finding.message)).toEqual(['Unexpected `2015`, the source has `2018`']);
    expect(changed[0].fix?.text).toBe('2018');
    const percent = lintRecord(find('ru-en', 'TMT_run1', 'doc71', 12), ['number-mismatch']);
    expect(percent.map((finding) => finding.message)).toContain('Unexpected `28.1%`, the source has no such number');
  });

  it('number-mismatch reads 20世纪70年代 as the 1970s in every translation', () => {
    const translations = records.filter((r) => r.lp === 'zh-en' && r.doc === 'doc91' && r.doc_seg === 2);
    expect(translations.length).toBeGreaterThan(5);
    const flagged = translations.filter((r) =>
      lintRecord(r, ['number-mismatch']).some((finding) => !finding.message.includes('111000')),
    );
    expect(flagged).toEqual([]);
  });

  it('carried-quotes finds the scare quotes of 芯片战', () => {
    const record = records.find(
      (r) => r.lp === 'zh-en' && r.source.includes('“芯片战”') && r.target.includes('"chip war"'),
    );
    expect(record).toBeDefined();
    const findings = lintRecord(record as EvalRecord, ['carried-quotes']);
    expect(findings.map((finding) => record?.target.slice(finding.offset, finding.endOffset))).toContain('"chip war"');
  });

  it('the default bilingual rules flag at most 2 clean human references in 1,000', () => {
    const clean = records.filter(isCleanReference);
    expect(clean.length).toBeGreaterThan(1000);
    for (const id of ['number-mismatch', 'invariants', 'quote-count', 'carried-quotes', 'source-script']) {
      const flagged = clean.filter((record) => lintRecord(record, [id]).length > 0).length;
      expect({ id, perThousand: (flagged * 1000) / clean.length }).toEqual({
        id,
        perThousand: expect.any(Number),
      });
      expect((flagged * 1000) / clean.length, id).toBeLessThanOrEqual(2);
    }
  }, 120_000);
});
