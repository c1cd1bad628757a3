/**
 * The GitHub Action (action.yml), run as a runner runs a composite action:
 * each `run` step's script through `bash --noprofile --norc -eo pipefail`,
 * its `env` expressions filled in from the inputs (defaults from action.yml),
 * with the GITHUB_* variables and files a runner provides, in a temporary
 * workspace. Asserts annotations, outputs, the SARIF file and exit codes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from './helpers/cli.js';

interface Step {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Fills in `${{ ... }}`: only the expressions this action may use. */
function expand(value: string, inputs: Record<string, string>, steps: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return ROOT;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) {
      if (!(input[1] in action.inputs)) throw new Error(`undeclared input ${input[1]}`);
      return inputs[input[1]] ?? action.inputs[input[1]].default ?? '';
    }
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return steps[output[1]]?.[output[2]] ?? '';
    throw new Error(`unsupported expression in action.yml: ${expression}`);
  });
}

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

let workspace: ReturnType<typeof tempDir>;
let runnerTemp: ReturnType<typeof tempDir>;

/** Runs the action's steps like a runner: stops at the first failing step. */
function runAction(inputs: Record<string, string> = {}): ActionRun {
  const steps: Record<string, Record<string, string>> = {};
  const summaryFile = join(runnerTemp.path, 'step-summary.md');
  writeFileSync(summaryFile, '');
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses) throw new Error(`step ${step.name} uses ${step.uses}: not runnable locally`);
    const outputFile = join(runnerTemp.path, `output-${index}`);
    writeFileSync(outputFile, '');
    const script = join(runnerTemp.path, `step-${index}.sh`);
    writeFileSync(script, step.run ?? '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? runnerTemp.path,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace.path,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_ACTION: `__mtlint`,
      GITHUB_REPOSITORY: 'example/articles',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_OUTPUT: outputFile,
      GITHUB_ENV: join(runnerTemp.path, 'env'),
      GITHUB_PATH: join(runnerTemp.path, 'path'),
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp.path,
      RUNNER_OS: 'Linux',
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = expand(String(value), inputs, steps);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace.path,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id) {
      steps[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    code = result.status ?? -1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, expand(output.value, inputs, steps)]),
  );
  return { code, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

beforeEach(() => {
  workspace = tempDir('mtlint-action-ws-');
  runnerTemp = tempDir('mtlint-action-tmp-');
  execFileSync('mkdir', ['-p', join(workspace.path, 'docs'), join(workspace.path, 'posts')]);
  writeFileSync(join(workspace.path, 'docs', 'guide.md'), '# Guide\n\nShe left , then she came back.\n');
  writeFileSync(join(workspace.path, 'posts', 'news.txt'), 'The report cost $ 5 million.\n');
  writeFileSync(join(workspace.path, 'posts', 'clean.html'), '<p>A clean paragraph.</p>\n');
});
afterEach(() => {
  workspace.cleanup();
  runnerTemp.cleanup();
});

describe('action.yml', () => {
  it('is a composite action with the documented inputs and no expressions inside scripts', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'fail-on', 'sarif-file']));
    expect(action.inputs['fail-on'].default).toBe('error');
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      // Inputs reach scripts through the environment only (no script injection).
      expect(step.run).not.toContain('${{');
    }
  });

  it('annotates findings with the repository config and passes on warnings (fail-on: error)', () => {
    const run = runAction();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::warning file=docs/guide.md,line=3,col=9,endLine=3,endColumn=10,title=mtlint (space-before-punctuation)::Unexpected space before `,`',
    );
    expect(run.stdout).toContain('::warning file=posts/news.txt,line=1,col=17');
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs['sarif-file']).toBe('');
    expect(run.summary).toContain('no findings that fail the check');
  });

  it('fails on warnings with fail-on: warning', () => {
    const run = runAction({ 'fail-on': 'warning' });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toContain('::warning file=docs/guide.md');
  });

  it('fails on errors from the repository config, or from the config input', () => {
    writeFileSync(
      join(workspace.path, '.mtlintrc.json'),
      JSON.stringify({ rules: { 'space-before-punctuation': 'error' } }),
    );
    const cascade = runAction();
    expect(cascade.code).toBe(1);
    expect(cascade.stdout).toContain('::error file=docs/guide.md,line=3');
    writeFileSync(join(workspace.path, 'strict.yaml'), 'root: true\nrules:\n  currency-spacing: error\n');
    const explicit = runAction({ config: 'strict.yaml' });
    expect(explicit.code).toBe(1);
    expect(explicit.stdout).toContain('::error file=posts/news.txt');
    expect(explicit.stdout).toContain('::warning file=docs/guide.md');
  });

  it('lints only the given paths (white space or new lines between them, globs expanded by mtlint)', () => {
    const run = runAction({ paths: 'posts/*.txt\n  docs/guide.md  ' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('file=posts/news.txt');
    expect(run.stdout).toContain('file=docs/guide.md');
    const onlyPosts = runAction({ paths: 'posts' });
    expect(onlyPosts.stdout).not.toContain('docs/guide.md');
  });

  it('writes a SARIF report for code scanning when sarif-file is set', () => {
    const run = runAction({ 'sarif-file': 'mtlint.sarif' });
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-file']).toBe('mtlint.sarif');
    const log = JSON.parse(readFileSync(join(workspace.path, 'mtlint.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId).sort()).toEqual([
      'currency-spacing',
      'space-before-punctuation',
    ]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'docs/guide.md',
      uriBaseId: 'SRCROOT',
    });
  });

  it('passes args through (here --since, in a pull-request checkout)', () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: workspace.path });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(workspace.path, 'posts', 'new.md'), 'A new post , with a slip.\n');
    const run = runAction({ args: '--since main', 'fail-on': 'warning' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('file=posts/new.md');
    expect(run.stdout).not.toContain('docs/guide.md');
  });

  it('exits 2 with an annotation for a bad fail-on, and for a missing path', () => {
    const bad = runAction({ 'fail-on': 'sometimes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("::error title=mtlint::fail-on must be error or warning, not 'sometimes'");
    expect(bad.outputs['exit-code']).toBe('2');
    const missing = runAction({ paths: 'nope/' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('mtlint: nope/: no such file or directory');
  });

  it('never runs input text as shell code', () => {
    const marker = join(runnerTemp.path, 'pwned');
    const run = runAction({
      paths: `$(touch ${marker}) \`touch ${marker}\` ;touch ${marker}`,
      args: `$(touch ${marker})`,
    });
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(2);
  });
});
