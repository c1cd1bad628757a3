/**
 * The CI dashboard formats, validated by real consumers: `junit` and
 * `checkstyle` with xmllint (Debian's libxml2-utils, installed by .ci/run)
 * against their XML schemas, `gitlab` with ajv against GitLab's Code Quality
 * format. Each schema is shown to reject a broken document too.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../src/engine/result.js';
import { summarize } from '../src/engine/result.js';
import { reporters } from '../src/report/index.js';
import { rules } from '../src/rules/index.js';
import { runMtlint, tempDir } from './helpers/cli.js';

const SCHEMAS = join(import.meta.dirname, 'schemas');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
// In CI (.ci/run installs libxml2-utils) a missing xmllint is a failure, not a skip.
const describeXml = hasXmllint || process.env.CI ? describe : describe.skip;

function xmllint(xml: string, schema: string, dir: string): { ok: boolean; output: string } {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const ARTICLE = 'She left. . Then she came back with $ 5 and went home.\nNothing wrong here.\n';
const CLEAN = 'A clean sentence.\n';

/** Hostile findings for escaping: markup, quotes, control characters, a lone surrogate, an emoji. */
function hostileResults(dir: string): FileResult[] {
  const finding = {
    ruleId: 'doubled-punctuation',
    severity: 2 as const,
    message: 'Unexpected `<&>"\'` \u0001\u0008 \uD800 😀 \r\nnext',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 3,
    offset: 0,
    endOffset: 2,
  };
  return [
    summarize(join(dir, 'we<ird> & "name".txt'), [finding, { ...finding, severity: 1 }]),
    summarize(join(dir, 'clean.txt'), []),
  ];
}

const context = (cwd: string) => ({
  cwd,
  color: false,
  rules: rules.map((rule) => rule.meta),
  version: '0.0.0-test',
});

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('mtlint-formats-');
  writeFileSync(join(dir.path, 'article.txt'), ARTICLE);
  writeFileSync(join(dir.path, 'clean.md'), CLEAN);
  writeFileSync(join(dir.path, '.mtlintrc.json'), JSON.stringify({ rules: { 'doubled-punctuation': 'error' } }));
});
afterAll(() => dir.cleanup());

describeXml('junit', () => {
  it('is valid JUnit XML (Jenkins xUnit schema) with one failed testcase per finding and a passed one per clean file', () => {
    const run = runMtlint(['--format', 'junit', '.'], { cwd: dir.path });
    expect(run.code).toBe(1);
    const check = xmllint(run.stdout, 'junit-10.xsd', dir.path);
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);
    expect(run.stdout).toMatch(/<testsuites name="mtlint" tests="3" failures="2" errors="0"/);
    expect(run.stdout).toContain(
      '<failure message="Unexpected `. .`, expected `.`" type="error">article.txt:1:9: error: Unexpected `. .`, expected `.` (doubled-punctuation)</failure>',
    );
    expect(run.stdout).toContain('type="warning">article.txt:1:37: warning:');
    expect(run.stdout).toContain('<testcase time="0" name="clean.md" classname="clean.md"/>');
  });

  it('escapes markup and drops characters XML forbids', () => {
    const xml = reporters.junit(hostileResults(dir.path), context(dir.path));
    const check = xmllint(xml, 'junit-10.xsd', dir.path);
    expect(check.output).toContain('validates');
    expect(xml).toContain('we&lt;ird&gt; &amp; &quot;name&quot;.txt');
    expect(xml).toContain('\uFFFD\uFFFD \uFFFD 😀 &#13;&#10;next');
  });

  it('is valid with no files', () => {
    const xml = reporters.junit([], context(dir.path));
    expect(xmllint(xml, 'junit-10.xsd', dir.path).ok).toBe(true);
  });

  it('the schema rejects a testcase without a name (the validator can say no)', () => {
    const bad =
      '<testsuites><testsuite name="x" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>';
    expect(xmllint(bad, 'junit-10.xsd', dir.path).ok).toBe(false);
  });
});

describeXml('checkstyle', () => {
  it('is valid Checkstyle XML with absolute paths, positions, severities and mtlint.<rule> sources', () => {
    const run = runMtlint(['--format', 'checkstyle', '.'], { cwd: dir.path });
    expect(run.code).toBe(1);
    const check = xmllint(run.stdout, 'checkstyle.xsd', dir.path);
    expect(check.output).toContain('validates');
    expect(run.stdout).toContain(`<file name="${join(dir.path, 'article.txt')}">`);
    expect(run.stdout).toContain(
      '<error line="1" column="9" severity="error" message="Unexpected `. .`, expected `.`" source="mtlint.doubled-punctuation"/>',
    );
    expect(run.stdout).toContain('severity="warning" message="Unexpected space in `$ 5`, expected `$5`"');
    expect(run.stdout).toContain(`<file name="${join(dir.path, 'clean.md')}"/>`);
  });

  it('escapes markup and drops characters XML forbids', () => {
    const xml = reporters.checkstyle(hostileResults(dir.path), context(dir.path));
    expect(xmllint(xml, 'checkstyle.xsd', dir.path).output).toContain('validates');
    expect(xml).toContain('message="Unexpected `&lt;&amp;&gt;&quot;&apos;` \uFFFD\uFFFD');
  });

  it('the schema rejects an error without a line', () => {
    const bad =
      '<checkstyle version="4.3"><file name="a"><error severity="error" message="m" source="s"/></file></checkstyle>';
    expect(xmllint(bad, 'checkstyle.xsd', dir.path).ok).toBe(false);
  });
});

describe('gitlab', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, 'gitlab-codequality.schema.json'), 'utf8')));

  it('is a valid Code Quality report: relative paths, lines, major for errors and minor for warnings', () => {
    const run = runMtlint(['--format', 'gitlab', '.'], { cwd: dir.path });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toHaveLength(2);
    expect(report[0]).toMatchObject({
      description: 'Unexpected `. .`, expected `.`',
      check_name: 'doubled-punctuation',
      severity: 'major',
      location: { path: 'article.txt', lines: { begin: 1, end: 1 } },
    });
    expect(report[1]).toMatchObject({ check_name: 'currency-spacing', severity: 'minor' });
  });

  it('gives identical findings distinct fingerprints that do not change when lines are added above', () => {
    const text = 'One,, two,, three.\n';
    writeFileSync(join(dir.path, 'twice.txt'), text);
    const before = JSON.parse(runMtlint(['--format', 'gitlab', 'twice.txt'], { cwd: dir.path }).stdout);
    writeFileSync(join(dir.path, 'twice.txt'), `A new first line.\n\n${text}`);
    const after = JSON.parse(runMtlint(['--format', 'gitlab', 'twice.txt'], { cwd: dir.path }).stdout);
    expect(before).toHaveLength(2);
    expect(new Set(before.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(2);
    expect(after.map((issue: { fingerprint: string }) => issue.fingerprint)).toEqual(
      before.map((issue: { fingerprint: string }) => issue.fingerprint),
    );
    expect(after[0].location.lines.begin).toBe(3);
  });

  it('is an empty array for a clean run and keeps hostile messages intact', () => {
    expect(JSON.parse(reporters.gitlab([], context(dir.path)))).toEqual([]);
    const report = JSON.parse(reporters.gitlab(hostileResults(dir.path), context(dir.path)));
    expect(validate(report)).toBe(true);
    expect(report[0].description).toContain('<&>"');
  });

  it('the schema rejects an issue without a fingerprint or with an absolute path', () => {
    const issue = {
      description: 'd',
      check_name: 'c',
      fingerprint: 'f',
      severity: 'minor',
      location: { path: 'a.txt', lines: { begin: 1 } },
    };
    expect(validate([issue])).toBe(true);
    expect(validate([{ ...issue, fingerprint: undefined }])).toBe(false);
    expect(validate([{ ...issue, location: { path: '/abs/a.txt', lines: { begin: 1 } } }])).toBe(false);
  });
});

describe('--format', () => {
  it('lists the CI formats in --help and rejects unknown ones', () => {
    expect(runMtlint(['--help']).stdout).toMatch(/junit,\s+checkstyle or gitlab/);
    const run = runMtlint(['--format', 'teamcity', '.'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('junit, checkstyle, gitlab');
  });
});
