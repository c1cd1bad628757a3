/** `mtlint --init`: a commented starter config that the config search and the JSON Schema accept, never over another. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import jsonc from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-init-');
});
afterEach(() => dir.cleanup());

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'mtlintrc.schema.json'), 'utf8'));

describe('--init', () => {
  it('writes a commented .mtlintrc.json that the schema accepts and the config search uses', () => {
    const run = runMtlint(['--init'], { cwd: dir.path });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Wrote .mtlintrc.json');
    const text = readFileSync(join(dir.path, '.mtlintrc.json'), 'utf8');
    expect(text).toMatch(/^\s*\/\/ /m);
    const errors: jsonc.ParseError[] = [];
    const config = jsonc.parse(text, errors, { allowTrailingComma: true });
    expect(errors).toEqual([]);
    expect(new Ajv({ strictTuples: false }).validate(schema, config)).toBe(true);
    // Not installed here: the schema's public address.
    expect(config.$schema).toBe(schema.$id);

    writeFileSync(join(dir.path, 'a.txt'), 'One , two.\n');
    const printed = JSON.parse(runMtlint(['--print-config', 'a.txt'], { cwd: dir.path }).stdout);
    expect(printed.sources).toEqual([join(dir.path, '.mtlintrc.json')]);
    const lint = runMtlint(['a.txt'], { cwd: dir.path });
    expect(lint.stdout).toContain('space-before-punctuation');
  });

  it('starts from the same rules as no config at all', () => {
    runMtlint(['--init'], { cwd: dir.path });
    writeFileSync(join(dir.path, 'a.txt'), 'x\n');
    const withInit = JSON.parse(runMtlint(['--print-config', 'a.txt'], { cwd: dir.path }).stdout);
    const without = JSON.parse(runMtlint(['--print-config', 'a.txt', '--no-config'], { cwd: dir.path }).stdout);
    expect(withInit.rules).toEqual(without.rules);
  });

  it('points $schema at the installed package when there is one', () => {
    mkdirSync(join(dir.path, 'node_modules', 'mtlint', 'schema'), { recursive: true });
    writeFileSync(join(dir.path, 'node_modules', 'mtlint', 'schema', 'mtlintrc.schema.json'), '{}');
    runMtlint(['--init'], { cwd: dir.path });
    const config = jsonc.parse(readFileSync(join(dir.path, '.mtlintrc.json'), 'utf8'));
    expect(config.$schema).toBe('./node_modules/mtlint/schema/mtlintrc.schema.json');
  });

  it('refuses to overwrite a config, with one line and exit code 2', () => {
    writeFileSync(join(dir.path, '.mtlintrc.json'), '{"rules": {}}');
    const run = runMtlint(['--init'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'mtlint: --init: .mtlintrc.json already exists here; edit it instead (--init never overwrites a config)\n',
    );
    expect(readFileSync(join(dir.path, '.mtlintrc.json'), 'utf8')).toBe('{"rules": {}}');
  });

  it('refuses beside a YAML config or a package.json with an mtlint key, not beside any package.json', () => {
    writeFileSync(join(dir.path, '.mtlintrc.yaml'), 'rules: {}\n');
    expect(runMtlint(['--init'], { cwd: dir.path }).stderr).toContain('.mtlintrc.yaml already exists');
    const other = tempDir('mtlint-init-');
    try {
      writeFileSync(join(other.path, 'package.json'), '{"name": "site", "mtlint": {"rules": {}}}');
      expect(runMtlint(['--init'], { cwd: other.path }).stderr).toContain('package.json already exists');
      writeFileSync(join(other.path, 'package.json'), '{"name": "site"}');
      expect(runMtlint(['--init'], { cwd: other.path }).code).toBe(0);
    } finally {
      other.cleanup();
    }
  });
});
