/**
 * `npm run bench:stream`: the JSONL stream mode against linting the same
 * texts as files, on one core (`--concurrency 1`), in one run so the ratio
 * is measured under one machine load; and with `--memory SIZE_MB`, the peak
 * resident memory of a stream of SIZE_MB (written to the temporary folder and
 * deleted afterwards) next to one a tenth of its size, to show it is flat.
 *
 * Articles are the dev set's English MT output (bench/corpus.ts), ~5 KB each.
 * Results: bench/results/stream.json.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticles, ROOT, writeArticles } from './corpus.js';

const MB = 1024 * 1024;
const CLI = join(ROOT, 'dist', 'cli', 'mtlint.js');
const HOOK = join(ROOT, 'dist', 'bench', 'rss-hook.js');
const work = join(tmpdir(), 'mtlint-bench-stream');

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakRssMegabytes: number;
  findings: number;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Runs the CLI under the RSS hook; `count` reads the number of findings from its output file. */
function measure(args: string[], output: string, count: (path: string) => number): Run {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const out = openSync(output, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
    env: { ...process.env, MTLINT_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    cwd: work,
    stdio: ['ignore', out, 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  if (result.status !== 0 && result.status !== 1) throw new Error(`mtlint ${args.join(' ')} failed: ${result.stderr}`);
  const [kb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n')[0].split(' ').map(Number);
  return { seconds, cpuSeconds: (user + system) / 1e6, peakRssMegabytes: kb / 1024, findings: count(output) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function countJsonReport(path: string): number {
  const report = JSON.parse(readFileSync(path, 'utf8')) as Array<{ messages: unknown[] }>;
  return report.reduce((sum, file) => sum + file.messages.length, 0);
}

function countJsonl(path: string): number {
  let findings = 0;
  for (const line of readFileSync(path, 'utf8').split('\n'))
    if (line) findings += ((JSON.parse(line) as { findings?: unknown[] }).findings ?? []).length;
  return findings;
}

/** Throughput: the same articles as files and as one JSONL stream, alternated, three times each. */
function throughput(sizeMegabytes: number) {
  const articles = buildArticles(sizeMegabytes * MB);
  writeArticles(join(work, 'files'), articles);
  writeFileSync(
    join(work, 'articles.jsonl'),
    articles.map((text, index) => `${JSON.stringify({ id: `article-${index}`, text: `${text}\n` })}\n`).join(''),
  );
  const files: Run[] = [];
  const stream: Run[] = [];
  for (let round = 0; round < 3; round++) {
    files.push(
      measure(['--no-config', '--concurrency', '1', '-f', 'json', 'files'], join(work, 'files.json'), countJsonReport),
    );
    stream.push(measure(['--no-config', '--jsonl', 'articles.jsonl'], join(work, 'stream.jsonl'), countJsonl));
  }
  const summary = (runs: Run[]) => ({
    seconds: median(runs.map((run) => run.seconds)),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    peakRssMegabytes: Math.max(...runs.map((run) => run.peakRssMegabytes)),
    findings: runs[0].findings,
  });
  const asFiles = summary(files);
  const asStream = summary(stream);
  if (asFiles.findings !== asStream.findings)
    throw new Error(`files found ${asFiles.findings}, the stream ${asStream.findings}: not the same work`);
  return {
    articles: articles.length,
    megabytes: sizeMegabytes,
    files: asFiles,
    stream: asStream,
    /** Stream time over file time (below 1.10: within 10 %). */
    ratioWall: round(asStream.seconds / asFiles.seconds),
    ratioCpu: round(asStream.cpuSeconds / asFiles.cpuSeconds),
  };
}

/** Writes a JSONL file of about `megabytes`, article after article, without holding it. */
function writeStream(path: string, megabytes: number): number {
  const articles = buildArticles(2 * MB);
  const fd = openSync(path, 'w');
  let written = 0;
  let count = 0;
  try {
    while (written < megabytes * MB) {
      const line = `${JSON.stringify({ id: `doc-${count}`, text: articles[count % articles.length] })}\n`;
      written += writeSync(fd, line);
      count++;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

function memory(megabytes: number) {
  const rows = [];
  for (const size of [Math.max(1, Math.round(megabytes / 10)), megabytes]) {
    const input = join(tmpdir(), `mtlint-stream-${size}mb.jsonl`);
    try {
      const documents = writeStream(input, size);
      const run = measure(['--no-config', '--jsonl', input], '/dev/null', () => 0);
      console.log(
        `${size} MB: ${documents} documents, ${round(run.seconds)} s, peak RSS ${round(run.peakRssMegabytes)} MB`,
      );
      rows.push({
        megabytes: size,
        documents,
        seconds: round(run.seconds),
        peakRssMegabytes: round(run.peakRssMegabytes),
      });
    } finally {
      rmSync(input, { force: true });
    }
  }
  return rows;
}

const round = (value: number) => Math.round(value * 100) / 100;

mkdirSync(work, { recursive: true });
const memoryMegabytes = option('--memory', 0);
const result: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
if (!process.argv.includes('--memory-only')) {
  result.throughput = throughput(option('--size', 4));
  console.log(JSON.stringify(result.throughput, null, 2));
}
if (memoryMegabytes > 0) {
  result.memory = memory(memoryMegabytes);
  console.log(JSON.stringify(result.memory, null, 2));
}
const path = join(ROOT, 'bench', 'results', 'stream.json');
const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(path, `${JSON.stringify({ ...previous, ...result }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
