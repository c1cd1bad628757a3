/**
 * The package's type declarations (dist/src/*.d.ts, package.json `types`)
 * compile in a consumer that has no @types/node: a browser bundle, a Deno or
 * Bun project. Checked by compiling a small consumer against the built
 * package with `skipLibCheck: false` and `types: []`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-types-');
  mkdirSync(join(dir.path, 'node_modules'));
  // The built package as a dependency; its own dependencies resolve from its node_modules.
  symlinkSync(ROOT, join(dir.path, 'node_modules', 'mtlint'), 'dir');
  writeFileSync(
    join(dir.path, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
});
afterEach(() => dir.cleanup());

/** Compiles `consumer.ts`; tsc's output and the files the program read. */
function compile(source: string): { code: number | null; output: string; files: string[] } {
  writeFileSync(join(dir.path, 'consumer.ts'), source);
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], {
    cwd: dir.path,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = run.stdout.split('\n');
  return {
    code: run.status,
    output: lines.filter((line) => line.includes('error TS')).join('\n'),
    files: lines.filter((line) => line.endsWith('.d.ts')),
  };
}

describe('type declarations', () => {
  it('compile in a consumer without @types/node', () => {
    const run = compile(`
import { type Config, defineRule, FileError, type Finding, fixText, getReporter, lint, presets, rules } from 'mtlint';

const config: Config = { extends: 'mtlint:strict', rules: { 'repeated-words': ['error', {}] } };
const findings: Finding[] = lint('The the law.', { config }).findings;
const fixed: string = fixText('Hello , world.').output;
const report: string | undefined = getReporter('json')?.([], { cwd: '/', color: false, rules: [], version: '0' });
const custom = defineRule(
  { id: 'x', description: 'x', category: 'style', recommended: false, defaultSeverity: 'warn', fixable: false, defaultOptions: {} },
  (_tree, context) => context.report({ start: 0, end: 1, message: 'x' }),
);
export const used = [findings, fixed, report, custom, presets, rules.length, new FileError('a', 'b').filePath];
`);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(run.files.some((file) => file.includes('/dist/src/index.d.ts'))).toBe(true);
    expect(run.files.filter((file) => file.includes('@types/node'))).toEqual([]);
  });

  it('really has no @types/node: a consumer that uses Buffer does not compile', () => {
    const run = compile(
      `import { lint } from 'mtlint';\nexport const bytes = Buffer.from(String(lint('x').findings.length));\n`,
    );
    expect(run.output).toMatch(/Cannot find name 'Buffer'/);
  });
});
