/**
 * Language server latency: the time from `textDocument/didChange` to the
 * `publishDiagnostics` of that version, for 1,000-, 5,000- and 20,000-word
 * Markdown articles built from the dev-set MT output (default rules, the
 * typing pause set to 0 so the figure is the server's own work). Also: how
 * long a request for another document waits while a big one is linted (the
 * worker thread keeps that short). And, since the machine is shared and wall
 * time swings with its load: the engine's CPU time per edit on the same edits
 * in this process, incremental (`IncrementalLinter`, what the server runs)
 * and fresh (`lint`, what it ran before).
 *
 * `npm run bench:lsp` → bench/results/lsp.json and the README table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { IncrementalLinter } from '../src/engine/incremental.js';
import { lint } from '../src/engine/lint.js';
import { loadFormats } from '../src/formats/index.js';
import { englishParagraphs, ROOT } from './corpus.js';

const SIZES = [1_000, 5_000, 20_000];
const RUNS: Record<number, number> = { 1000: 30, 5000: 15, 20000: 8 };

interface Row {
  words: number;
  characters: number;
  findings: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  /** A code action for a small document, asked right after an edit of the big one. */
  otherRequestMedianMs: number;
  /** Engine CPU time of one such edit in this process: incremental, and a fresh lint. */
  incrementalCpuMs: number;
  freshCpuMs: number;
}

/** Median CPU milliseconds of `run` over the same typed words as the server gets, incremental and fresh. */
function engineCpu(article: string, runs: number): { incremental: number; fresh: number } {
  const linter = new IncrementalLinter();
  const options = { filePath: 'article.md' };
  linter.lint(article, options);
  let text = article;
  const incremental: number[] = [];
  const fresh: number[] = [];
  const cpu = (run: () => void) => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  for (let run = 0; run < runs; run++) {
    const at = text.indexOf('\n\n', Math.floor((text.length * (run + 1)) / (runs + 2)));
    text = `${text.slice(0, at)} word${text.slice(at)}`;
    incremental.push(cpu(() => linter.lint(text, options)));
    fresh.push(cpu(() => lint(text, options)));
  }
  return { incremental: percentile(incremental, 50), fresh: percentile(fresh, 50) };
}

/** A Markdown article of about `words` words: a heading every ten paragraphs. */
export function buildArticle(words: number): string {
  const paragraphs = englishParagraphs();
  const parts: string[] = ['# A machine-translated article'];
  let count = 0;
  for (let index = 0; count < words; index++) {
    const paragraph = paragraphs[index % paragraphs.length];
    if (index % 10 === 9) parts.push(`## Part ${(index + 1) / 10}`);
    parts.push(paragraph);
    count += paragraph.split(/\s+/).filter(Boolean).length;
  }
  return `${parts.join('\n\n')}\n`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  await loadFormats();
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'mtlint.js'), 'lsp'], { stdio: 'pipe' });
  server.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const connection = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  const waiting = new Map<string, (count: number) => void>();
  connection.onNotification(
    'textDocument/publishDiagnostics',
    (params: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const key = `${params.uri}@${params.version}`;
      waiting.get(key)?.(params.diagnostics.length);
      waiting.delete(key);
    },
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (uri: string, version: number) =>
    new Promise<number>((resolve) => waiting.set(`${uri}@${version}`, resolve));

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { debounce: 0 },
  });
  await connection.sendNotification('initialized', {});

  const small = 'file:///bench/small.md';
  const smallDone = published(small, 1);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: small, languageId: 'markdown', version: 1, text: 'She left. . Then\n' },
  });
  await smallDone;

  const rows: Row[] = [];
  for (const words of SIZES) {
    const uri = `file:///bench/article-${words}.md`;
    let text = buildArticle(words);
    const cpu = engineCpu(text, RUNS[words]);
    const opened = published(uri, 1);
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    // Findings of the article as built (the typed words add a few of their own).
    const findings = await opened;
    const times: number[] = [];
    const others: number[] = [];
    const runs = RUNS[words];
    for (let run = 0; run < runs + 1; run++) {
      const version = run + 2;
      // Type a word at the end of a paragraph, a different one each run.
      const at = text.indexOf('\n\n', Math.floor((text.length * (run + 1)) / (runs + 2)));
      const line = text.slice(0, at).split('\n').length - 1;
      const character = at - (text.lastIndexOf('\n', at - 1) + 1);
      text = `${text.slice(0, at)} word${text.slice(at)}`;
      const done = published(uri, version);
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' word' }],
      });
      const asked = performance.now();
      await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: small },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } },
        context: { diagnostics: [] },
      });
      const answered = performance.now();
      await done;
      const elapsed = performance.now() - start;
      // The first run warms the processor cache for this size.
      if (run > 0) {
        times.push(elapsed);
        others.push(answered - asked);
      }
    }
    rows.push({
      words,
      characters: text.length,
      findings,
      runs,
      medianMs: Math.round(percentile(times, 50)),
      p95Ms: Math.round(percentile(times, 95)),
      minMs: Math.round(Math.min(...times)),
      otherRequestMedianMs: Math.round(percentile(others, 50) * 10) / 10,
      incrementalCpuMs: Math.round(cpu.incremental * 10) / 10,
      freshCpuMs: Math.round(cpu.fresh),
    });
    process.stderr.write(`${words} words: median ${rows.at(-1)?.medianMs} ms\n`);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
    debounceMs: 0,
    rows,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'lsp.json'), `${JSON.stringify(result, null, 2)}\n`);
  const table = [
    '| article | characters | findings | didChange → publishDiagnostics, median | p95 | a request for another document meanwhile | engine CPU per edit: incremental | fresh lint |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.words.toLocaleString('en')} words | ${row.characters.toLocaleString('en')} | ${row.findings} | ${row.medianMs} ms | ${row.p95Ms} ms | ${row.otherRequestMedianMs} ms | ${row.incrementalCpuMs} ms | ${row.freshCpuMs} ms |`,
    ),
  ].join('\n');
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- lsp-bench:start -->';
  const end = '<!-- lsp-bench:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    const before = readme.slice(0, readme.indexOf(start) + start.length);
    const after = readme.slice(readme.indexOf(end));
    writeFileSync(readmePath, `${before}\n${table}\n${after}`);
  }
  process.stdout.write(`${table}\n`);
}

await main();
