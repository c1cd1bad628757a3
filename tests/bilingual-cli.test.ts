/**
 * Bilingual files on the command line, as a localisation engineer runs it:
 * XLIFF and PO files found in folders, read from stdin, fixed in place, and
 * reported by every reporter at the target text.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runMtlint, tempDir } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bilingual');
let dir: { path: string; cleanup: () => void };

beforeEach(() => {
  dir = tempDir('mtlint-bilingual-');
});
afterEach(() => dir.cleanup());

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function copyFixture(name: string, to = name): string {
  const path = join(dir.path, to);
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

describe('XLIFF and PO on the command line', () => {
  it('a folder walk finds .xlf and .po files; findings point at the target text', () => {
    copyFixture('okapi-1.2.xlf', 'l10n/metro.xlf');
    copyFixture('app.de-en.po', 'l10n/app.po');
    const run = runMtlint(['l10n', '-f', 'json', '--rule', 'doubled-punctuation:error'], { cwd: dir.path });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    expect(results.map((result) => result.filePath.slice(dir.path.length + 1))).toEqual([
      'l10n/app.po',
      'l10n/metro.xlf',
    ]);
    const where = (index: number) =>
      results[index].messages
        .filter((message) => message.ruleId === 'doubled-punctuation')
        .map((message) => `${message.line}:${message.column}`);
    expect(where(0)).toEqual(['28:33', '29:36', '44:25']);
    expect(where(1)).toEqual(['16:198', '21:100', '29:126']);
    expect(run.code).toBe(1);
  });

  it('stdin with --stdin-filename x.xlf is read as XLIFF', () => {
    const input = readFileSync(join(FIXTURES, 'article-2.0.xlf'), 'utf8');
    const run = runMtlint(['-', '--stdin-filename', 'tea.xlf', '-f', 'github', '--no-config'], {
      input,
      cwd: dir.path,
    });
    expect(run.stdout).toContain('::warning file=tea.xlf,line=17,col=114,endLine=17,endColumn=116');
    expect(run.stdout).toContain('::warning file=tea.xlf,line=24,col=88,endLine=24,endColumn=91');
  });

  it('every reporter points into the opened file', () => {
    const path = copyFixture('app.de-en.po', 'app.po');
    const sarif = JSON.parse(runMtlint([path, '-f', 'sarif', '--no-config']).stdout);
    const regions = sarif.runs[0].results
      .filter((result: { ruleId: string }) => result.ruleId === 'doubled-punctuation')
      .map(
        (result: {
          locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>;
        }) => {
          const region = result.locations[0].physicalLocation.region;
          return `${region.startLine}:${region.startColumn}`;
        },
      );
    expect(regions).toEqual(['28:33', '29:36', '44:25']);
    const stylish = runMtlint(['app.po', '--no-config', '--no-color'], { cwd: dir.path }).stdout;
    expect(stylish).toMatch(/^ +28:33 +warning +Unexpected `\.\.`, expected `\.` +doubled-punctuation$/m);
    const checkstyle = runMtlint(['app.po', '-f', 'checkstyle', '--no-config'], { cwd: dir.path }).stdout;
    expect(checkstyle).toContain('<error line="44" column="25" severity="warning"');
  });

  it('--fix writes the fixes into the XLIFF targets and PO strings, markup and escapes intact', () => {
    const xlf = copyFixture('okapi-1.2.xlf', 'metro.xlf');
    const po = copyFixture('app.de-en.po', 'app.po');
    const before = { xlf: readFileSync(xlf, 'utf8'), po: readFileSync(po, 'utf8') };
    runMtlint(['metro.xlf', 'app.po', '--fix', '--no-config'], { cwd: dir.path });
    const xlfAfter = readFileSync(xlf, 'utf8');
    expect(xlfAfter).toBe(
      before.xlf
        .replace('phase,, four', 'phase, four')
        .replace('<x id="2" ctype="image"/>. .</target>', '<x id="2" ctype="image"/>.</target>')
        .replace('website..</target>', 'website.</target>'),
    );
    expect(readFileSync(po, 'utf8')).toBe(
      before.po
        .replace('exported.."', 'exported."')
        .replace('exported,, see', 'exported, see')
        .replace('C:\\\\Kasse. ."', 'C:\\\\Kasse."'),
    );
    // A second run has nothing left to fix.
    const again = runMtlint(['metro.xlf', 'app.po', '-f', 'json', '--no-config'], { cwd: dir.path });
    const left = JSON.parse(again.stdout).flatMap((result: { messages: Array<{ ruleId: string }> }) =>
      result.messages.map((message) => message.ruleId),
    );
    expect(left).not.toContain('doubled-punctuation');
  });

  it('a file that cannot be read is one line naming file, line, column and problem (exit 2); others are linted', () => {
    file('broken.xlf', '<xliff version="2.0">\n<file>\n  <unit id="1"><segment>\n</file></xliff>\n');
    file('ok.po', 'msgid "Eins"\nmsgstr "One,, two"\n');
    const run = runMtlint(['.', '-f', 'json', '--no-config'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`mtlint: broken.xlf:4:1: not well-formed XML: Missing end tag for element segment`);
    const [result] = JSON.parse(run.stdout);
    expect(result.messages[0]).toMatchObject({ ruleId: 'doubled-punctuation', line: 2, column: 12 });
  });
});

const RU = '# Третья линия метро\n\nСтроительство обойдётся в 1,2 млрд рублей.\n';
const EN = '# The third metro line\n\nConstruction will cost 1.2 billion rubles,, they said.\n';

describe('paired documents on the command line', () => {
  type Json = Array<{
    filePath: string;
    messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
  }>;
  const lintJson = (args: string[]) => {
    const run = runMtlint([...args, '-f', 'json'], { cwd: dir.path });
    return { run, results: (run.stdout ? JSON.parse(run.stdout) : []) as Json };
  };

  it('--source pairs one file with its source; findings point into the translated file', () => {
    file('article.ru.md', RU);
    file('article.en.md', EN);
    const { run, results } = lintJson(['--source', 'article.ru.md', 'article.en.md']);
    expect(run.stderr).toBe('');
    expect(results.map((result) => result.filePath)).toEqual([join(dir.path, 'article.en.md')]);
    expect(results[0].messages).toMatchObject([{ ruleId: 'doubled-punctuation', line: 3, column: 42 }]);
  });

  it('--source with stdin, and the usage errors', () => {
    file('article.ru.md', RU);
    const stdin = runMtlint(['-', '--stdin-filename', 'article.en.md', '--source', 'article.ru.md', '-f', 'json'], {
      cwd: dir.path,
      input: EN,
    });
    expect(JSON.parse(stdin.stdout)[0].messages[0]).toMatchObject({ line: 3, column: 42 });
    file('b.md', EN);
    const two = runMtlint(['--source', 'article.ru.md', 'article.ru.md', 'b.md'], { cwd: dir.path });
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(
      'mtlint: --source pairs one source with one translated file: name exactly one file to lint\n',
    );
    const missing = runMtlint(['--source', 'nope.md', 'b.md'], { cwd: dir.path });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`mtlint: nope.md: no such file (deleted?)\n`);
  });

  it('the config maps a whole tree; sources are not linted on their own; a structure change is one warning', () => {
    file('.mtlintrc.json', '{"sources": {"content/en/**/*.md": "content/ru/{path}"}}');
    file('content/ru/blog/metro.md', RU);
    file('content/en/blog/metro.md', EN);
    file('content/ru/blog/extra.md', '# Экстра\n\nАбзац один.\n\nАбзац два.\n');
    file('content/en/blog/extra.md', '# Extra\n\nOne paragraph. .\n');
    file('content/en/blog/new.md', '# New\n\nNot yet in Russian.\n');
    const { results } = lintJson(['.']);
    const shown = results.map((result) => [
      result.filePath.slice(dir.path.length + 1),
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    ]);
    expect(shown).toEqual([
      ['content/en/blog/extra.md', ['1:1 format-warning', '3:14 doubled-punctuation']],
      ['content/en/blog/metro.md', ['3:42 doubled-punctuation']],
      ['content/en/blog/new.md', ['1:1 format-warning']],
    ]);
    // The warning says where the structure first differs: the source's third block has no counterpart.
    expect(results[0].messages[0].message).toBe(
      'The source has 3 blocks and the translation 2: blocks are not paired, so source-aware rules check nothing in this file. ' +
        `They first differ at block 3: a paragraph at ${join(dir.path, 'content/ru/blog/extra.md')}:5 in the source, ` +
        'none in the translation (its last block is a paragraph at line 3)',
    );
    const printed = JSON.parse(runMtlint(['--print-config', 'content/en/blog/metro.md'], { cwd: dir.path }).stdout);
    expect(printed.sourceFile).toBe(join(dir.path, 'content/ru/blog/metro.md'));
    expect(results[2].messages[0].message).toBe(
      "No source file at content/ru/blog/new.md (from the config's `sources`): linted without a source",
    );
  });

  it('a bad sources mapping is a config error naming the key', () => {
    file('.mtlintrc.json', '{\n  "sources": {"en/**/*.md": "ru/{name}"}\n}\n');
    file('en/a.md', EN);
    const run = runMtlint(['en/a.md'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `mtlint: .mtlintrc.json:2:3: sources.en/**/*.md: unknown placeholder \`{name}\` (known: {path}, {dir}, {file}, {stem})\n`,
    );
  });

  it('--since: a changed source re-lints its translation', () => {
    file('.mtlintrc.json', '{"sources": {"en/*.md": "ru/{file}"}}');
    file('ru/a.md', RU);
    file('en/a.md', EN);
    file('ru/b.md', RU);
    file('en/b.md', EN);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir.path, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'base');
    file('ru/a.md', `${RU}\nНовый абзац.\n`);
    const { results } = lintJson(['.', '--since', 'HEAD']);
    expect(results.map((result) => result.filePath.slice(dir.path.length + 1))).toEqual(['en/a.md']);
  });
});

describe('message catalogs on the command line', () => {
  it('--source de.json en.json, and a config mapping that a folder walk follows', () => {
    copyFixture('locales/de/common.json', 'locales/de/common.json');
    copyFixture('locales/en/common.json', 'locales/en/common.json');
    file('package.json', '{"description": "Not prose,, not linted"}');
    const single = runMtlint(['--source', 'locales/de/common.json', 'locales/en/common.json', '-f', 'json'], {
      cwd: dir.path,
    });
    const where = (messages: Array<{ line: number; column: number; ruleId: string }>) =>
      messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(where(JSON.parse(single.stdout)[0].messages)).toEqual([
      '8:59 doubled-punctuation',
      '9:54 doubled-punctuation',
      '10:15 format-warning',
      '12:47 doubled-punctuation',
    ]);
    file('.mtlintrc.json', '{"sources": {"locales/en/*.json": "locales/de/{file}"}}');
    const walked = runMtlint(['.', '-f', 'json'], { cwd: dir.path });
    const results = JSON.parse(walked.stdout) as Array<{ filePath: string; messages: [] }>;
    expect(results.map((result) => result.filePath.slice(dir.path.length + 1))).toEqual(['locales/en/common.json']);
    expect(where(results[0].messages)).toEqual(where(JSON.parse(single.stdout)[0].messages));
  });
});
