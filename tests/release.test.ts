/**
 * The release tree: what a version tag points at. A user's CI installs it with
 * the runtime dependencies only (no TypeScript build, no dev toolchain), through
 * the GitHub Action's own install step, and mtlint then lints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeReleaseTree } from '../scripts/release-tree.js';
import { ROOT, tempDir } from './helpers/cli.js';

let tree: ReturnType<typeof tempDir>;
beforeAll(() => {
  tree = tempDir('mtlint-release-');
  writeReleaseTree(tree.path, ROOT);
});
afterAll(() => tree.cleanup());

describe('release tree', () => {
  it('carries the compiled code, the schema, the licence, the Action and the hook, and no build step', () => {
    for (const file of [
      'dist/cli/mtlint.js',
      'dist/cli/worker.js',
      'dist/src/cli.js',
      'dist/src/text/lexicon',
      'schema/mtlintrc.schema.json',
      'LICENSE',
    ]) {
      expect(existsSync(join(tree.path, file)), file).toBe(true);
    }
    for (const file of ['action.yml', '.pre-commit-hooks.yaml', 'package-lock.json']) {
      expect(readFileSync(join(tree.path, file), 'utf8')).toBe(readFileSync(join(ROOT, file), 'utf8'));
    }
    const manifest = JSON.parse(readFileSync(join(tree.path, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(existsSync(join(tree.path, 'src', 'cli.ts'))).toBe(false);
    expect(existsSync(join(tree.path, 'tests'))).toBe(false);
  });

  it("installs through the Action's install step with the runtime dependencies only, then lints", () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const install = action.runs.steps.find((step: { name?: string }) => step.name === 'Install mtlint');
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', install.run], {
      env: { ...process.env, MTLINT_HOME: tree.path },
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const modules = join(tree.path, 'node_modules');
    for (const dependency of ['unified', 'retext-english', 'jsonc-parser']) {
      expect(existsSync(join(modules, dependency)), dependency).toBe(true);
    }
    for (const tool of ['typescript', '@biomejs', 'vitest', 'textlint']) {
      expect(existsSync(join(modules, tool)), tool).toBe(false);
    }
    const lint = spawnSync(process.execPath, [join(tree.path, 'dist/cli/mtlint.js'), '--format', 'json', 'samples'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(lint.status, lint.stderr).toBe(0);
    const results = JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[];
    expect(results.flatMap((result) => result.messages).some((m) => m.ruleId === 'currency-spacing')).toBe(true);
  }, 300_000);
});
