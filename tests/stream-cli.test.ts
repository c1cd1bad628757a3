/**
 * `mtlint --jsonl` and `mtlint summarize` end to end (the built binary): exit
 * codes, per-line errors (a 50 MB line among them), config, field names, and
 * the engines that split an archive over processes: GNU parallel and
 * `xargs -P` give the same results as one process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { CLI, ROOT, runMtlint, tempDir } from './helpers/cli.js';

const DEV = defaultDevDir(ROOT);
const SAMPLE = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8');

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-jsonl-');
});
afterEach(() => dir.cleanup());

const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The sample article, one paragraph a document, and a few real dev-set segments when there. */
function archive(): string {
  const paragraphs = SAMPLE.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  const documents = paragraphs.map((text, index) => ({ id: `sample-${index}`, text }));
  const dev = join(DEV, 'clean_en_wmt24.dev.jsonl');
  if (existsSync(dev))
    for (const line of readFileSync(dev, 'utf8').split('\n').slice(0, 150))
      if (line)
        documents.push({
          id: (JSON.parse(line) as { id: string }).id,
          text: (JSON.parse(line) as { text: string }).text,
        });
  return `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;
}

describe('mtlint --jsonl', () => {
  it('writes one result a line in input order, and exits 0 when every line was linted', () => {
    const input = archive();
    const run = runMtlint(['--jsonl', '-'], { input, cwd: dir.path });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const results = lines(run.stdout);
    expect(results.map((result) => result.id)).toEqual(lines(input).map((document) => document.id));
    const found = results.flatMap((result) => result.findings as Array<{ ruleId: string; actual?: string }>);
    expect(found).toContainEqual(expect.objectContaining({ ruleId: 'doubled-punctuation', actual: '. .' }));
    expect(results.every((result) => typeof result.words === 'number' && result.words > 0)).toBe(true);
  });

  it('lints a line with a source against it: bilingual rules and --fix reach the stream', () => {
    const input = `${JSON.stringify({
      id: 'pair',
      text: 'The study ran from March 18 to May 3.',
      source: 'Die Studie lief vom 24. März bis zum 3. Mai.',
      srcLang: 'de',
      language: 'en',
    })}\n`;
    const run = runMtlint(['--jsonl', '--rule', 'number-mismatch:warn', '--fix', '-'], { input, cwd: dir.path });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [result] = lines(run.stdout);
    expect(result.fixed).toBe('The study ran from March 24 to May 3.');
    const plain = lines(runMtlint(['--jsonl', '--rule', 'number-mismatch:warn', '-'], { input, cwd: dir.path }).stdout);
    expect((plain[0].findings as Array<{ message: string }>).map((finding) => finding.message)).toEqual([
      'Unexpected `18`, the source has `24`',
    ]);
  });

  it('reads files named on the command line, one after the other', () => {
    writeFileSync(join(dir.path, 'a.jsonl'), '{"id":"a","text":"One,, two."}');
    writeFileSync(join(dir.path, 'b.jsonl'), '{"id":"b","text":"Three."}\n');
    const run = runMtlint(['--jsonl', 'a.jsonl', 'b.jsonl'], { cwd: dir.path });
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((result) => result.id)).toEqual(['a', 'b']);
    const toFile = runMtlint(['--jsonl', 'a.jsonl', '-o', 'out.jsonl'], { cwd: dir.path });
    expect([toFile.code, toFile.stdout]).toEqual([0, '']);
    expect(lines(readFileSync(join(dir.path, 'out.jsonl'), 'utf8'))).toEqual([lines(run.stdout)[0]]);
  });

  it('gives each bad line a result with a clear error, goes on, and exits 3', () => {
    const input = [
      '{"id":"ok-1","text":"One,, two."}',
      '{"id":"broken","text":"no closing quote}',
      '{"id":"missing","body":"text under another name"}',
      '{"id":"number","text":42}',
      '{"id":"ok-2","text":"Fine."}',
    ].join('\n');
    const run = runMtlint(['--jsonl'], { input, cwd: dir.path });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('mtlint: 3 of 5 lines could not be linted (their results carry "error")\n');
    expect(lines(run.stdout)).toEqual([
      expect.objectContaining({ id: 'ok-1', findings: [expect.objectContaining({ ruleId: 'doubled-punctuation' })] }),
      { id: 'broken', error: expect.stringMatching(/^not valid JSON \(.+\)$/), line: 2 },
      {
        id: 'missing',
        error: 'no "text" field (name the text field with --jsonl-field or --jsonl-map text=NAME)',
        line: 3,
      },
      { id: 'number', error: '"text" must be a string, got a number', line: 4 },
      { id: 'ok-2', words: 1, findings: [] },
    ]);
  });

  it('reports a 50 MB line as too long, without stopping, and lints the lines around it', () => {
    const huge = `{"id":"huge","text":"${'Word ,, '.repeat((50 * 1024 * 1024) / 8)}"}`;
    const input = Buffer.from(`{"id":"before","text":"A,, b."}\n${huge}\n{"id":"after","text":"C,, d."}\n`);
    const run = runMtlint(['--jsonl', '-'], { input, cwd: dir.path });
    expect(run.code).toBe(3);
    const results = lines(run.stdout);
    expect(results.map((result) => result.id)).toEqual(['before', 'huge', 'after']);
    expect(results[1]).toEqual({
      id: 'huge',
      error: `line of ${Buffer.byteLength(huge)} bytes is over the limit of 10485760 (--jsonl-max-line)`,
      line: 2,
    });
    expect((results[2].findings as unknown[]).length).toBe(1);
    const raised = runMtlint(['--jsonl', '--jsonl-max-line', '20', '-'], {
      input: '{"id":1,"text":"Short."}\n',
      cwd: dir.path,
    });
    expect(raised.code).toBe(3);
    expect(lines(raised.stdout)[0].error).toBe('line of 24 bytes is over the limit of 20 (--jsonl-max-line)');
  }, 120_000);

  it('reads other field names and nested paths', () => {
    const input = '{"meta":{"url":"https://example.org/1"},"content":"One,, two."}\n';
    const run = runMtlint(['--jsonl', '--jsonl-map', 'text=content,id=meta.url'], { input, cwd: dir.path });
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toMatchObject({ id: 'https://example.org/1', words: 2 });
    const short = runMtlint(['--jsonl', '--jsonl-field', 'body', '--jsonl-id', 'url'], {
      input: '{"url":"u","body":"Fine."}\n',
      cwd: dir.path,
    });
    expect(lines(short.stdout)).toEqual([{ id: 'u', words: 1, findings: [] }]);
  });

  it('uses the config files of the working folder, or the one given with -c', () => {
    const input = '{"id":1,"text":"One,, two. It costs $ 500."}\n';
    const rules = (stdout: string) => (lines(stdout)[0].findings as Array<{ ruleId: string }>).map((f) => f.ruleId);
    expect(rules(runMtlint(['--jsonl'], { input, cwd: dir.path }).stdout)).toEqual([
      'doubled-punctuation',
      'currency-spacing',
    ]);
    writeFileSync(join(dir.path, '.mtlintrc.json'), '{"rules": {"doubled-punctuation": "off"}}');
    expect(rules(runMtlint(['--jsonl'], { input, cwd: dir.path }).stdout)).toEqual(['currency-spacing']);
    writeFileSync(join(dir.path, 'other.json'), '{"rules": {"currency-spacing": "error"}}');
    const withC = runMtlint(['--jsonl', '-c', 'other.json', '--quiet'], { input, cwd: dir.path });
    expect(lines(withC.stdout)[0].findings).toEqual([
      expect.objectContaining({ ruleId: 'currency-spacing', severity: 2 }),
    ]);
    writeFileSync(join(dir.path, '.mtlintrc.json'), '{"rules": {"no-such-rule": "off"}}');
    const broken = runMtlint(['--jsonl'], { input, cwd: dir.path });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^mtlint: .*\.mtlintrc\.json.*no-such-rule.*\n$/);
  });

  it('adds the fixed text with --fix, and never writes files', () => {
    const input = `${JSON.stringify({ id: 'article', text: SAMPLE })}\n`;
    const run = runMtlint(['--jsonl', '--fix'], { input, cwd: dir.path });
    expect(run.code).toBe(0);
    const [result] = lines(run.stdout);
    expect(result.fixed).not.toBe(SAMPLE);
    expect((result.fixed as string).length).toBeGreaterThan(SAMPLE.length * 0.99);
    expect(result.fixed).not.toContain('. .');
  });

  it('writes one line per finding, named by the id, with -f unix or compact', () => {
    const input = '{"id":"a1","text":"One,, two."}\n{"id":"a2","text":"Fine."}\n{"text":5}\n';
    const unix = runMtlint(['--jsonl', '-f', 'unix'], { input, cwd: dir.path });
    expect(unix.code).toBe(3);
    expect(unix.stdout).toBe(
      [
        'a1:1:4: Unexpected `,,`, expected `,` [Warning/doubled-punctuation]',
        'line 3: not linted: "text" must be a string, got a number',
        '',
        '1 problem',
        '',
      ].join('\n'),
    );
    const compact = runMtlint(['--jsonl', '-f', 'compact'], {
      input: '{"id":"a1","text":"One,, two."}',
      cwd: dir.path,
    });
    expect(compact.stdout).toBe(
      'a1: line 1, col 4, Warning - Unexpected `,,`, expected `,` (doubled-punctuation)\n\n1 problem\n',
    );
  });

  it('refuses --format json, pointing at the JSONL output, and the options of file runs', () => {
    const json = runMtlint(['--jsonl', '--format', 'json'], { input: '', cwd: dir.path });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(
      '--format json writes one report for a whole run and does not stream; --jsonl already writes one JSON result a line',
    );
    const sarif = runMtlint(['--jsonl', '-f', 'sarif'], { input: '', cwd: dir.path });
    expect(sarif.stderr).toContain(
      '--format sarif builds one report for a whole run and does not stream; with --jsonl use jsonl (the default), compact or unix',
    );
    const cache = runMtlint(['--jsonl', '--cache'], { input: '', cwd: dir.path });
    expect(cache.stderr).toBe('mtlint: --cache does not apply to --jsonl: a stream has no files to cache\n');
    const missing = runMtlint(['--jsonl', 'nope.jsonl'], { cwd: dir.path });
    expect([missing.code, missing.stderr]).toEqual([2, 'mtlint: nope.jsonl: cannot read (ENOENT)\n']);
  });

  it('answers each line before reading the next, as a Beam DoFn or any request-response caller needs', async () => {
    const child = spawn(process.execPath, [CLI, '--jsonl', '-'], { cwd: dir.path });
    const reader = createInterface({ input: child.stdout });
    const answers = reader[Symbol.asyncIterator]();
    const ask = async (document: object) => {
      child.stdin.write(`${JSON.stringify(document)}\n`);
      return JSON.parse((await answers.next()).value as string) as Record<string, unknown>;
    };
    // Standard input stays open: the answer can only come from a per-line flush.
    expect(await ask({ id: 1, text: 'One,, two.' })).toMatchObject({ id: 1, words: 2 });
    expect(await ask({ id: 2, text: 'Fine.' })).toEqual({ id: 2, words: 1, findings: [] });
    child.stdin.end();
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(0);
  }, 60_000);

  it('stops quietly when the reader of its output goes away', () => {
    const input = archive().repeat(5);
    const result = spawnSync('sh', ['-c', `node ${JSON.stringify(CLI)} --jsonl - | head -n 2`], {
      input,
      encoding: 'utf8',
      cwd: dir.path,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('mtlint summarize', () => {
  it('sums up results per rule and per 10,000 words, lists the worst documents, and exits 1 on findings', () => {
    const input = `${archive()}{"id":"bad"}\n`;
    const results = runMtlint(['--jsonl'], { input, cwd: dir.path }).stdout;
    writeFileSync(join(dir.path, 'results.jsonl'), results);
    const text = runMtlint(['summarize', 'results.jsonl'], { cwd: dir.path });
    expect(text.code).toBe(1);
    const parsed = lines(results);
    const documents = parsed.length;
    const findings = parsed.flatMap((result) => (result.findings as unknown[]) ?? []).length;
    expect(text.stdout).toContain(`Documents: ${documents} (${documents - 1} linted, 1 not linted)`);
    expect(text.stdout).toMatch(new RegExp(`^Findings: ${findings} \\(`, 'm'));
    expect(text.stdout).toMatch(/^doubled-punctuation +\d+ +\d+\.\d\d +\d+$/m);
    expect(text.stdout).toContain('Documents with the most findings:');
    expect(text.stdout).toContain('  bad: no "text" field');

    const json = runMtlint(['summarize', '-f', 'json', '-'], { input: results, cwd: dir.path });
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({ documents, failed: 1, findings });
    expect(summary.worst[0].findings).toBe(
      Math.max(...parsed.map((result) => ((result.findings as unknown[]) ?? []).length)),
    );
  });

  it('exits 0 without findings and 2 on input that is not results', () => {
    expect(runMtlint(['summarize'], { input: '{"id":1,"words":3,"findings":[]}\n', cwd: dir.path }).code).toBe(0);
    const wrong = runMtlint(['summarize'], { input: '[{"filePath":"a.txt","messages":[]}]\n', cwd: dir.path });
    expect([wrong.code, wrong.stderr]).toEqual([2, 'mtlint: <stdin>:1: not a result of mtlint --jsonl (no "id")\n']);
  });
});

describe('on several processes', () => {
  const haveParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  const strip = (text: string) => lines(text).map(({ line: _line, ...rest }) => rest);

  it.skipIf(!haveParallel && !process.env.CI)(
    'GNU parallel --pipe --keep-order gives the single-process results',
    () => {
      const input = `${archive()}{"id":"bad","text":false}\n${archive()}`;
      writeFileSync(join(dir.path, 'in.jsonl'), input);
      const single = runMtlint(['--jsonl', 'in.jsonl'], { cwd: dir.path });
      const split = spawnSync(
        'sh',
        ['-c', `parallel --pipe -N 100 --keep-order -j 4 node ${JSON.stringify(CLI)} --jsonl - < in.jsonl`],
        { cwd: dir.path, encoding: 'utf8', maxBuffer: 1 << 28 },
      );
      expect(split.error).toBeUndefined();
      expect(lines(single.stdout).length).toBe(lines(input).length);
      // Line numbers of bad lines count within each part; everything else is the same.
      expect(strip(split.stdout)).toEqual(strip(single.stdout));
    },
    120_000,
  );

  it('split and xargs -P give the single-process results, concatenated in order', () => {
    const input = archive();
    writeFileSync(join(dir.path, 'in.jsonl'), input);
    const single = runMtlint(['--jsonl', 'in.jsonl'], { cwd: dir.path });
    const script = [
      'split -n l/4 -d in.jsonl part-',
      `ls part-* | xargs -P 4 -I{} sh -c 'node ${CLI} --jsonl {} > {}.out'`,
      'cat part-*.out',
    ].join(' && ');
    const split = spawnSync('sh', ['-c', script], { cwd: dir.path, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(split.stderr).toBe('');
    expect(split.stdout).toBe(single.stdout);
    expect(lines(split.stdout).length).toBe(lines(input).length);
  }, 120_000);
});
