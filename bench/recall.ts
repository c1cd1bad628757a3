/**
 * `npm run eval:recall`: recall of injected artefacts per kind, and findings
 * per 10,000 words of clean English per rule, on clean English laid out as
 * real paragraphs: the native English paragraphs of WMT24
 * (`clean_en_wmt24.dev.jsonl`, schema `{id, set, domain, doc, seg, text}`)
 * and the English source side of `mqm_ende`.
 *
 * Every document is linted once with every rule; the preset columns count
 * the findings of the rules in that preset, so the figures hold whichever
 * rules end up in the default. Writes `bench/results/recall.json` and
 * `recall.md` (the README's injected-recall table, `npm run docs`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inPreset } from '../src/engine/config.js';
import { type Finding, lint, rules as registry } from '../src/index.js';
import { defaultDevDir, isCleanReference, loadRecords } from './eval/data.js';
import { sourceJobs } from './eval/documents.js';
import { INJECTION_KINDS, type InjectionKind, KIND_GROUPS, noiseJobs, TARGET_VISIBLE } from './eval/noise.js';
import { countWords, isLocal, touches } from './eval/score.js';

const ROOT = join(import.meta.dirname, '..', import.meta.dirname.includes('/dist/') ? '..' : '');

const HELP = `npm run eval:recall -- [options]

Injected-artefact recall per kind and clean-English findings per rule.

Options:
  --dev PATH       folder with clean_en_wmt24.dev.jsonl and mqm_ende.dev.jsonl (default: ../shared/eval/dev)
  --seed N         seed of the injection (default 1)
  --per-kind N     injected artefacts per kind (default 200)
  --misses KIND    print missed artefacts of KIND (with the paragraph)
  --rule-findings RULE  print the clean-English findings of RULE
  --limit N        samples to print (default 20)
  --no-write       do not write bench/results/recall.{json,md}
  -h, --help       this help
`;

const PRESETS = ['recommended', 'strict', 'all'] as const;
type Preset = (typeof PRESETS)[number];

interface CleanParagraph {
  doc: string;
  text: string;
}

/** `clean_en_wmt24.dev.jsonl`: one native English paragraph per record. */
export function loadCleanParagraphs(file: string): CleanParagraph[] {
  const paragraphs: CleanParagraph[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      let record: { doc?: unknown; text?: unknown; seg?: unknown };
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${index + 1}: invalid JSON (${(error as Error).message})`);
      }
      if (typeof record.text !== 'string' || typeof record.doc !== 'string')
        throw new Error(`${file}:${index + 1}: not a clean-English record (needs doc, text)`);
      paragraphs.push({ doc: record.doc, text: record.text });
    });
  return paragraphs;
}

/** Documents of paragraphs: records of one `doc` in file order, joined by a blank line. */
function documents(paragraphs: readonly CleanParagraph[]): string[][] {
  const byDoc = new Map<string, string[]>();
  for (const paragraph of paragraphs) {
    const group = byDoc.get(paragraph.doc) ?? [];
    group.push(paragraph.text);
    byDoc.set(paragraph.doc, group);
  }
  return [...byDoc.values()];
}

const ALL_RULES = registry.map((rule) => rule.meta.id);
const PRESET_RULES: Record<Preset, Set<string>> = {
  recommended: new Set(ALL_RULES.filter((id) => inPreset(ruleMeta(id), 'mtlint:recommended'))),
  strict: new Set(ALL_RULES.filter((id) => inPreset(ruleMeta(id), 'mtlint:strict'))),
  all: new Set(ALL_RULES),
};

function ruleMeta(id: string) {
  const rule = registry.find((each) => each.meta.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule.meta;
}

function lintAll(text: string): Finding[] {
  const rules: Record<string, 'warn'> = {};
  for (const id of ALL_RULES) rules[id] = 'warn';
  return lint(text, { format: 'txt', config: { extends: [], language: 'en', rules }, mergeDuplicates: false }).findings;
}

export interface KindRow {
  injected: number;
  found: Record<Preset, number>;
  recall: Record<Preset, number | null>;
  byRule: Record<string, number>;
}

export interface RecallResult {
  settings: { seed: number; perKind: number; hosts: { clean: number; sources: number; references: number } };
  cleanWords: { wmt24: number; sources: number };
  kinds: Record<string, KindRow>;
  groups: Record<string, { injected: number; recall: Record<Preset, number | null> }>;
  /** Findings per rule on clean English, and per 10,000 words. */
  clean: Record<string, { wmt24: number; sources: number; per10k: number | null }>;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      dev: { type: 'string' },
      seed: { type: 'string' },
      'per-kind': { type: 'string' },
      misses: { type: 'string' },
      'rule-findings': { type: 'string' },
      limit: { type: 'string' },
      'no-write': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const whole = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
    return parsed;
  };
  const seed = whole(values.seed, '--seed', 1);
  const perKind = whole(values['per-kind'], '--per-kind', 200);
  const limit = whole(values.limit, '--limit', 20);
  const dev = values.dev ?? defaultDevDir(ROOT);
  const cleanFile = join(dev, 'clean_en_wmt24.dev.jsonl');
  const endeFile = join(dev, 'mqm_ende.dev.jsonl');
  const zhenFile = join(dev, 'mqm_zhen.dev.jsonl');
  for (const file of [cleanFile, endeFile, zhenFile])
    if (!existsSync(file)) throw new Error(`no evaluation data at ${file}`);

  const clean = loadCleanParagraphs(cleanFile);
  const sourceDocs = sourceJobs(loadRecords(endeFile), 'mqm_ende').map((job) =>
    job.document.segments.map((segment) => segment.input.text),
  );
  const sources = [...new Set(sourceDocs.flat())];
  // Hosts only after those: human references of mqm_zhen news that raters found no error in (quotations
  // with attributions are rare in the first two).
  const references = [
    ...new Set(loadRecords(zhenFile).flatMap((record) => (isCleanReference(record) ? [record.target] : []))),
  ];

  // Clean English: every finding is a false alarm.
  const cleanCounts: RecallResult['clean'] = {};
  for (const id of ALL_RULES) cleanCounts[id] = { wmt24: 0, sources: 0, per10k: null };
  const cleanSamples: { rule: string; text: string; context: string; message: string }[] = [];
  const cleanWords = { wmt24: 0, sources: 0 };
  for (const [corpus, docs] of [
    ['wmt24', documents(clean)],
    ['sources', sourceDocs],
  ] as const) {
    for (const paragraphs of docs) {
      const text = paragraphs.join('\n\n');
      cleanWords[corpus] += countWords(text);
      for (const finding of lintAll(text)) {
        cleanCounts[finding.ruleId][corpus]++;
        cleanSamples.push({
          rule: finding.ruleId,
          text: text.slice(finding.offset, finding.endOffset),
          context: text.slice(Math.max(0, finding.offset - 60), finding.endOffset + 60).replaceAll('\n', '¶'),
          message: finding.message,
        });
      }
    }
  }
  const words = cleanWords.wmt24 + cleanWords.sources;
  for (const counts of Object.values(cleanCounts)) counts.per10k = ((counts.wmt24 + counts.sources) / words) * 10000;

  // Injected artefacts.
  const kinds: Record<string, KindRow> = {};
  for (const kind of INJECTION_KINDS)
    kinds[kind] = {
      injected: 0,
      found: { recommended: 0, strict: 0, all: 0 },
      recall: { recommended: null, strict: null, all: null },
      byRule: {},
    };
  const misses: { kind: InjectionKind; paragraph: string; artefact: string }[] = [];
  const hosts = [clean.map((paragraph) => paragraph.text), sources, references];
  for (const job of noiseJobs(hosts, seed, perKind, INJECTION_KINDS)) {
    const baseline = new Set(
      lintAll(job.clean.text).flatMap((finding) => {
        const mapped = job.mapClean({ start: finding.offset, end: finding.endOffset });
        return mapped ? [`${finding.ruleId}@${mapped.start}-${mapped.end}`] : [];
      }),
    );
    const findings = lintAll(job.document.text).filter(
      (finding) => !baseline.has(`${finding.ruleId}@${finding.offset}-${finding.endOffset}`),
    );
    const paragraphs = job.document.text.split('\n\n');
    let paragraphStart = 0;
    job.injections.forEach((injection, index) => {
      const finders = new Set<string>();
      for (const finding of findings) {
        const range = { start: finding.offset, end: finding.endOffset };
        if (!isLocal([range])) continue;
        if (injection.ranges.some((target) => touches(range, target, 0))) finders.add(finding.ruleId);
      }
      const row = kinds[injection.kind];
      row.injected++;
      for (const preset of PRESETS) if ([...finders].some((id) => PRESET_RULES[preset].has(id))) row.found[preset]++;
      for (const id of finders) row.byRule[id] = (row.byRule[id] ?? 0) + 1;
      if (finders.size === 0) {
        const paragraph = paragraphs[index];
        const range = injection.ranges[0];
        misses.push({
          kind: injection.kind,
          paragraph,
          artefact: job.document.text.slice(Math.max(paragraphStart, range.start - 40), range.end + 40),
        });
      }
      paragraphStart += paragraphs[index].length + 2;
    });
  }
  for (const row of Object.values(kinds))
    for (const preset of PRESETS) row.recall[preset] = row.injected ? row.found[preset] / row.injected : null;
  const groups: RecallResult['groups'] = {};
  for (const [group, members] of Object.entries(KIND_GROUPS)) {
    const injected = members.reduce((sum, kind) => sum + kinds[kind].injected, 0);
    const recall = {} as Record<Preset, number | null>;
    for (const preset of PRESETS) {
      const found = members.reduce((sum, kind) => sum + kinds[kind].found[preset], 0);
      recall[preset] = injected ? found / injected : null;
    }
    groups[group] = { injected, recall };
  }

  const result: RecallResult = {
    settings: { seed, perKind, hosts: { clean: clean.length, sources: sources.length, references: references.length } },
    cleanWords,
    kinds,
    groups,
    clean: cleanCounts,
  };
  process.stdout.write(textReport(result));
  if (values.misses !== undefined) {
    for (const miss of misses.filter((each) => values.misses === 'all' || each.kind === values.misses).slice(0, limit))
      process.stdout.write(`\n[${miss.kind}] …${miss.artefact.replaceAll('\n', '¶')}…\n`);
  }
  if (values['rule-findings'] !== undefined) {
    for (const sample of cleanSamples.filter((each) => each.rule === values['rule-findings']).slice(0, limit))
      process.stdout.write(`\n[${sample.rule}] ${sample.message}\n  \`${sample.text}\` in …${sample.context}…\n`);
  }
  if (!values['no-write']) {
    const directory = join(ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'recall.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(directory, 'recall.md'), recallMarkdown(result));
    process.stdout.write('\nWrote bench/results/recall.json and recall.md (run `npm run docs` for README).\n');
  }
  return 0;
}

const share = (value: number | null) => (value === null ? '–' : value.toFixed(2));

function textReport(result: RecallResult): string {
  const lines = [
    `Injected recall (seed ${result.settings.seed}, up to ${result.settings.perKind} per kind; hosts: ${result.settings.hosts.clean} WMT24 paragraphs, ${result.settings.hosts.sources} mqm_ende sources, then ${result.settings.hosts.references} clean mqm_zhen references)`,
    '',
    `${'kind'.padEnd(30)} ${'n'.padStart(4)} ${'rec.'.padStart(5)} ${'strict'.padStart(6)} ${'all'.padStart(5)}  found by`,
  ];
  for (const [kind, row] of Object.entries(result.kinds)) {
    const by = Object.entries(row.byRule)
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    lines.push(
      `${kind.padEnd(30)} ${String(row.injected).padStart(4)} ${share(row.recall.recommended).padStart(5)} ${share(row.recall.strict).padStart(6)} ${share(row.recall.all).padStart(5)}  ${by}`,
    );
  }
  lines.push('');
  for (const [group, row] of Object.entries(result.groups))
    lines.push(
      `${`(${group})`.padEnd(30)} ${String(row.injected).padStart(4)} ${share(row.recall.recommended).padStart(5)} ${share(row.recall.strict).padStart(6)} ${share(row.recall.all).padStart(5)}`,
    );
  lines.push(
    '',
    `Clean English: ${result.cleanWords.wmt24} words of WMT24 paragraphs, ${result.cleanWords.sources} of mqm_ende sources`,
  );
  for (const [id, counts] of Object.entries(result.clean)) {
    if (counts.wmt24 + counts.sources === 0) continue;
    lines.push(
      `  ${id.padEnd(30)} wmt24 ${counts.wmt24}, sources ${counts.sources}, ${counts.per10k?.toFixed(2)} /10k words`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The README table: recall per kind with the default, strict and all rules, and the rules that found them. */
export function recallMarkdown(result: RecallResult): string {
  const rows = [
    '| injected artefact | target shows it | injected | recall (default) | recall (strict) | recall (all) | found by |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [kind, row] of Object.entries(result.kinds)) {
    const by = Object.entries(row.byRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => `\`${id}\``)
      .join(', ');
    rows.push(
      `| ${kind} | ${TARGET_VISIBLE.has(kind as InjectionKind) ? 'yes' : 'not always'} | ${row.injected} | ${share(row.recall.recommended)} | ${share(row.recall.strict)} | ${share(row.recall.all)} | ${by} |`,
    );
  }
  for (const [group, row] of Object.entries(result.groups))
    rows.push(
      `| *${group} (all kinds)* |  | ${row.injected} | ${share(row.recall.recommended)} | ${share(row.recall.strict)} | ${share(row.recall.all)} |  |`,
    );
  const noisy = Object.entries(result.clean)
    .filter(([, counts]) => counts.wmt24 + counts.sources > 0)
    .map(([id, counts]) => `\`${id}\` ${counts.per10k?.toFixed(2)}`)
    .join(', ');
  const words = result.cleanWords.wmt24 + result.cleanWords.sources;
  return [
    `Injected into ${result.settings.hosts.clean} native English paragraphs of WMT24 and ${result.settings.hosts.sources} English source segments of \`mqm_ende\`, then ${result.settings.hosts.references} error-free human references of \`mqm_zhen\` where a kind needs more hosts (seed ${result.settings.seed}, up to ${result.settings.perKind} per kind; \`npm run eval:recall\`).`,
    '',
    ...rows,
    '',
    `Findings per 10,000 words on the same clean English (${words} words), rules with any: ${noisy || 'none'}.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`eval:recall: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
