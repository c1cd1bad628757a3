/**
 * `npm run bench:profile`: where the time of `mtlint` with the recommended
 * preset goes on the 1 MB corpus of 5 KB articles (one thread), from a V8 CPU
 * profile (`node --cpu-prof`): the parse, each rule, garbage collection, the
 * rest. Writes bench/results/profile.md; the .cpuprofile stays in the temp
 * folder for Chrome DevTools or speedscope.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const preset = process.argv[2] ?? 'recommended';

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
      let lint = false;
      let lexicon = false;
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const frame = (byId.get(id) as ProfileNode).callFrame;
        const match = /\/src\/rules\/([a-z-]+)\.js/.exec(frame.url);
        if (match && !rule) rule = match[1];
        if (frame.functionName === 'buildTrees') parse = true;
        if (frame.functionName === 'lint' && frame.url.endsWith('/engine/lint.js')) lint = true;
        if (frame.functionName === 'POSTagger' || frame.functionName === 'readLexicon') lexicon = true;
      }
      place = rule
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

function main(): void {
  const corpus = join(work, 'corpus');
  writeArticles(corpus, buildArticles(1024 * 1024));
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
  const text = [
    `CPU profile of \`mtlint\` (\`mtlint:${preset}\`, one thread) on 1 MB of 5 KB articles, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (\`npm run bench:profile\`; places under 0.5% left out).`,
    '',
    '| share | where |',
    '| ---: | --- |',
    ...rows,
  ].join('\n');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'profile.md'), `${text}\n`);
  process.stdout.write(`${text}\n\nprofile: ${join(profiles, file)}\n`);
}

if (process.argv[1]?.endsWith('profile.js')) main();
