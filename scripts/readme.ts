/**
 * Regenerates the generated parts of README.md: the rules table (from the
 * registry) and, when `bench/results/quality.md`, `recall.md` and
 * `performance.md` exist, the quality, injected-recall and performance figures.
 * `npm run docs` writes; the tests check that README.md is up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** `schema/mtlintrc.schema.json` as written by `npm run docs`. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

export function generatedReadme(readme: string, root: string): string {
  let output = replaceSection(readme, 'rules', rulesTable());
  if (readme.includes('<!-- sample-output:start -->'))
    output = replaceSection(output, 'sample-output', sampleOutput(root));
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
  const schemaPath = join(ROOT, 'schema', 'mtlintrc.schema.json');
  const schema = configSchemaText();
  const schemaBefore = existsSync(schemaPath) ? readFileSync(schemaPath, 'utf8') : '';
  mkdirSync(dirname(schemaPath), { recursive: true });
  if (schema !== schemaBefore) writeFileSync(schemaPath, schema);
  process.stdout.write(schema === schemaBefore ? 'schema is up to date\n' : 'schema/mtlintrc.schema.json updated\n');
}
