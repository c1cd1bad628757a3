/**
 * `npm run bench`: mtlint against the floor (a bare retext parse) and the
 * peers (textlint with its closest offline rules, alex), on the same corpora,
 * as whole processes: wall time (median), MB/s, peak RSS, findings.
 *
 *   npm run bench                 # everything (several minutes)
 *   npm run bench -- --quick      # 1 MB corpora and start-up only
 *   npm run bench -- --huge       # also a 100 MB single file (memory bound)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticles, ROOT, writeArticles } from './corpus.js';

interface Corpus {
  name: string;
  /** Path(s) given to each tool. */
  paths: string[];
  bytes: number;
  files: number;
}

interface Tool {
  name: string;
  /** Arguments after `node`. */
  args: (corpus: Corpus) => string[];
  /** Findings in the tool's output. */
  count: (stdout: string, stderr: string) => number;
  /** Skip corpora this tool cannot finish in reasonable time. */
  skip?: (corpus: Corpus) => string | undefined;
  repeat?: number;
}

interface Measurement {
  tool: string;
  corpus: string;
  megabytes: number;
  files: number;
  runs: number;
  seconds: number | null;
  megabytesPerSecond: number | null;
  peakRssMegabytes: number | null;
  findings: number | null;
  note?: string;
}

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const huge = args.has('--huge');
const work = join(tmpdir(), 'mtlint-bench');
const RESULTS = join(ROOT, 'bench', 'results');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const HOOK = join(ROOT, 'dist', 'bench', 'rss-hook.js');
const TIMEOUT_MS = 300_000;
const MB = 1024 * 1024;

function corpora(): Corpus[] {
  mkdirSync(work, { recursive: true });
  const list: Corpus[] = [];
  const startup = buildArticles(5 * 1024).slice(0, 1);
  list.push(makeCorpus('one 5 KB article', 'startup', startup));
  list.push(makeCorpus('1 MB, 5 KB files', 'many-1mb', buildArticles(1 * MB)));
  list.push(makeSingle('1 MB, one file', 'single-1mb', buildArticles(1 * MB)));
  if (!quick) {
    const ten = buildArticles(10 * MB);
    list.push(makeCorpus('10 MB, 5 KB files', 'many-10mb', ten));
    list.push(makeSingle('10 MB, one file', 'single-10mb', ten));
  }
  if (huge) list.push(makeSingle('100 MB, one file', 'single-100mb', buildArticles(100 * MB)));
  return list;
}

function makeCorpus(name: string, directory: string, articles: string[]): Corpus {
  const path = join(work, directory);
  writeArticles(path, articles);
  return {
    name,
    paths: [path],
    bytes: articles.reduce((sum, a) => sum + Buffer.byteLength(a) + 1, 0),
    files: articles.length,
  };
}

function makeSingle(name: string, file: string, articles: string[]): Corpus {
  const directory = join(work, file);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'all.txt');
  const text = `${articles.join('\n\n')}\n`;
  writeFileSync(path, text);
  return { name, paths: [path], bytes: Buffer.byteLength(text), files: 1 };
}

const countJson = (stdout: string) =>
  (JSON.parse(stdout || '[]') as Array<{ messages: unknown[] }>).reduce((sum, file) => sum + file.messages.length, 0);

function mtlintConfig(preset: string): string {
  const path = join(work, `${preset}.json`);
  writeFileSync(path, JSON.stringify({ root: true, extends: `mtlint:${preset}` }));
  return path;
}

function tools(): Tool[] {
  const textlint = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
  const alex = join(ROOT, 'node_modules', 'alex', 'cli.js');
  const slowSkip = (corpus: Corpus) => (corpus.bytes > 20 * MB ? 'not run: too slow at this size' : undefined);
  return [
    {
      name: 'bare parse (unified + retext-english)',
      args: (corpus) => [join(ROOT, 'dist', 'bench', 'bare-parse.js'), ...corpus.paths],
      count: () => 0,
      skip: (corpus) =>
        corpus.files === 1 && corpus.bytes > 20 * MB ? 'not run: superlinear on one huge file' : undefined,
    },
    {
      name: 'mtlint recommended, 1 thread',
      args: (corpus) => [
        CLI,
        '--config',
        mtlintConfig('recommended'),
        '-f',
        'json',
        '--max-file-size',
        String(200 * MB),
        '--concurrency',
        '1',
        ...corpus.paths,
      ],
      count: countJson,
    },
    {
      name: `mtlint recommended, ${availableParallelism()} threads`,
      args: (corpus) => [
        CLI,
        '--config',
        mtlintConfig('recommended'),
        '-f',
        'json',
        '--max-file-size',
        String(200 * MB),
        ...corpus.paths,
      ],
      count: countJson,
      skip: (corpus) => (corpus.files === 1 ? 'one file: nothing to spread' : undefined),
    },
    {
      name: 'mtlint all rules, 1 thread',
      args: (corpus) => [
        CLI,
        '--config',
        mtlintConfig('all'),
        '-f',
        'json',
        '--max-file-size',
        String(200 * MB),
        '--concurrency',
        '1',
        ...corpus.paths,
      ],
      count: countJson,
      skip: slowSkip,
    },
    {
      name: 'textlint (no-unmatched-pair, doubled-spaces, en-capitalization)',
      args: (corpus) => [
        textlint,
        '--no-textlintrc',
        '--rule',
        '@textlint-rule/no-unmatched-pair',
        '--rule',
        'doubled-spaces',
        '--rule',
        'en-capitalization',
        '-f',
        'json',
        ...corpus.paths,
      ],
      count: countJson,
      skip: (corpus) =>
        corpus.bytes > 2 * MB && corpus.files === 1
          ? 'not run: superlinear on one big file (minutes)'
          : slowSkip(corpus),
      repeat: 1,
    },
    {
      name: 'alex',
      args: (corpus) => [
        alex,
        '--text',
        ...corpus.paths.map((path) => (path.endsWith('.txt') ? path : join(path, '*.txt'))),
      ],
      count: (_stdout, stderr) => (stderr.match(/^\s+\d+:\d+(?:-\d+:\d+)?\s+warning/gm) ?? []).length,
      skip: (corpus) => (corpus.bytes > 2 * MB ? 'not run: minutes at this size' : undefined),
      repeat: 1,
    },
  ];
}

function measure(tool: Tool, corpus: Corpus): Measurement {
  const base: Measurement = {
    tool: tool.name,
    corpus: corpus.name,
    megabytes: corpus.bytes / MB,
    files: corpus.files,
    runs: 0,
    seconds: null,
    megabytesPerSecond: null,
    peakRssMegabytes: null,
    findings: null,
  };
  const skipped = tool.skip?.(corpus);
  if (skipped) return { ...base, note: skipped };
  const repeat = tool.repeat ?? (corpus.bytes <= 2 * MB ? 5 : 3);
  const times: number[] = [];
  let rss = 0;
  let findings = 0;
  for (let run = 0; run < repeat; run++) {
    const rssFile = join(work, 'rss.txt');
    rmSync(rssFile, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', HOOK, ...tool.args(corpus)], {
      env: { ...process.env, MTLINT_RSS_FILE: rssFile, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 1024 * MB,
      timeout: TIMEOUT_MS,
      cwd: work,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error || (result.status !== 0 && result.status !== 1)) {
      return { ...base, runs: run, note: `failed: ${result.error?.message ?? result.stderr.split('\n')[0]}` };
    }
    times.push(seconds);
    const peaks = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').map(Number) : [];
    rss = Math.max(rss, ...peaks.map((kb) => kb / 1024));
    findings = tool.count(result.stdout, result.stderr);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    ...base,
    runs: times.length,
    seconds: median,
    megabytesPerSecond: corpus.bytes / MB / median,
    peakRssMegabytes: rss || null,
    findings,
  };
}

function fixed(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  const list = corpora();
  const measurements: Measurement[] = [];
  for (const corpus of list) {
    for (const tool of tools()) {
      const measurement = measure(tool, corpus);
      measurements.push(measurement);
      process.stderr.write(
        `${corpus.name.padEnd(20)} ${tool.name.slice(0, 40).padEnd(40)} ${fixed(measurement.seconds)} s ${fixed(measurement.megabytesPerSecond)} MB/s ${measurement.note ?? ''}\n`,
      );
    }
  }
  const table = summarize(measurements);
  process.stdout.write(`${table}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'bench.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: availableParallelism(), measurements }, null, 2)}\n`,
  );
  if (!quick) writeFileSync(join(RESULTS, 'performance.md'), `${table}\n`);
}

/** The table, with ratios to the bare parse and to textlint on the same corpus. */
function summarize(measurements: Measurement[]): string {
  const rows = [
    '| corpus | tool | s (median) | MB/s | × bare parse | × textlint | peak RSS MB | findings |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const m of measurements) {
    const bare = measurements.find((o) => o.corpus === m.corpus && o.tool.startsWith('bare parse'));
    const textlint = measurements.find((o) => o.corpus === m.corpus && o.tool.startsWith('textlint'));
    const ratio = (other: Measurement | undefined) =>
      other?.megabytesPerSecond && m.megabytesPerSecond
        ? (m.megabytesPerSecond / other.megabytesPerSecond).toFixed(2)
        : '–';
    rows.push(
      `| ${m.corpus} | ${m.tool} | ${fixed(m.seconds)} | ${fixed(m.megabytesPerSecond)} | ${ratio(bare)} | ${ratio(textlint)} | ${fixed(m.peakRssMegabytes, 0)} | ${m.findings ?? m.note ?? '–'} |`,
    );
  }
  return rows.join('\n');
}

main();
