/**
 * `npm run bench`: mtlint against the floor (a bare retext parse) and the
 * peers (textlint with its closest offline rules, alex), on the same corpora,
 * as whole processes: wall time (median), MB/s, peak RSS, findings.
 *
 *   npm run bench                 # everything (several minutes)
 *   npm run bench -- --quick      # 1 MB corpora and start-up only
 *   npm run bench -- --huge       # also a 100 MB single file (memory bound)
 *   npm run bench -- --report     # tables again from bench/results/bench.json
 *
 * Each figure is the median of several runs (wall and CPU time separately:
 * CPU time, user + system of all threads, is what to compare on a shared
 * machine). The targets of issue 18 are checked at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
  /** One run instead of three on corpora over 2 MB (minutes per run). */
  slowOnBig?: (corpus: Corpus) => boolean;
  /** Options for `node` (default: a 4 GB heap, which the parse of one 10 MB file needs). */
  nodeOptions?: string[];
}

/**
 * mtlint runs as users run it, with node's default heap: a `--max-old-space-size` flag would also
 * override the bounded heap of the worker that lints a big file.
 */
const AS_USERS_RUN_IT: string[] = [];

interface Measurement {
  tool: string;
  corpus: string;
  megabytes: number;
  files: number;
  runs: number;
  seconds: number | null;
  /** Median user + system CPU time of the process (all threads). */
  cpuSeconds: number | null;
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
/** The command users run (package.json's bin: the bundle). */
const CLI = join(ROOT, 'dist', 'cli', 'mtlint.js');
const HOOK = join(ROOT, 'dist', 'bench', 'rss-hook.js');
const TIMEOUT_MS = 300_000;
const MB = 1024 * 1024;
const ONLY_STARTUP = 'only for start-up';

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

/** The mtlint command line for a preset; `threads` pins `--concurrency` (default: every core). */
function mtlintArgs(preset: 'recommended' | 'all', corpus: Corpus, threads?: number): string[] {
  const concurrency = threads === undefined ? [] : ['--concurrency', String(threads)];
  const limit = ['--max-file-size', String(200 * MB)];
  return [CLI, '--config', mtlintConfig(preset), '-f', 'json', ...limit, ...concurrency, ...corpus.paths];
}

function tools(): Tool[] {
  const textlint = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
  const alex = join(ROOT, 'node_modules', 'alex', 'cli.js');
  const slowSkip = (corpus: Corpus) => (corpus.bytes > 20 * MB ? 'not run: too slow at this size' : undefined);
  return [
    {
      name: 'bare node start',
      args: () => ['-e', ''],
      count: () => 0,
      skip: (corpus) => (corpus.files === 1 && corpus.bytes < 64 * 1024 ? undefined : ONLY_STARTUP),
    },
    {
      name: 'bare parse (unified + retext-english)',
      args: (corpus) => [join(ROOT, 'dist', 'bench', 'bare-parse.js'), ...corpus.paths],
      count: () => 0,
      skip: (corpus) =>
        corpus.files === 1 && corpus.bytes > 20 * MB ? 'not run: superlinear on one huge file' : undefined,
      slowOnBig: (corpus) => corpus.files === 1,
    },
    {
      name: 'mtlint recommended, 1 thread',
      nodeOptions: AS_USERS_RUN_IT,
      args: (corpus) => mtlintArgs('recommended', corpus, 1),
      count: countJson,
    },
    {
      name: `mtlint recommended, ${availableParallelism()} threads`,
      nodeOptions: AS_USERS_RUN_IT,
      args: (corpus) => mtlintArgs('recommended', corpus),
      count: countJson,
      skip: (corpus) => (corpus.files === 1 ? 'one file: nothing to spread' : undefined),
    },
    {
      name: 'two mtlint processes side by side, 1 thread each',
      nodeOptions: AS_USERS_RUN_IT,
      args: (corpus) => {
        const [cli, ...rest] = mtlintArgs('recommended', corpus);
        return [join(ROOT, 'dist', 'bench', 'side-by-side.js'), corpus.paths[0], '--', cli, ...rest.slice(0, -1)];
      },
      count: countJson,
      skip: (corpus) => (corpus.files === 1 ? 'one file: nothing to spread' : undefined),
    },
    {
      name: 'mtlint --version',
      nodeOptions: AS_USERS_RUN_IT,
      args: () => [CLI, '--version'],
      count: () => 0,
      skip: (corpus) => (corpus.files === 1 && corpus.bytes < 64 * 1024 ? undefined : ONLY_STARTUP),
    },
    {
      name: 'mtlint all rules, 1 thread',
      nodeOptions: AS_USERS_RUN_IT,
      args: (corpus) => mtlintArgs('all', corpus, 1),
      count: countJson,
      skip: slowSkip,
      slowOnBig: () => true,
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
        corpus.bytes > 512 * 1024 && corpus.files === 1
          ? 'not run: superlinear on one big file (over 5 minutes at 1 MB)'
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
    cpuSeconds: null,
    megabytesPerSecond: null,
    peakRssMegabytes: null,
    findings: null,
  };
  const skipped = tool.skip?.(corpus);
  if (skipped) return { ...base, note: skipped };
  // Five runs of a start-up, three of anything else; one where a single run takes minutes.
  const slow = corpus.bytes > 50 * MB || (corpus.bytes > 2 * MB && (tool.slowOnBig?.(corpus) ?? false));
  const repeat = slow ? 1 : (tool.repeat ?? (corpus.bytes <= 64 * 1024 ? 5 : 3));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let rss = 0;
  let findings = 0;
  for (let run = 0; run < repeat; run++) {
    const rssFile = join(work, 'rss.txt');
    rmSync(rssFile, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [...(tool.nodeOptions ?? ['--max-old-space-size=4096']), '--import', HOOK, ...tool.args(corpus)],
      {
        env: { ...process.env, MTLINT_RSS_FILE: rssFile, NO_COLOR: '1' },
        encoding: 'utf8',
        maxBuffer: 1024 * MB,
        timeout: TIMEOUT_MS,
        cwd: work,
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error || (result.status !== 0 && result.status !== 1)) {
      const reason =
        (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
          ? `over ${TIMEOUT_MS / 1000} s`
          : (result.error?.message ?? result.stderr.split('\n')[0]);
      return { ...base, runs: run, note: `failed: ${reason}` };
    }
    times.push(seconds);
    // One line per process of the run (side by side: the two linting processes too); CPU time is their sum.
    const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
    let cpu = 0;
    for (const line of lines) {
      const [kb, user, system] = line.split(' ').map(Number);
      rss = Math.max(rss, kb / 1024);
      cpu += (user + system) / 1e6;
    }
    if (lines.length > 0) cpuTimes.push(cpu);
    findings = tool.count(result.stdout, result.stderr);
  }
  const median = medianOf(times) as number;
  return {
    ...base,
    runs: times.length,
    seconds: median,
    cpuSeconds: medianOf(cpuTimes),
    megabytesPerSecond: corpus.bytes / MB / median,
    peakRssMegabytes: rss || null,
    findings,
  };
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fixed(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

interface BenchFile {
  date: string;
  node: string;
  cores: number;
  load: number;
  mode: string;
  measurements: Measurement[];
}

function main(): void {
  mkdirSync(RESULTS, { recursive: true });
  const jsonPath = join(RESULTS, 'bench.json');
  if (args.has('--report')) {
    // Re-renders the table and the targets from the last run's bench.json.
    report(JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchFile);
    return;
  }
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  const list = corpora();
  const bench: BenchFile = {
    date: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    load: loadavg()[0],
    mode: quick ? 'quick' : huge ? 'huge' : 'full',
    measurements: [],
  };
  for (const corpus of list) {
    for (const tool of tools()) {
      const measurement = measure(tool, corpus);
      if (measurement.note === ONLY_STARTUP) continue;
      bench.measurements.push(measurement);
      bench.load = loadavg()[0];
      // Written after every measurement: a long run that is stopped keeps what it measured.
      writeFileSync(jsonPath, `${JSON.stringify(bench, null, 2)}\n`);
      process.stderr.write(
        `${corpus.name.padEnd(20)} ${tool.name.slice(0, 40).padEnd(40)} ${fixed(measurement.seconds)} s ${fixed(measurement.cpuSeconds)} s CPU ${fixed(measurement.megabytesPerSecond)} MB/s ${measurement.note ?? ''}\n`,
      );
    }
  }
  report(bench);
}

/** Prints the tables and writes bench/results/performance.md. */
function report(bench: BenchFile): void {
  const measurements = bench.measurements;
  bench.mode ??= 'full';
  bench.load ??= Number.NaN;
  const table = `${summarize(measurements)}\n\n${targets(measurements, bench.cores, bench.mode === 'quick')}`;
  process.stdout.write(`${table}\n`);
  const command = `npm run bench${bench.mode === 'full' ? '' : ` -- --${bench.mode}`}`;
  const header = `Measured ${bench.date.slice(0, 16).replace('T', ' ')} UTC on ${bench.cores} cores, Node ${bench.node}, load average ${bench.load.toFixed(1)} at the end (\`${command}\`). s: median wall time of the runs; CPU s: median user + system time (all threads); MB/s from wall time.`;
  writeFileSync(join(RESULTS, 'performance.md'), `${header}\n\n${table}\n`);
}

/** The table, with ratios to the bare parse and to textlint on the same corpus. */
function summarize(measurements: Measurement[]): string {
  const rows = [
    '| corpus | tool | runs | s (median) | CPU s | MB/s | × bare parse | × textlint | peak RSS MB | findings |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const m of measurements) {
    const bare = measurements.find((o) => o.corpus === m.corpus && o.tool.startsWith('bare parse'));
    const textlint = measurements.find((o) => o.corpus === m.corpus && o.tool.startsWith('textlint'));
    const ratio = (other: Measurement | undefined) =>
      other?.megabytesPerSecond && m.megabytesPerSecond
        ? (m.megabytesPerSecond / other.megabytesPerSecond).toFixed(2)
        : '–';
    rows.push(
      `| ${m.corpus} | ${m.tool} | ${m.runs} | ${fixed(m.seconds)} | ${fixed(m.cpuSeconds)} | ${fixed(m.megabytesPerSecond)} | ${ratio(bare)} | ${ratio(textlint)} | ${fixed(m.peakRssMegabytes, 0)} | ${m.findings ?? m.note ?? '–'} |`,
    );
  }
  return rows.join('\n');
}

const find = (measurements: Measurement[], corpus: string, tool: string) =>
  measurements.find((m) => m.corpus === corpus && m.tool.startsWith(tool) && m.seconds !== null);

/** Issue 18's targets, each met or not, from this run's figures (wall time; CPU time beside it). */
function targets(measurements: Measurement[], cores: number, quick: boolean): string {
  const rows = ['| target | measured | met |', '| --- | --- | --- |'];
  const add = (target: string, measured: string, met: boolean | undefined) =>
    rows.push(`| ${target} | ${measured} | ${met === undefined ? 'not measured' : met ? 'yes' : '**no**'} |`);
  const ratio = (a?: Measurement, b?: Measurement, key: 'seconds' | 'cpuSeconds' = 'seconds') =>
    a?.[key] && b?.[key] ? a[key] / b[key] : undefined;
  const show = (value: number | undefined, cpu: number | undefined) =>
    value === undefined ? '–' : `${value.toFixed(2)}× (CPU ${cpu === undefined ? '–' : `${cpu.toFixed(2)}×`})`;
  const big = quick ? '1 MB' : '10 MB';
  const rec = 'mtlint recommended, 1 thread';
  const threads = `mtlint recommended, ${cores} threads`;

  const single = find(measurements, `${big}, one file`, rec);
  const many = find(measurements, `${big}, 5 KB files`, rec);
  const linear = ratio(single, many);
  add(
    `linear: one ${big} file ≤ 1.5× the time of the same text as 5 KB files`,
    show(linear, ratio(single, many, 'cpuSeconds')),
    linear === undefined ? undefined : linear <= 1.5,
  );

  const hundred = find(measurements, '100 MB, one file', rec);
  add(
    'memory: a 100 MB single file lints within 1 GB',
    hundred ? `${fixed(hundred.peakRssMegabytes, 0)} MB peak RSS, ${fixed(hundred.seconds)} s` : 'run with --huge',
    hundred?.peakRssMegabytes ? hundred.peakRssMegabytes <= 1024 : undefined,
  );

  const manyCorpus = `${big}, 5 KB files`;
  const twoThreads = find(measurements, manyCorpus, threads);
  const parallel = ratio(many, twoThreads);
  const sideBySide = ratio(many, find(measurements, manyCorpus, 'two mtlint processes side by side'));
  add(
    `parallel: ${cores} threads never slower than one and ≥ 1.3× on an idle machine (${manyCorpus}; two one-thread processes side by side, the ceiling: ${sideBySide === undefined ? '–' : `${sideBySide.toFixed(2)}×`})`,
    parallel === undefined
      ? '–'
      : `${parallel.toFixed(2)}× (CPU ${fixed(twoThreads?.cpuSeconds ?? null)} s against ${fixed(many?.cpuSeconds ?? null)} s)`,
    parallel === undefined ? undefined : parallel >= 1.3,
  );

  const bare = find(measurements, manyCorpus, 'bare parse');
  const cost = ratio(bare, many);
  add(
    `cost of rules: recommended ≥ 0.4× the bare-parse throughput (${manyCorpus}, 1 thread)`,
    show(cost, ratio(bare, many, 'cpuSeconds')),
    cost === undefined ? undefined : cost >= 0.4,
  );

  const versus = ratio(find(measurements, manyCorpus, 'textlint'), many);
  add(
    `peers: recommended ≥ 10× textlint's throughput (${manyCorpus})`,
    show(versus, ratio(find(measurements, manyCorpus, 'textlint'), many, 'cpuSeconds')),
    versus === undefined ? undefined : versus >= 10,
  );
  const small = '1 MB, 5 KB files';
  const article = 'one 5 KB article';
  const smallVersus = ratio(find(measurements, small, 'textlint'), find(measurements, small, rec));
  const startShare = (tool: string) => {
    const share = ratio(find(measurements, article, tool), find(measurements, small, tool));
    return share === undefined ? '–' : `${(share * 100).toFixed(0)}%`;
  };
  rows.push(
    `| peers at ${small} (reported, no target): start-up (one 5 KB article) is ${startShare(rec)} of mtlint's time and ${startShare('textlint')} of textlint's | ${show(smallVersus, ratio(find(measurements, small, 'textlint'), find(measurements, small, rec), 'cpuSeconds'))} | – |`,
  );

  const startup = find(measurements, article, rec);
  const version = find(measurements, article, 'mtlint --version');
  const floor = find(measurements, article, 'bare parse');
  const node = find(measurements, article, 'bare node start');
  const start = ratio(startup, floor);
  add(
    `start-up: one 5 KB article ≤ 2× a bare node start plus the parse (node alone: ${fixed(node?.seconds ?? null)} s, node and the parse: ${fixed(floor?.seconds ?? null)} s)`,
    show(start, ratio(startup, floor, 'cpuSeconds')),
    start === undefined ? undefined : start <= 2,
  );
  const versionRatio = ratio(version, floor);
  add(
    'start-up: `mtlint --version` ≤ 2× a bare node start plus the parse',
    show(versionRatio, ratio(version, floor, 'cpuSeconds')),
    versionRatio === undefined ? undefined : versionRatio <= 2,
  );
  return rows.join('\n');
}

main();
