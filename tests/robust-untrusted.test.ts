/**
 * Untrusted repositories: linting a stranger's pull request must not run any
 * of its code. A repository with a `.mtlintrc.js` (and .cjs/.mjs and
 * `mtlint.config.js`), a `package.json` with install scripts and an `mtlint`
 * key pointing at code, a plugin in `node_modules`, YAML with code tags and
 * `extends` pointing at code or outside the repository: each payload would
 * write a marker file, and none may exist after the CLI ran in every mode
 * (lint, --fix, --print-config, --config on the JS file).
 *
 * The payloads are first run with node directly, to prove they do write
 * their marker when executed (so the test can fail).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILES, ConfigError, ConfigResolver, loadConfigFile } from '../src/engine/config.js';
import { runMtlint, tempDir } from './helpers/cli.js';
import { LspClient } from './lsp/client.js';

let repo: string;
let markers: string;
let outside: string;
const cleanups: Array<() => void> = [];

/** JavaScript that writes `markers/<name>` when run, as CommonJS or as an ES module. */
function payload(name: string): string {
  return `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(join(markers, name))}, 'executed');\nmodule.exports = { rules: {} };\n`;
}
function esmPayload(name: string): string {
  return `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(markers, name))}, 'executed');\nexport default { rules: {} };\n`;
}
function shell(name: string): string {
  return `node -e "require('fs').writeFileSync('${join(markers, name)}', 'executed')"`;
}

const ARTICLE = 'The opposition said so , then left.\n';

beforeAll(() => {
  repo = tempDir('mtlint-untrusted-').path;
  markers = tempDir('mtlint-markers-').path;
  outside = tempDir('mtlint-outside-').path;
  cleanups.push(() => {
    for (const dir of [repo, markers, outside]) rmSync(dir, { recursive: true, force: true });
  });

  writeFileSync(join(repo, 'article.md'), ARTICLE);
  writeFileSync(join(repo, '.mtlintrc.js'), payload('mtlintrc-js'));
  writeFileSync(join(repo, '.mtlintrc.cjs'), payload('mtlintrc-cjs'));
  writeFileSync(join(repo, '.mtlintrc.mjs'), esmPayload('mtlintrc-mjs'));
  writeFileSync(join(repo, 'mtlint.config.js'), payload('mtlint-config-js'));
  writeFileSync(join(repo, 'evil.js'), payload('package-json-mtlint-key'));
  writeFileSync(
    join(repo, 'package.json'),
    JSON.stringify(
      {
        name: 'untrusted',
        version: '1.0.0',
        main: 'evil.js',
        scripts: {
          preinstall: shell('preinstall'),
          install: shell('install'),
          postinstall: shell('postinstall'),
          prepare: shell('prepare'),
          pretest: shell('pretest'),
          mtlint: shell('script-mtlint'),
        },
        mtlint: './evil.js',
      },
      null,
      2,
    ),
  );
  // A plugin and a "preset" in node_modules, and a fake mtlint binary.
  for (const name of ['mtlint-plugin-evil', 'mtlint-config-evil', 'evil']) {
    mkdirSync(join(repo, 'node_modules', name), { recursive: true });
    writeFileSync(join(repo, 'node_modules', name, 'index.js'), payload(`node-modules-${name}`));
    writeFileSync(
      join(repo, 'node_modules', name, 'package.json'),
      JSON.stringify({
        name,
        version: '1.0.0',
        main: 'index.js',
        scripts: { postinstall: shell(`${name}-postinstall`) },
      }),
    );
  }
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(repo, 'node_modules', '.bin', 'mtlint'), `#!/bin/sh\n${shell('fake-bin')}\n`, { mode: 0o755 });

  // Sub-folders whose data configs try to reach code or leave the repository.
  const configs: Record<string, string> = {
    'extends-plugin/.mtlintrc.json': JSON.stringify({ root: true, extends: 'mtlint-plugin-evil' }),
    'extends-js/.mtlintrc.json': JSON.stringify({ root: true, extends: '../evil.js' }),
    'extends-module-path/.mtlintrc.json': JSON.stringify({ root: true, extends: '../node_modules/evil/index.js' }),
    'extends-outside/.mtlintrc.json': JSON.stringify({
      root: true,
      extends: `../../${outside.split('/').pop()}/base.json`,
    }),
    'extends-absolute/.mtlintrc.json': JSON.stringify({ root: true, extends: join(outside, 'base.json') }),
    'extends-link/.mtlintrc.json': JSON.stringify({ root: true, extends: './linked.json' }),
    'plugins-key/.mtlintrc.json': JSON.stringify({ root: true, plugins: ['evil'], rules: {} }),
    'yaml-tags/.mtlintrc.yaml': `rules: !!js/function "function () { ${payload('yaml-js-function').replace(/"/g, '\\"').replace(/\n/g, ' ')} }"\n`,
    'proto/.mtlintrc.json': '{"__proto__": {"polluted": true}, "rules": {}}',
  };
  writeFileSync(join(outside, 'base.json'), JSON.stringify({ rules: {} }));
  for (const [path, content] of Object.entries(configs)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
    writeFileSync(join(repo, path, '..', 'doc.md'), ARTICLE);
  }
  symlinkSync(join(outside, 'base.json'), join(repo, 'extends-link', 'linked.json'));
});

afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function markersWritten(): string[] {
  return readdirSync(markers).sort();
}

describe('untrusted repository', () => {
  it('the payloads do write their markers when executed (the test can fail)', () => {
    for (const file of ['.mtlintrc.js', '.mtlintrc.cjs', '.mtlintrc.mjs', 'mtlint.config.js', 'evil.js']) {
      const result = spawnSync(process.execPath, [join(repo, file)], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
    spawnSync('sh', ['-c', shell('postinstall')]);
    expect(markersWritten()).toEqual([
      'mtlint-config-js',
      'mtlintrc-cjs',
      'mtlintrc-js',
      'mtlintrc-mjs',
      'package-json-mtlint-key',
      'postinstall',
    ]);
    for (const name of markersWritten()) rmSync(join(markers, name));
    expect(markersWritten()).toEqual([]);
  });

  it('lint, --fix, --print-config and --config run none of its code', () => {
    const runs = [
      runMtlint(['--format', 'json', '.'], { cwd: repo }),
      runMtlint(['--fix', '.'], { cwd: repo }),
      runMtlint(['--print-config', 'article.md'], { cwd: repo }),
      runMtlint(['--config', '.mtlintrc.js', 'article.md'], { cwd: repo }),
      runMtlint(['--config', '.mtlintrc.mjs', 'article.md'], { cwd: repo }),
      runMtlint(['--config', 'node_modules/evil/index.js', 'article.md'], { cwd: repo }),
      runMtlint(['--stdin-filename', 'x.md', '-'], { cwd: repo, input: ARTICLE }),
    ];
    for (const run of runs) expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(markersWritten()).toEqual([]);
  });

  it('the language server (mtlint lsp) runs none of its code either', async () => {
    const client = new LspClient(['lsp'], { cwd: repo });
    try {
      const rootUri = pathToFileURL(repo).href;
      await client.initialize({ rootUri, workspaceFolders: [{ uri: rootUri, name: 'untrusted' }] });
      const documents = [
        'article.md',
        'extends-js/doc.md',
        'extends-plugin/doc.md',
        'yaml-tags/doc.md',
        'proto/doc.md',
      ];
      for (const path of documents) {
        client.notify('textDocument/didOpen', {
          textDocument: {
            uri: pathToFileURL(join(repo, path)).href,
            languageId: 'markdown',
            version: 1,
            text: ARTICLE,
          },
        });
        // Diagnostics, or a message about the config: either way the server has read the config by then.
        await client
          .waitFor(
            (message) =>
              message.method === 'textDocument/publishDiagnostics' || message.method === 'window/showMessage',
            15_000,
          )
          .catch(() => undefined);
        client.forget();
      }
      client.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(join(repo, '.mtlintrc.js')).href, type: 2 }],
      });
      await client.request('shutdown', null, 10_000);
      client.notify('exit');
      await client.exited;
    } finally {
      if (client.process.exitCode === null) client.process.kill();
    }
    expect(client.stderr).not.toMatch(/\n\s+at /);
    expect(markersWritten()).toEqual([]);
  }, 120_000);

  it('a config that points at code is refused with a clear message', () => {
    const run = runMtlint(['--format', 'json', '.'], { cwd: repo });
    const lines = run.stderr.split('\n').filter(Boolean);
    // package.json's `mtlint` key is a string, not a config object.
    // Named relative to the working folder, as the report names files.
    expect(lines.filter((line) => /^mtlint: package\.json:\d+:\d+: config must be an object$/.test(line))).toHaveLength(
      1,
    );
    expect(run.code).toBe(2);
    const js = runMtlint(['--config', '.mtlintrc.js', 'article.md'], { cwd: repo });
    expect(js.stderr).toMatch(/^mtlint: .*\.mtlintrc\.js:\d+:\d+: invalid (JSON|YAML)/);
    expect(js.code).toBe(2);
  });

  it.each([
    [
      'extends-plugin',
      /`mtlint-plugin-evil` must be a built-in preset .* or a relative path to a \.json or \.yaml file/,
    ],
    ['extends-js', /`\.\.\/evil\.js` must be a built-in preset/],
    ['extends-module-path', /must be a built-in preset/],
    ['extends-outside', /is outside the project/],
    ['extends-absolute', /must be a built-in preset .* or a relative path/],
    ['extends-link', /`\.\/linked\.json` is outside the project/],
    ['plugins-key', /unknown key `plugins`/],
    ['yaml-tags', /rules: must be an object of rule settings|invalid YAML/],
    ['proto', /unknown key `__proto__`/],
  ])('%s: refused, nothing run', (folder, message) => {
    const resolver = new ConfigResolver({ projectRoot: repo });
    let error: unknown;
    try {
      resolver.forFile(join(repo, folder, 'doc.md'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    const run = runMtlint([join(folder, 'doc.md')], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(markersWritten()).toEqual([]);
  });

  it('a config with __proto__ does not pollute Object.prototype', () => {
    expect(() => loadConfigFile(join(repo, 'proto', '.mtlintrc.json'))).toThrow(ConfigError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('only data files are config files: .mtlintrc.json, .mtlintrc.yaml, .mtlintrc.yml and package.json', () => {
    expect([...CONFIG_FILES]).toEqual(['.mtlintrc.json', '.mtlintrc.yaml', '.mtlintrc.yml', 'package.json']);
  });
});
