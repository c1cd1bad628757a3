/**
 * `npm run bench:profile`: where the time of `mtlint` with the recommended
 * preset goes on the 1 MB corpus of 5 KB articles (one thread), from a V8 CPU
 * profile (`node --cpu-prof`): the parse, each rule, garbage collection, the
 * rest. Then the bytes allocated on the JavaScript heap per byte of input
 * (and the time spent collecting them), for the whole command and for the
 * lint alone with the lazy parse (`prefilter`) and without it. Writes
 * bench/results/profile.md; the .cpuprofile stays in the temp folder for
 * Chrome DevTools or speedscope.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../src/index.js';
import { buildArticles, ROOT, writeArticles } from './corpus.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const work = join(tmpdir(), 'mtlint-profile');
const preset = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'recommended';

/** Share of the sampled time per place: each rule, the parse, the engine, garbage collection, the rest. */
export function summarize(profile: Profile): Array<[string, number]> {
  const time = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index];
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const spent = time.get(node.id) ?? 0;
    if (!spent) continue;
    total += spent;
    let place: string;
    if (node.callFrame.functionName === '(garbage collector)') place = 'garbage collection';
    else {
      let rule: string | undefined;
      let parse = false;
      // A paragraph parsed when a rule first reads its words (the lazy parse) is the parse's time, not the rule's.
      let lazyParse = false;
      let lint = false;
      let lexicon = false;
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const frame = (byId.get(id) as ProfileNode).callFrame;
        const match = /\/src\/rules\/([a-z-]+)\.js/.exec(frame.url);
        if (frame.functionName === 'parseBlock' && !rule) lazyParse = true;
        if (match && !rule) rule = match[1];
        if (frame.functionName === 'buildTrees') parse = true;
        if (frame.functionName === 'lint' && frame.url.endsWith('/engine/lint.js')) lint = true;
        if (frame.functionName === 'POSTagger' || frame.functionName === 'readLexicon') lexicon = true;
      }
      place = lazyParse
        ? 'parse (retext-english per block, positions remapped)'
        : rule
          ? `rule \`${rule}\`${lexicon ? ' (loading the pos lexicon, once per process)' : ''}`
          : parse
            ? 'parse (retext-english per block, positions remapped)'
            : lint
              ? 'engine (unified run, findings, line index)'
              : 'start-up, file I/O, config, output';
    }
    totals.set(place, (totals.get(place) ?? 0) + spent);
  }
  return [...totals].map(([place, spent]): [string, number] => [place, spent / total]).sort((a, b) => b[1] - a[1]);
}

interface Allocation {
  bytesPerByte: number;
  gcMilliseconds: number;
}

/** Runs `node --import alloc-hook …args` and reads what the hook measured. */
function allocation(args: string[], inputBytes: number): Allocation {
  const file = join(work, 'alloc.txt');
  rmSync(file, { force: true });
  const hook = join(ROOT, 'dist', 'bench', 'alloc-hook.js');
  spawnSync(process.execPath, ['--import', hook, ...args], {
    cwd: work,
    env: { ...process.env, MTLINT_ALLOC_FILE: file },
    maxBuffer: 1 << 30,
  });
  if (!existsSync(file)) throw new Error(`no allocation figure from ${args.join(' ')}`);
  const [allocated, gcMilliseconds] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
  return { bytesPerByte: allocated / inputBytes, gcMilliseconds };
}

/** `profile.js --lint-only <folder> <preset> on|off`: lints every file of the folder in this process. */
async function lintOnly(folder: string, name: string, prefilter: boolean): Promise<void> {
  const { lint } = await import('../src/index.js');
  const config = { root: true, extends: `mtlint:${name}` } as Config;
  for (const entry of readdirSync(folder)) lint(readFileSync(join(folder, entry), 'utf8'), { config, prefilter });
}

function main(): void {
  const corpus = join(work, 'corpus');
  const articles = buildArticles(1024 * 1024);
  writeArticles(corpus, articles);
  const inputBytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article), 0);
  const profiles = join(work, 'profiles');
  rmSync(profiles, { recursive: true, force: true });
  const config = join(work, `${preset}.json`);
  writeFileSync(config, JSON.stringify({ root: true, extends: `mtlint:${preset}` }));
  const cli = join(ROOT, 'dist', 'src', 'cli.js');
  const args = ['--cpu-prof', '--cpu-prof-dir', profiles, cli, '--config', config, '-f', 'json'];
  spawnSync(process.execPath, [...args, '--concurrency', '1', corpus], { cwd: work, maxBuffer: 1 << 30 });
  const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const rows = summarize(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as Profile)
    .filter(([, share]) => share >= 0.005)
    .map(([place, share]) => `| ${(share * 100).toFixed(1)}% | ${place} |`);
  const self = join(ROOT, 'dist', 'bench', 'profile.js');
  const command = allocation([...args.slice(3), '--concurrency', '1', corpus], inputBytes);
  const lazy = allocation([self, '--lint-only', corpus, preset, 'on'], inputBytes);
  const eager = allocation([self, '--lint-only', corpus, preset, 'off'], inputBytes);
  const row = (what: string, figure: Allocation) =>
    `| ${what} | ${figure.bytesPerByte.toFixed(0)} | ${(figure.gcMilliseconds / 1000).toFixed(2)} |`;
  const text = [
    `CPU profile of \`mtlint\` (\`mtlint:${preset}\`, one thread) on 1 MB of 5 KB articles, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npm run bench:profile\`; places under 0.5% left out).`,
    '',
    '| share | where |',
    '| ---: | --- |',
    ...rows,
    '',
    "Bytes allocated on the JavaScript heap per byte of input (main thread, the used heap's growth between collections summed) and the time garbage collection took, on the same corpus:",
    '',
    '| run | bytes allocated per input byte | GC s |',
    '| --- | ---: | ---: |',
    row('the command (`mtlint --concurrency 1`)', command),
    row('`lint()` on each file, lazy parse (default)', lazy),
    row('`lint()` on each file, every paragraph parsed (`prefilter: false`)', eager),
  ].join('\n');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'profile.md'), `${text}\n`);
  process.stdout.write(`${text}\n\nprofile: ${join(profiles, file)}\n`);
}

if (process.argv[1]?.endsWith('profile.js')) {
  if (process.argv[2] === '--lint-only') await lintOnly(process.argv[3], process.argv[4], process.argv[5] !== 'off');
  else main();
}
