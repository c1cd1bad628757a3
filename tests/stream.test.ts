/**
 * The JSONL stream mode's engine (src/stream): line splitting at any chunk
 * boundary, the per-line errors, linting real dev-set segments exactly as
 * `lint` does, and the summary of results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { presetConfig, resolveConfigObject } from '../src/engine/config.js';
import { fixText } from '../src/engine/fixes.js';
import { lint, reportedFindings } from '../src/engine/lint.js';
import { readLines, type StreamLine } from '../src/stream/lines.js';
import { countWords, lintStream, type StreamResult } from '../src/stream/lint-stream.js';
import { DEFAULT_FIELDS, fieldMapOf, parseRecord, recoverId } from '../src/stream/record.js';
import { SummaryBuilder } from '../src/stream/summary.js';

const DEV = defaultDevDir(join(import.meta.dirname, '..'));
const haveData = existsSync(DEV);
const SAMPLE = readFileSync(join(import.meta.dirname, '..', 'samples', 'belarus-mt-article.txt'), 'utf8');

async function collect(chunks: Iterable<Buffer | string>, max = 1024): Promise<StreamLine[]> {
  const lines: StreamLine[] = [];
  for await (const line of readLines(toAsync(chunks), max)) lines.push(line);
  return lines;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** The bytes of `text` cut into pieces of `size` bytes (splitting UTF-8 characters). */
function pieces(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) out.push(bytes.subarray(start, start + size));
  return out;
}

async function run(input: string, options: Partial<Parameters<typeof lintStream>[1]> = {}): Promise<StreamResult[]> {
  const results: StreamResult[] = [];
  await lintStream(
    toAsync([input]),
    { configFor: () => presetConfig('mtlint:recommended'), fields: DEFAULT_FIELDS, ...options },
    (result) => {
      results.push(result);
    },
  );
  return results;
}

describe('readLines', () => {
  it('gives the same lines whatever the chunk boundaries, even inside a UTF-8 character', async () => {
    const text = '{"a":"Minsk — Мінск"}\r\n\n{"b":"東京, 2024"}\n   \n{"c":"last line without newline"}';
    const whole = await collect([text]);
    expect(whole.map((line) => (line.kind === 'line' ? [line.number, line.text] : line.kind))).toEqual([
      [1, '{"a":"Minsk — Мінск"}'],
      [3, '{"b":"東京, 2024"}'],
      [5, '{"c":"last line without newline"}'],
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(await collect(pieces(text, size))).toEqual(whole);
  });

  it('reports a line over the limit with its length and first bytes, and goes on', async () => {
    const long = `{"id":"big","text":"${'x'.repeat(5000)}"}`;
    const lines = await collect(pieces(`{"id":1}\n${long}\n{"id":2}\n`, 700), 1000);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ kind: 'overlong', number: 2, bytes: Buffer.byteLength(long) });
    expect((lines[1] as { head: string }).head.startsWith('{"id":"big"')).toBe(true);
    expect(lines[2]).toEqual({ kind: 'line', number: 3, text: '{"id":2}' });
  });

  it('reports a line that is not UTF-8 and drops the byte order mark of the first line', async () => {
    const lines = await collect([Buffer.from('\uFEFF{"id":1}\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a])]);
    expect(lines[0]).toEqual({ kind: 'line', number: 1, text: '{"id":1}' });
    expect(lines[1].kind).toBe('invalid-utf8');
  });
});

describe('parseRecord', () => {
  const parse = (line: string, fields = DEFAULT_FIELDS) => parseRecord(line, fields, 'txt');

  it('reads id, text, format and language, and validates the bilingual fields', () => {
    expect(parse('{"id":"a","text":"Hi.","format":"md","language":"en-GB","source":"Привет.","srcLang":"ru"}')).toEqual(
      { id: 'a', text: 'Hi.', format: 'md', language: 'en', source: 'Привет.', sourceLanguage: 'ru' },
    );
    expect(parse('{"text":"Hi.","tgtLang":"de"}')).toEqual({ id: null, text: 'Hi.', format: 'txt', language: 'de' });
  });

  it('gives a clear error for each kind of bad line, with the id when it can be read', () => {
    expect(parse('{"id":"a","text":"unterminated')).toMatchObject({
      id: 'a',
      error: expect.stringMatching(/^not valid JSON \(/),
    });
    expect(parse('"just a string"')).toEqual({ id: null, error: 'expected a JSON object, got a string' });
    expect(parse('{"id":7,"body":"x"}')).toEqual({
      id: 7,
      error: 'no "text" field (name the text field with --jsonl-field or --jsonl-map text=NAME)',
    });
    expect(parse('{"id":7,"text":["a"]}')).toEqual({ id: 7, error: '"text" must be a string, got an array' });
    expect(parse('{"id":7,"text":null}')).toEqual({ id: 7, error: '"text" must be a string, got null' });
    expect(parse('{"id":{"x":1},"text":"a"}')).toEqual({
      id: null,
      error: '"id" must be a string or a number, got an object',
    });
    expect(parse('{"id":1,"text":"a","format":"docx"}')).toEqual({
      id: 1,
      error: '"format" must be "txt", "md" or "html", got "docx"',
    });
    expect(parse('{"id":1,"text":"a","language":"English!"}')).toMatchObject({
      error: expect.stringContaining('"language" must be a language tag'),
    });
    expect(parse('{"id":1,"text":"a","source":42}')).toEqual({
      id: 1,
      error: '"source" must be a string, got a number',
    });
  });

  it('reads fields under other names and dotted paths', () => {
    const fields = fieldMapOf({ map: ['text=content,id=meta.url', 'format=kind'] });
    expect(parse('{"meta":{"url":"https://x/1"},"content":"Hi.","kind":"html"}', fields)).toEqual({
      id: 'https://x/1',
      text: 'Hi.',
      format: 'html',
    });
    expect(fieldMapOf({ text: 'body', id: 'url' })).toMatchObject({ text: 'body', id: 'url' });
    expect(() => fieldMapOf({ map: ['texts=content'] })).toThrow('unknown field "texts"');
    expect(() => fieldMapOf({ map: ['text'] })).toThrow('field=name pairs');
  });

  it('recovers a leading id from the start of a line it cannot parse', () => {
    expect(recoverId('{"id": "doc \\"7\\"", "text": "…', DEFAULT_FIELDS)).toBe('doc "7"');
    expect(recoverId('{ "id" : 42, "te', DEFAULT_FIELDS)).toBe(42);
    expect(recoverId('{"text": "…", "id": 1}', DEFAULT_FIELDS)).toBeNull();
  });
});

describe('lintStream', () => {
  it('lints the sample article, one paragraph a line, exactly as lint does', async () => {
    const paragraphs = SAMPLE.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
    const input = paragraphs.map((text, index) => JSON.stringify({ id: index, text })).join('\n');
    const results = await run(input);
    expect(results).toHaveLength(paragraphs.length);
    const config = presetConfig('mtlint:recommended');
    results.forEach((result, index) => {
      expect(result.id).toBe(index);
      expect(result.findings).toEqual(lint(paragraphs[index], { config }).findings);
    });
    expect(results.flatMap((result) => result.findings ?? []).map((finding) => finding.actual)).toContain('. .');
  });

  it.skipIf(!haveData)('lints real MT output from the dev set mapped with --jsonl-map, in input order', async () => {
    // An archive of segments gives each its source and languages (here from the dev set's language pair).
    const segments = readFileSync(join(DEV, 'mqm_zhen.dev.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; target: string; source: string; lp: string });
    const lines = segments
      .map((segment) => JSON.stringify({ ...segment, srcLang: segment.lp.split('-')[0] }))
      .join('\n');
    const results = await run(lines, { fields: fieldMapOf({ map: ['text=target'] }) });
    expect(results.map((result) => result.id)).toEqual(segments.map((segment) => segment.id));
    const config = presetConfig('mtlint:recommended');
    // The `source` field of the dev set holds the Chinese source text: each target is linted against it.
    for (const [index, result] of results.entries())
      expect(result.findings).toEqual(
        reportedFindings(
          lint(segments[index].target, { config, source: segments[index].source, sourceLanguage: 'zh' }),
        ),
      );
    expect(results.some((result) => (result.findings ?? []).length > 0)).toBe(true);
    const ruleIds = new Set(results.flatMap((result) => result.findings ?? []).map((finding) => finding.ruleId));
    expect(ruleIds).toContain('carried-quotes');
    expect(results.every((result) => result.error === undefined)).toBe(true);
  });

  it('lints a record with a source against it, as lint(text, {source}) does', async () => {
    const source = 'Die Studie lief vom 24. März bis zum 3. Mai und umfasste 1.500 Patienten.';
    const records = [
      { id: 'changed', text: 'The study ran from March 18 to May 3 and included 1,500 patients.', source },
      { id: 'right', text: 'The study ran from March 24 to May 3 and included 1,500 patients.', source },
      { id: 'alone', text: 'The study ran from March 18 to May 3 and included 1,500 patients.' },
      { id: 'unpaired', text: 'The study ran from March 18.\n\nIt included 1,500 patients.', source },
    ];
    const input = records.map((record) => JSON.stringify({ ...record, srcLang: 'de', language: 'en' })).join('\n');
    const config = resolveConfigObject({ extends: ['mtlint:recommended'], rules: { 'number-mismatch': 'warn' } });
    const [changed, right, alone, unpaired] = await run(input, { configFor: () => config });
    expect(changed.findings?.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['number-mismatch', 'Unexpected `18`, the source has `24`'],
    ]);
    expect(right.findings).toEqual([]);
    expect(alone.findings).toEqual([]);
    // Two target paragraphs for one source paragraph: no guessing, one warning for the record.
    expect(unpaired.findings?.map((finding) => finding.ruleId)).toEqual(['format-warning']);
    // --fix writes the source's figure; what it cannot fix stays as it was.
    const fixed = await run(input, { configFor: () => config, fix: true });
    expect(fixed.map((result) => result.fixed)).toEqual([
      records[1].text,
      records[1].text,
      records[2].text,
      records[3].text,
    ]);
    expect(fixed[0].findings).toEqual([]);
  });

  it('keeps going past bad lines, each result carrying its error and line number', async () => {
    const results = await run(['{"id":1,"text":"One,, two."}', '{"id":2', '{"id":3,"text":"Fine text."}'].join('\n'));
    expect(results.map((result) => [result.id, result.error === undefined, result.line])).toEqual([
      [1, true, undefined],
      [2, false, 2],
      [3, true, undefined],
    ]);
    expect(results[0].findings?.map((finding) => finding.ruleId)).toEqual(['doubled-punctuation']);
    expect(results[1].findings).toBeUndefined();
  });

  it('lints each document in its own language', async () => {
    const results = await run(
      ['{"id":"en","text":"It costs $ 500 now."}', '{"id":"de","text":"It costs $ 500 now.","language":"de"}'].join(
        '\n',
      ),
    );
    expect(results[0].findings?.map((finding) => finding.ruleId)).toContain('currency-spacing');
    expect(results[1].findings?.map((finding) => finding.ruleId)).not.toContain('currency-spacing');
  });

  it('with fix, adds the fixed text, which is the text itself when nothing is fixed', async () => {
    const texts = ['One,, two.', 'Clean text, nothing to fix.', SAMPLE];
    const results = await run(texts.map((text, id) => JSON.stringify({ id, text })).join('\n'), { fix: true });
    const config = presetConfig('mtlint:recommended');
    results.forEach((result, index) => {
      const expected = fixText(texts[index], { config });
      expect(result.fixed).toBe(expected.output);
      expect(result.findings).toEqual(expected.result.findings);
    });
    expect(results[0].fixed).toBe('One, two.');
    expect(results[1].fixed).toBe(texts[1]);
  });

  it('counts the words of an HTML page without its tags', async () => {
    const [html, txt] = await run(
      [
        JSON.stringify({ id: 1, format: 'html', text: '<p class="lead">Two words</p><br data-x="y z">' }),
        JSON.stringify({ id: 2, text: '<p class="lead">Two words</p>' }),
      ].join('\n'),
    );
    expect(html.words).toBe(2);
    expect(txt.words).toBe(6);
  });

  it('counts words as a reader does', () => {
    expect(countWords("Don't stop: 2024 was the year of Мінск and 東京.")).toBe(10);
    expect(countWords(' ,, . ')).toBe(0);
  });
});

describe('SummaryBuilder', () => {
  it('counts findings per rule and per 10,000 words, ranks the worst documents and lists failures', () => {
    const builder = new SummaryBuilder(2);
    const finding = (ruleId: string, severity = 1) => ({ ruleId, severity });
    builder.addLine(JSON.stringify({ id: 'a', words: 100, findings: [finding('x'), finding('x'), finding('y', 2)] }));
    builder.addLine(JSON.stringify({ id: 'b', words: 1000, findings: [] }));
    builder.addLine(JSON.stringify({ id: 'c', words: 50, findings: [finding('y')] }));
    builder.addLine(JSON.stringify({ id: 'd', words: 850, findings: [finding('x')] }));
    builder.addLine(JSON.stringify({ id: null, error: 'not valid JSON', line: 9 }));
    const summary = builder.summary();
    expect(summary).toMatchObject({
      documents: 5,
      linted: 4,
      failed: 1,
      words: 2000,
      findings: 5,
      errors: 1,
      warnings: 4,
    });
    expect(summary.per10kWords).toBe(25);
    expect(summary.rules).toEqual([
      { ruleId: 'x', findings: 3, documents: 2, per10kWords: 15 },
      { ruleId: 'y', findings: 2, documents: 2, per10kWords: 10 },
    ]);
    // c and d have one finding each; c's rate is higher.
    expect(summary.worst.map((document) => document.id)).toEqual(['a', 'c']);
    expect(summary.firstFailures).toEqual([{ id: null, error: 'not valid JSON', line: 9 }]);
  });

  it('refuses lines that are not results', () => {
    const builder = new SummaryBuilder();
    expect(() => builder.addLine('{"filePath":"a.txt","messages":[]}')).toThrow('no "id"');
    expect(() => builder.addLine('{"id":1}')).toThrow('no "findings" array');
    expect(() => builder.addLine('nope')).toThrow('not JSON');
  });
});

describe('README "Linting an archive"', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Linting an archive'),
    readme.indexOf('\n## ', readme.indexOf('## Linting an archive') + 3),
  );

  it('uses only options the stream commands have, and lists all of theirs', async () => {
    const { JSONL_HELP } = await import('../src/cli/jsonl.js');
    const { SUMMARIZE_HELP } = await import('../src/cli/summarize.js');
    const commands = [...section.matchAll(/mtlint (--jsonl|summarize)([^\n|'"`]*)/g)];
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const [, kind, rest] of commands)
      for (const flag of rest.match(/(?<=^|\s)--?[a-z][\w-]*/g) ?? [])
        expect(kind === '--jsonl' ? JSONL_HELP : SUMMARIZE_HELP, flag).toContain(flag);
    for (const flag of JSONL_HELP.match(/--jsonl-[a-z-]+/g) ?? []) expect(section, flag).toContain(flag);
  });
});

describe('runCli in process', () => {
  it('runs --jsonl and summarize through the io it is given when it has no streams', async () => {
    const { runCli } = await import('../src/cli/run.js');
    const run = async (argv: string[], input: string) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        readStdin: () => Buffer.from(input),
        cwd: join(import.meta.dirname, '..', 'samples'),
        env: {},
        isTTY: false,
      });
      return { code, stdout, stderr };
    };
    const linted = await run(['--jsonl', '--no-config'], '{"id":"a","text":"One,, two."}\n{"id":"b"}\n');
    expect(linted.code).toBe(3);
    expect(
      linted.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).id),
    ).toEqual(['a', 'b']);
    const summary = await run(['summarize', '-f', 'json'], linted.stdout);
    expect([summary.code, JSON.parse(summary.stdout).findings]).toEqual([1, 1]);
  });
});
