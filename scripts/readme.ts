/**
 * Regenerates the generated parts of README.md: the rules table (from the
 * registry) and, when `bench/results/quality.md`, `recall.md` and
 * `performance.md` exist, the quality, injected-recall and performance figures.
 * `npm run docs` writes; the tests check that README.md is up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MEASURED_LINE } from '../bench/eval/fingerprint.js';
import { inPreset } from '../src/engine/config.js';
import { configSchema } from '../src/engine/config-schema.js';
import { lintFiles } from '../src/engine/lint-files.js';
import { reporters } from '../src/report/index.js';
import { rules } from '../src/rules/index.js';
import { VERSION } from '../src/version.js';

export const ROOT = join(import.meta.dirname, '..', import.meta.dirname.includes('/dist/') ? '..' : '');

export function rulesTable(): string {
  const header = '| rule | what it finds | default | strict | fixable |\n| --- | --- | --- | --- | --- |';
  const rows = rules.map((rule) => {
    const meta = rule.meta;
    const state = inPreset(meta, 'mtlint:recommended') ? meta.defaultSeverity : 'off';
    const strict = inPreset(meta, 'mtlint:strict') ? meta.defaultSeverity : 'off';
    return `| <a id="${meta.id}"></a>[\`${meta.id}\`](src/rules/${meta.id}.ts) | ${meta.description} | ${state} | ${strict} | ${meta.fixable ? 'yes' : ''} |`;
  });
  return [header, ...rows].join('\n');
}

/** What `npm run eval` measured of one rule (`bench/results/eval.json`). */
interface MeasuredRule {
  id: string;
  findings: number;
  precision: number | null;
  auditedPrecision: number | null;
  unaudited: number;
  cleanFalsePer10k: number | null;
  clean: { findings: number; real: number };
}

function share(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)} %`;
}

/** The line `npm run docs` writes into a rule's doc: its preset and figures. */
export function measuredLine(rule: MeasuredRule): string {
  const meta = rules.find((candidate) => candidate.meta.id === rule.id)?.meta;
  const preset = !meta
    ? 'unknown rule'
    : inPreset(meta, 'mtlint:recommended')
      ? 'in `mtlint:recommended`'
      : inPreset(meta, 'mtlint:strict')
        ? 'in `mtlint:strict`'
        : 'in `mtlint:all` only';
  const findings =
    rule.findings === 0
      ? 'no findings on the dev MT output'
      : `${rule.findings} findings on the dev MT output, rater precision ${share(rule.precision)}, audited precision ${share(rule.auditedPrecision)} (${rule.unaudited} unmatched unread)`;
  const clean = `${(rule.cleanFalsePer10k ?? 0).toFixed(2)} false alarms per 10,000 words of clean English (${rule.clean.findings} findings, ${rule.clean.real} audited real)`;
  return ` * Measured by \`npm run eval\` (see README, Quality): ${preset}; ${findings}; ${clean}.`;
}

/** A rule module with its measured line (re)written just before the first example. */
export function withMeasuredLine(source: string, rule: MeasuredRule): string {
  const stripped = source.replace(MEASURED_LINE, '');
  const at = stripped.indexOf(' * @example');
  if (at < 0) return stripped;
  return `${stripped.slice(0, at)}${measuredLine(rule)}\n *\n${stripped.slice(at)}`;
}

/** Every rule module with its measured line, from `bench/results/eval.json`: path → text. */
export function generatedRuleDocs(root: string): Map<string, string> {
  const output = new Map<string, string>();
  const evalPath = join(root, 'bench', 'results', 'eval.json');
  if (!existsSync(evalPath)) return output;
  const measured = (JSON.parse(readFileSync(evalPath, 'utf8')) as { rules: MeasuredRule[] }).rules;
  for (const rule of measured) {
    const path = join(root, 'src', 'rules', `${rule.id}.ts`);
    if (!existsSync(path)) continue;
    output.set(path, withMeasuredLine(readFileSync(path, 'utf8'), rule));
  }
  return output;
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function replaceSection(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

/** What `npx mtlint samples/belarus-mt-article.txt` prints (no colours). */
export function sampleOutput(root: string): string {
  const { results } = lintFiles(['samples/belarus-mt-article.txt'], { cwd: root, noConfig: true });
  const report = reporters.stylish(results, {
    cwd: root,
    color: false,
    rules: rules.map((r) => r.meta),
    version: VERSION,
  });
  return `\`\`\`console\n$ npx mtlint samples/belarus-mt-article.txt\n${report.trimEnd()}\n\`\`\``;
}

/**
 * The bilingual examples: each input file in `samples/bilingual/` and what
 * `npx mtlint` prints for it (the source beside a paired document is read, not linted).
 */
export function bilingualExamples(root: string): string {
  const examples: Array<{
    files: string[];
    language: string;
    command: string;
    target: string;
    source?: string;
    /** `--rule id:warn`: a rule outside the default preset that the example shows. */
    rule?: string;
  }> = [
    { files: ['news.xlf'], language: 'xml', command: 'npx mtlint samples/bilingual/news.xlf', target: 'news.xlf' },
    { files: ['shop.po'], language: 'po', command: 'npx mtlint samples/bilingual/shop.po', target: 'shop.po' },
    {
      files: ['article.ru.md', 'article.en.md'],
      language: 'md',
      command:
        'npx mtlint --rule number-mismatch:warn --source samples/bilingual/article.ru.md samples/bilingual/article.en.md',
      target: 'article.en.md',
      source: 'article.ru.md',
      rule: 'number-mismatch',
    },
  ];
  const folder = join(root, 'samples', 'bilingual');
  return examples
    .map((example) => {
      const inputs = example.files.map(
        (file) =>
          `\`samples/bilingual/${file}\`:\n\n\`\`\`${example.language}\n${readFileSync(join(folder, file), 'utf8').trimEnd()}\n\`\`\``,
      );
      const target = join(folder, example.target);
      const { results } = lintFiles([target], {
        cwd: root,
        noConfig: true,
        sourceFiles: example.source ? { [target]: join(folder, example.source) } : undefined,
        ruleOverrides: example.rule ? { [example.rule]: 'warn' } : undefined,
      });
      const report = reporters.stylish(results, {
        cwd: root,
        color: false,
        rules: rules.map((r) => r.meta),
        version: VERSION,
      });
      return `${inputs.join('\n\n')}\n\n\`\`\`console\n$ ${example.command}\n${report.trimEnd()}\n\`\`\``;
    })
    .join('\n\n');
}

/** `schema/mtlintrc.schema.json` as written by `npm run docs`. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

export function generatedReadme(readme: string, root: string): string {
  let output = replaceSection(readme, 'rules', rulesTable());
  if (readme.includes('<!-- sample-output:start -->'))
    output = replaceSection(output, 'sample-output', sampleOutput(root));
  if (readme.includes('<!-- bilingual-examples:start -->'))
    output = replaceSection(output, 'bilingual-examples', bilingualExamples(root));
  const qualityPath = join(root, 'bench', 'results', 'quality.md');
  if (existsSync(qualityPath) && readme.includes('<!-- quality:start -->')) {
    output = replaceSection(output, 'quality', readFileSync(qualityPath, 'utf8').trim());
  }
  const recallPath = join(root, 'bench', 'results', 'recall.md');
  if (existsSync(recallPath) && readme.includes('<!-- recall:start -->')) {
    output = replaceSection(output, 'recall', readFileSync(recallPath, 'utf8').trim());
  }
  const performancePath = join(root, 'bench', 'results', 'performance.md');
  if (existsSync(performancePath) && readme.includes('<!-- performance:start -->')) {
    output = replaceSection(output, 'performance', readFileSync(performancePath, 'utf8').trim());
  }
  return output;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const path = join(ROOT, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = generatedReadme(before, ROOT);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md updated\n');
  let changedDocs = 0;
  for (const [rulePath, text] of generatedRuleDocs(ROOT)) {
    if (readFileSync(rulePath, 'utf8') === text) continue;
    writeFileSync(rulePath, text);
    changedDocs++;
  }
  process.stdout.write(changedDocs === 0 ? 'rule docs are up to date\n' : `${changedDocs} rule docs updated\n`);
  const schemaPath = join(ROOT, 'schema', 'mtlintrc.schema.json');
  const schema = configSchemaText();
  const schemaBefore = existsSync(schemaPath) ? readFileSync(schemaPath, 'utf8') : '';
  mkdirSync(dirname(schemaPath), { recursive: true });
  if (schema !== schemaBefore) writeFileSync(schemaPath, schema);
  process.stdout.write(schema === schemaBefore ? 'schema is up to date\n' : 'schema/mtlintrc.schema.json updated\n');
}
