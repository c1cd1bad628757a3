/**
 * The VS Code extension without VS Code (tests/vscode-real.test.ts runs it in code-server; this one needs none):
 * `npm run build:vscode` packages the .vsix; the packaged `extension.js` is
 * activated on a stand-in for the `vscode` module (`tests/vscode/`) with the
 * real bundled language server, and separately the server is driven over the
 * protocol as the extension's client drives it. The diagnostics must be the
 * command line's, a quick fix, the fix-all command and fix-on-save must give
 * the command line's fixes. What the stand-in cannot show (VS Code's own
 * rendering, its real event order, the Problems panel) is tested there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVATION_EVENTS,
  DOCUMENT_SELECTOR,
  FIX_ALL_KIND,
  fixAllEdits,
  fixesOnSave,
  initializationOptions,
  isLintedDocument,
  SAVE_REASON,
  SERVER_MODULE,
  settingsFrom,
  statusText,
} from '../editors/vscode/src/settings.js';
import { applyFixes } from '../src/engine/fixes.js';
import { CLI, ROOT, runMtlint } from './helpers/cli.js';
import { LspClient, type PublishParams } from './lsp/client.js';

const EXTENSION = join(ROOT, 'editors', 'vscode');
// The sample article and a line only the strict preset flags (a Cyrillic `М` in `Minsk`, a lower-case start).
const SAMPLE = `${readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8')}\nthe talks in \u041cinsk ended.\n`;
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
const VSIX = join(ROOT, 'dist-vscode', `mtlint-${manifest.version}.vsix`);

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** LSP edits applied to a text (they never overlap; applied from the end). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

let work: string;

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-vscode.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-vscode failed:\n${built.stdout}${built.stderr}`);
  if (!existsSync(CLI)) throw new Error('the built CLI is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'mtlint-vscode-'));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the .vsix', () => {
  it('holds the manifest, the extension and the bundled server with its worker, and no node_modules', () => {
    const listing = spawnSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    const files = listing.stdout.split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/dist/extension.js',
        `extension/${SERVER_MODULE}`,
        'extension/dist/server/worker.js',
        'extension/dist/server/package.json',
        'extension/readme.md',
      ]),
    );
    expect(files.some((file) => file.includes('node_modules') || file.includes('/src/'))).toBe(false);
    const packaged = spawnSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' });
    const contributes = JSON.parse(packaged.stdout).contributes;
    expect(Object.keys(contributes.configuration.properties)).toEqual(
      expect.arrayContaining(['mtlint.preset', 'mtlint.debounce', 'mtlint.fixAllOnSave']),
    );
    expect(JSON.parse(packaged.stdout).activationEvents).toEqual(ACTIVATION_EVENTS);
  });
});

describe('the packaged extension, activated on a stand-in for the vscode module', () => {
  it('shows the server’s diagnostics and count, applies a quick fix, fixes all by command and on save', () => {
    const folder = join(work, 'activated');
    mkdirSync(folder, { recursive: true });
    const article = join(folder, 'article.txt');
    const text = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8');
    writeFileSync(article, text);
    // Bilingual files, opened as VS Code opens them (XLIFF as `xml`, PO as `plaintext`), and an XML file that
    // is no XLIFF: its text has an artefact, but it is not the extension's to lint.
    const xliff = join(folder, 'metro.xlf');
    writeFileSync(xliff, readFileSync(join(ROOT, 'tests', 'fixtures', 'bilingual', 'okapi-1.2.xlf'), 'utf8'));
    const po = join(folder, 'app.po');
    writeFileSync(po, readFileSync(join(ROOT, 'tests', 'fixtures', 'bilingual', 'app.de-en.po'), 'utf8'));
    const xml = join(folder, 'layout.xml');
    writeFileSync(xml, '<?xml version="1.0"?>\n<page><p>The talks ended. . Nobody was surprised.</p></page>\n');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'tests', 'vscode', 'activate.cjs'), EXTENSION, article, folder, xliff, po, `unlinted:${xml}`],
      {
        encoding: 'utf8',
        timeout: 170_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const strict = join(work, 'strict-activated.json');
    writeFileSync(strict, '{ "extends": "mtlint:strict" }');
    const fixOutput = (input: string) => {
      writeFileSync(join(work, 'fix-input.txt'), input);
      return JSON.parse(
        runMtlint(['--fix-dry-run', '--format', 'json', '--config', strict, join(work, 'fix-input.txt')]).stdout,
      )[0].output as string;
    };
    const cliOf = (file: string) =>
      JSON.parse(runMtlint(['--format', 'json', '--config', strict, file]).stdout)[0].messages as Array<{
        ruleId: string;
        message: string;
        line: number;
        column: number;
        severity: 1 | 2;
        fix?: { range: [number, number]; text: string };
      }>;
    /** The command line's findings as the extension's stand-in records VS Code diagnostics. */
    const asDiagnostics = (file: string) =>
      cliOf(file).map((m) => ({
        code: m.ruleId,
        href: `https://github.com/mtlint/mtlint/blob/main/README.md#${m.ruleId}`,
        source: 'mtlint',
        message: m.message,
        line: m.line - 1,
        character: m.column - 1,
        // VS Code's DiagnosticSeverity: 0 error, 1 warning.
        severity: m.severity === 2 ? 0 : 1,
      }));
    const cli = cliOf(article);
    expect(result.diagnostics).toEqual(asDiagnostics(article));
    expect(result.status).toEqual({
      text: `$(warning) mtlint: ${cli.length}`,
      tooltip: `mtlint: ${cli.length} problems in this file (click for the Problems panel)`,
      visible: true,
      command: 'workbench.actions.view.problems',
    });
    expect(result.quickFixTitle).toBe('Replace `. .` with `.` (doubled-punctuation)');
    const doubled = cli.find((m) => m.ruleId === 'doubled-punctuation' && m.fix);
    expect(result.afterQuickFix).toBe(applyFixes(text, [doubled!]).output);
    expect(result.commandChangedText).toBe(true);
    expect(result.afterCommand).toBe(fixOutput(text));
    expect(result.statusAfterTyping.text).toBe(`$(warning) mtlint: ${result.statusAfterTyping.count}`);
    expect(result.beforeSave).toContain('ended. . Nobody');
    // Auto-save (after a delay, on focus out) asked nothing of the server and changed nothing.
    expect(result.autoSaveRequests).toBe(0);
    expect(result.autoSaveEdits).toBe(0);
    expect(result.afterSave).toBe(fixOutput(result.beforeSave));
    expect(result.afterSave).toContain('ended. Nobody');

    // The XLIFF and PO files got the command line's diagnostics, and their count in the status bar.
    for (const [file, languageId] of [
      [xliff, 'xml'],
      [po, 'plaintext'],
    ]) {
      const shown = result.others[file];
      const expected = asDiagnostics(file);
      expect(expected.length, file).toBeGreaterThan(0);
      expect(shown.languageId).toBe(languageId);
      expect(shown.diagnostics).toEqual(expected);
      expect(shown.status).toEqual({ text: `$(warning) mtlint: ${expected.length}`, visible: true });
    }
    expect(result.others[xliff].diagnostics.map((d: { code: string }) => d.code)).toContain('carried-quotes');
    // The XML file was never sent to the server, and the status bar hides for it.
    expect(result.others[xml]).toEqual({
      published: false,
      languageId: 'xml',
      diagnostics: [],
      status: expect.objectContaining({ visible: false }),
    });
  }, 180_000);
});

describe('which documents the extension takes', () => {
  const kind = (languageId: string, fileName: string, scheme = 'file') => ({ languageId, fileName, scheme });

  it('takes its languages on disk and unsaved, and XLIFF and PO files on disk whatever their language id', () => {
    expect(isLintedDocument(kind('markdown', '/a/notes.md'))).toBe(true);
    expect(isLintedDocument(kind('plaintext', 'Untitled-1', 'untitled'))).toBe(true);
    expect(isLintedDocument(kind('xml', '/a/metro.xlf'))).toBe(true);
    expect(isLintedDocument(kind('xml', '/a/METRO.XLIFF'))).toBe(true);
    expect(isLintedDocument(kind('plaintext', '/a/app.po'))).toBe(true);
    expect(isLintedDocument(kind('po', 'C:\\l10n\\app.pot'))).toBe(true);
    // Not ours: other XML, an XLIFF file seen through git, a language without a file to go by.
    expect(isLintedDocument(kind('xml', '/a/layout.xml'))).toBe(false);
    expect(isLintedDocument(kind('xml', '/a/metro.xlf', 'git'))).toBe(false);
    expect(isLintedDocument(kind('markdown', '/a/notes.md', 'git'))).toBe(false);
    expect(isLintedDocument(kind('xml', 'Untitled-1', 'untitled'))).toBe(false);
    expect(isLintedDocument(kind('typescript', '/a/po.ts'))).toBe(false);
  });

  it('selects the XLIFF and PO files by the same extensions the manifest activates on', () => {
    const patterns = DOCUMENT_SELECTOR.filter((filter) => filter.pattern).map((filter) => filter.pattern);
    expect(patterns).toEqual(['**/*.{xlf,xliff,po,pot}']);
    expect(ACTIVATION_EVENTS).toContain(`workspaceContains:${patterns[0]}`);
    expect(ACTIVATION_EVENTS).toEqual(expect.arrayContaining(['onLanguage:xml', 'onLanguage:markdown']));
    expect(JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')).activationEvents).toEqual(
      ACTIVATION_EVENTS,
    );
  });

  it('fixes on save only a save by hand, with the setting on, of a document it lints', () => {
    const on = { fixAllOnSave: true };
    const article = kind('plaintext', '/a/article.txt');
    expect(fixesOnSave(article, on, SAVE_REASON.Manual)).toBe(true);
    expect(fixesOnSave(kind('xml', '/a/metro.xlf'), on, SAVE_REASON.Manual)).toBe(true);
    expect(fixesOnSave(article, on, SAVE_REASON.AfterDelay)).toBe(false);
    expect(fixesOnSave(article, on, SAVE_REASON.FocusOut)).toBe(false);
    expect(fixesOnSave(article, { fixAllOnSave: false }, SAVE_REASON.Manual)).toBe(false);
    expect(fixesOnSave(kind('xml', '/a/layout.xml'), on, SAVE_REASON.Manual)).toBe(false);
  });
});

describe('settings', () => {
  it('reads valid settings and falls back to the defaults on wrong ones', () => {
    const values: Record<string, unknown> = { preset: 'mtlint:strict', debounce: 300, fixAllOnSave: true };
    expect(settingsFrom((key) => values[key])).toEqual({ preset: 'mtlint:strict', debounce: 300, fixAllOnSave: true });
    const wrong: Record<string, unknown> = { preset: 'strict', debounce: -5, fixAllOnSave: 'yes' };
    expect(settingsFrom((key) => wrong[key])).toEqual({
      preset: 'mtlint:recommended',
      debounce: 150,
      fixAllOnSave: false,
    });
    expect(statusText(3).text).toBe('$(warning) mtlint: 3');
    expect(statusText(1).tooltip).toContain('1 problem in this file');
    expect(statusText(0).text).toBe('$(check) mtlint');
  });
});

describe('the bundled server, started as the extension starts it', () => {
  let client: LspClient;
  const file = () => join(work, 'article.txt');
  const uri = () => pathToFileURL(file()).href;

  beforeAll(async () => {
    writeFileSync(file(), SAMPLE);
    const settings = settingsFrom((key) => ({ preset: 'mtlint:strict', debounce: 50 })[key]);
    client = new LspClient(['--stdio'], { module: join(EXTENSION, SERVER_MODULE), cwd: work });
    await client.initialize({
      rootUri: pathToFileURL(work).href,
      workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'articles' }],
      initializationOptions: initializationOptions(settings),
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
  }, 60_000);

  afterAll(async () => {
    expect(await client?.stop()).toBe(0);
  });

  it('publishes the command line’s findings for the preset set in the settings', async () => {
    client.notify('textDocument/didOpen', {
      textDocument: { uri: uri(), languageId: 'plaintext', version: 1, text: SAMPLE },
    });
    const published: PublishParams = await client.diagnostics(uri(), undefined, 60_000);
    const strict = join(work, 'strict.json');
    writeFileSync(strict, '{ "extends": "mtlint:strict" }');
    const cli = JSON.parse(runMtlint(['--format', 'json', '--config', strict, file()]).stdout)[0].messages as Array<{
      ruleId: string;
      message: string;
      line: number;
      column: number;
    }>;
    expect(cli.length).toBeGreaterThan(0);
    expect(
      published.diagnostics.map((d) => ({
        code: d.code,
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
    ).toEqual(cli.map((m) => ({ code: m.ruleId, message: m.message, line: m.line, column: m.column })));
    expect(published.diagnostics.every((d) => d.source === 'mtlint')).toBe(true);
    // The strict preset from the settings reached the server: its rules fire.
    expect(published.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['mixed-script', 'sentence-case']));
    // The server linted in its worker thread, bundled next to it.
    expect(client.logs().filter((line) => /worker/i.test(line))).toEqual([]);
    expect(statusText(published.diagnostics.length).text).toBe(`$(warning) mtlint: ${cli.length}`);
  }, 60_000);

  it('offers a quick fix that corrects the doubled full stop', async () => {
    const lines = SAMPLE.split('\n');
    const line = lines.findIndex((text) => text.includes('. .'));
    const character = lines[line].indexOf('. .');
    const range = { start: { line, character }, end: { line, character: character + 3 } };
    const answer = await client.request<Array<{ title: string; kind?: string; edit?: unknown; data?: unknown }>>(
      'textDocument/codeAction',
      { textDocument: { uri: uri() }, range, context: { diagnostics: [], only: ['quickfix'] } },
    );
    const actions = answer.result ?? [];
    let action = actions.find((entry) => entry.kind === 'quickfix' && /\. \./.test(entry.title));
    expect(action, JSON.stringify(actions)).toBeDefined();
    if (!action?.edit) action = (await client.request('codeAction/resolve', action)).result as typeof action;
    const edit = action?.edit as { documentChanges: Array<{ edits: TextEdit[] }> };
    const fixed = applyEdits(SAMPLE, edit.documentChanges[0].edits);
    expect(fixed.split('\n')[line]).not.toContain('. .');
    expect(fixed.length).toBe(SAMPLE.length - 2);
  }, 60_000);

  it('gives fix-on-save the edits of the command line’s --fix', async () => {
    const send = async (method: string, params: unknown) => (await client.request(method, params)).result;
    const edits = (await fixAllEdits(send, uri(), SAMPLE.split('\n').length)) as TextEdit[];
    expect(edits.length).toBeGreaterThan(0);
    const strict = join(work, 'strict.json');
    const dry = JSON.parse(runMtlint(['--fix-dry-run', '--format', 'json', '--config', strict, file()]).stdout)[0];
    expect(applyEdits(SAMPLE, edits)).toBe(dry.output);
    expect(FIX_ALL_KIND).toBe('source.fixAll.mtlint');
  }, 60_000);

  it('lets a project’s config file win over the preset setting', async () => {
    const folder = mkdtempSync(join(work, 'project-'));
    writeFileSync(join(folder, '.mtlintrc.json'), '{ "rules": { "dropped-quotes": "off" } }');
    const path = join(folder, 'article.txt');
    writeFileSync(path, SAMPLE);
    const projectUri = pathToFileURL(path).href;
    client.notify('textDocument/didOpen', {
      textDocument: { uri: projectUri, languageId: 'plaintext', version: 1, text: SAMPLE },
    });
    const published = await client.diagnostics(projectUri, undefined, 60_000);
    const codes = new Set(published.diagnostics.map((d) => d.code));
    expect(codes.has('dropped-quotes')).toBe(false);
    const cli = JSON.parse(runMtlint(['--format', 'json', path], { cwd: folder }).stdout)[0].messages as unknown[];
    expect(published.diagnostics).toHaveLength(cli.length);
  }, 60_000);
});
