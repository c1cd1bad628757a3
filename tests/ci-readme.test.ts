/** The README's "mtlint in CI" section: its examples use only real inputs, hooks, flags and formats. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../src/cli/args.js';
import { reporters } from '../src/report/index.js';
import { ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## mtlint in CI'),
  readme.indexOf('\n## ', readme.indexOf('## mtlint in CI') + 5),
);
const yamlBlocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
  id: string;
  files?: string;
}>;

describe('README: mtlint in CI', () => {
  it('has examples for GitHub Actions, GitLab CI and pre-commit that are valid YAML', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const block of yamlBlocks) expect(() => parse(block)).not.toThrow();
    expect(section).toContain('.github/workflows/');
    expect(section).toContain('.gitlab-ci.yml');
    expect(section).toContain('.pre-commit-config.yaml');
  });

  it('explains every exit code', () => {
    for (const code of ['`0`', '`1`', '`2`']) expect(section).toContain(`| ${code}  |`);
  });

  it('passes the action only inputs it declares', () => {
    const steps = yamlBlocks
      .map((block) => parse(block))
      .flatMap((doc) => Object.values((doc?.jobs ?? {}) as Record<string, { steps?: Array<Record<string, unknown>> }>))
      .flatMap((job) => job.steps ?? []);
    const ours = steps.filter((step) => String(step.uses ?? '').startsWith('mtlint/mtlint@'));
    expect(ours.length).toBe(1);
    for (const step of ours)
      for (const input of Object.keys((step.with ?? {}) as object)) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('names a hook the manifest defines', () => {
    const config = parse(yamlBlocks.find((block) => block.includes('.pre-commit-config.yaml')) ?? '') as {
      repos: Array<{ hooks: Array<{ id: string }> }>;
    };
    for (const hook of config.repos.flatMap((repo) => repo.hooks)) {
      const defined = hooks.find((h) => h.id === hook.id);
      expect(defined, hook.id).toBeDefined();
      // A local copy of the hook selects the same files as the manifest's.
      for (const key of ['files', 'types'] as const)
        if (key in hook)
          expect((hook as Record<string, unknown>)[key]).toEqual((defined as Record<string, unknown>)[key]);
    }
  });

  it('uses only options and formats mtlint has', () => {
    const commands = [...section.matchAll(/npx mtlint ([^\n|#]*)/g)].map((match) => match[1]);
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) {
      for (const flag of command.match(/(?<=^|\s)--?[a-z][\w-]*/g) ?? []) expect(HELP, flag).toContain(flag);
      const format = /(?:-f|--format) (\w+)/.exec(command);
      if (format) expect(Object.keys(reporters)).toContain(format[1]);
    }
    for (const name of Object.keys(reporters)) expect(readme).toContain(`\`${name}\``);
  });
});
