/**
 * `mtlint lsp` over stdio, driven by a JSON-RPC client the way an editor
 * would: initialize, didOpen, didChange, codeAction, executeCommand,
 * shutdown/exit, plus configuration, big documents and abuse.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixText } from '../src/engine/fixes.js';
import { lint } from '../src/engine/lint.js';
import {
  applyTextEdits,
  cli,
  type Diagnostic,
  LspClient,
  type Message,
  type PublishParams,
  root,
  type TextEdit,
} from './lsp/client.js';

const work = mkdtempSync(join(tmpdir(), 'mtlint-lsp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clients: LspClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.process.exitCode === null) client.process.kill();
  }
});

async function started(options: { cwd?: string; init?: Record<string, unknown> } = {}): Promise<LspClient> {
  const client = new LspClient(['lsp'], { cwd: options.cwd });
  clients.push(client);
  await client.initialize(options.init);
  return client;
}

function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

function open(client: LspClient, uri: string, text: string, languageId = 'markdown', version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

function change(client: LspClient, uri: string, version: number, text: string): void {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  };
  command?: { command: string; arguments?: unknown[] };
  data?: unknown;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.documentChanges)
    return action.edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return action.edit?.changes?.[uri] ?? [];
}

async function codeActions(
  client: LspClient,
  uri: string,
  diagnostic: Diagnostic | { range: Diagnostic['range'] },
  only?: string[],
): Promise<CodeAction[]> {
  const response = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: 'code' in diagnostic ? [diagnostic] : [], ...(only ? { only } : {}) },
  });
  expect(response.error).toBeUndefined();
  return response.result ?? [];
}

/** The text a diagnostic covers, by its UTF-16 range. */
function covered(text: string, diagnostic: Diagnostic): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = diagnostic.range;
  if (start.line !== end.line) return '';
  return lines[start.line].slice(start.character, end.character);
}

const article = readFileSync(join(root, 'tests', 'fixtures', 'lsp', 'article.md'), 'utf8');

describe('mtlint lsp: lifecycle', () => {
  it('initializes with its capabilities, and exits 0 after shutdown/exit', async () => {
    const client = new LspClient();
    clients.push(client);
    const response = await client.initialize();
    const result = response.result as {
      capabilities: {
        textDocumentSync: object;
        codeActionProvider: { codeActionKinds: string[] };
        executeCommandProvider: { commands: string[] };
      };
      serverInfo: { name: string };
    };
    expect(result.serverInfo.name).toBe('mtlint');
    expect(result.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(result.capabilities.codeActionProvider.codeActionKinds).toEqual(
      expect.arrayContaining(['quickfix', 'source.fixAll.mtlint']),
    );
    expect(result.capabilities.executeCommandProvider.commands).toEqual(['mtlint.fixAll']);
    // The client asked to watch files: the server registers config and ignore file watchers.
    const registration = await client.waitFor((m) => m.method === 'client/registerCapability', 10_000);
    const params = registration.params as {
      registrations: { registerOptions: { watchers: { globPattern: string }[] } }[];
    };
    const watchers = params.registrations[0].registerOptions.watchers.map((w) => w.globPattern);
    expect(watchers).toEqual(expect.arrayContaining(['**/.mtlintrc.{json,yaml,yml}', '**/.mtlintignore']));
    const shutdown = await client.request('shutdown');
    expect(shutdown.error).toBeUndefined();
    client.notify('exit');
    expect(await client.exited).toBe(0);
  });

  it('exits when its input closes without shutdown (no orphan servers)', async () => {
    const client = await started();
    client.process.stdin.end();
    expect(await client.exited).toBe(1);
  });

  it('mtlint lsp --help explains itself; unknown transports are refused', () => {
    const help = spawnSync(process.execPath, [cli, 'lsp', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Language');
    const socket = spawnSync(process.execPath, [cli, 'lsp', '--socket=4000'], { encoding: 'utf8' });
    expect(socket.status).toBe(2);
    expect(socket.stderr).toContain('--socket=4000');
  });

  it('the plain command line does not load the LSP libraries (lazy import)', () => {
    const source = readFileSync(join(root, 'src', 'cli', 'run.ts'), 'utf8');
    expect(source).not.toMatch(/^import[^;]*(lsp|vscode-languageserver)/m);
    expect(source).toContain("await import('../lsp/server.js')");
    expect(spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('mtlint lsp: diagnostics', () => {
  it('publishes one diagnostic per finding with UTF-16 ranges, severity, code, docs link and source', async () => {
    const client = await started();
    const path = join(work, 'article.md');
    const uri = uriOf(path);
    open(client, uri, article);
    const published = await client.diagnostics(uri);
    expect(published.version).toBe(1);
    const expected = lint(article, { filePath: path, format: 'md' }).findings;
    expect(published.diagnostics).toHaveLength(expected.length);
    const seen = published.diagnostics.map((d) => [d.code, covered(article, d)]);
    expect(seen).toEqual(expected.map((f) => [f.ruleId, article.slice(f.offset, f.endOffset)]));
    expect(seen).toEqual(
      expect.arrayContaining([
        ['space-before-punctuation', ' '],
        ['currency-spacing', '$ 500'],
      ]),
    );
    for (const diagnostic of published.diagnostics) {
      expect(diagnostic.source).toBe('mtlint');
      expect(diagnostic.severity).toBe(2); // warning, as in mtlint:recommended
      expect(diagnostic.codeDescription?.href).toBe(
        `https://github.com/mtlint/mtlint/blob/main/README.md#${diagnostic.code}`,
      );
    }
  });

  it('counts characters beyond the BMP as two UTF-16 units, and skips a byte order mark', async () => {
    const client = await started();
    const uri = uriOf(join(work, 'emoji.txt'));
    const text = '\uFEFFFlags 🇧🇾 and 🇷🇺 flew , then $ 5 left.\n';
    open(client, uri, text, 'plaintext');
    const { diagnostics } = await client.diagnostics(uri);
    expect(diagnostics.map((d) => covered(text, d))).toEqual([' ', '$ 5']);
    // Four regional indicators (two UTF-16 units each) and the BOM precede the first finding.
    expect(diagnostics[0].range.start).toEqual({ line: 0, character: text.indexOf(' ,') });
  });

  it('lints by language id (plaintext, markdown, html), else by extension; other documents get none', async () => {
    const client = await started();
    const html = uriOf(join(work, 'page.html'));
    open(client, html, '<p>She left , then</p>\n<pre>kept , as is</pre>\n', 'html');
    expect((await client.diagnostics(html)).diagnostics.map((d) => d.code)).toEqual(['space-before-punctuation']);
    const byExtension = uriOf(join(work, 'notes.md'));
    open(client, byExtension, 'She left , then `code , x`\n', 'some-unknown-id');
    expect((await client.diagnostics(byExtension)).diagnostics).toHaveLength(1);
    const python = uriOf(join(work, 'script.py'));
    open(client, python, 'x = "She left , then"\n', 'python');
    expect((await client.diagnostics(python)).diagnostics).toEqual([]);
    const untitled = 'untitled:Untitled-1';
    open(client, untitled, 'She left , then\n', 'plaintext');
    expect((await client.diagnostics(untitled)).diagnostics).toHaveLength(1);
  });

  it('debounces changes, publishes only the latest version, and clears on close', async () => {
    const client = await started();
    const uri = uriOf(join(work, 'typing.md'));
    open(client, uri, 'Fine text.\n');
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const versions: number[] = [];
    const seen = (m: Message) => {
      if (m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).uri === uri) {
        versions.push((m.params as PublishParams).version ?? -1);
      }
      return false;
    };
    void client.waitFor(seen, 5_000).catch(() => undefined);
    const last = 'She left , then $ 5, the end the end.\n';
    for (let version = 2; version <= 8; version++)
      change(client, uri, version, version === 8 ? last : `She left , ${version}\n`);
    const final = await client.diagnostics(uri, 8);
    expect(final.diagnostics.map((d) => d.code)).toEqual([
      'space-before-punctuation',
      'currency-spacing',
      'repeated-phrase',
    ]);
    expect(versions).toEqual([8]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
  });

  it('incremental changes are applied to the right place', async () => {
    const client = await started();
    const uri = uriOf(join(work, 'incremental.txt'));
    open(client, uri, 'First line.\nShe left , then\n', 'plaintext');
    expect((await client.diagnostics(uri, 1)).diagnostics).toHaveLength(1);
    // Remove the stray space before the comma (line 1, characters 8–9).
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' }],
    });
    expect((await client.diagnostics(uri, 2)).diagnostics).toEqual([]);
  });

  it('publishes thousands of findings for a big document', async () => {
    const client = await started();
    const uri = uriOf(join(work, 'big.md'));
    const text = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} ended , then it went on.`).join('\n\n');
    open(client, uri, text);
    const { diagnostics } = await client.diagnostics(uri, 1, 60_000);
    expect(diagnostics).toHaveLength(3000);
    expect(covered(text, diagnostics[2999])).toBe(' ');
  });
});

describe('mtlint lsp: code actions', () => {
  it('offers a quick fix per fixable finding, and disable comments that silence it (Markdown)', async () => {
    const client = await started();
    const path = join(work, 'actions.md');
    const uri = uriOf(path);
    open(client, uri, article);
    const { diagnostics } = await client.diagnostics(uri);
    const spaced = diagnostics.find((d) => d.code === 'space-before-punctuation')!;
    const actions = await codeActions(client, uri, spaced);
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual([
      'Remove the space (space-before-punctuation)',
      'Disable space-before-punctuation for this line',
      'Disable space-before-punctuation for this file',
      'Fix all mtlint problems in this file',
    ]);
    const quickFix = actions[0];
    expect(quickFix.kind).toBe('quickfix');
    expect(quickFix.isPreferred).toBe(true);
    expect(quickFix.diagnostics?.[0].code).toBe('space-before-punctuation');
    const fixed = applyTextEdits(article, editsOf(quickFix, uri));
    expect(fixed).toBe(article.replace('girlfriend .', 'girlfriend.'));

    let version = 1;
    for (const action of actions.slice(1, 3)) {
      const text = applyTextEdits(article, editsOf(action, uri));
      expect(text).toContain('<!-- mtlint-disable');
      change(client, uri, ++version, text);
      const after = await client.diagnostics(uri, version);
      expect(after.diagnostics.map((d) => d.code)).toEqual(
        diagnostics.map((d) => d.code).filter((code) => code !== 'space-before-punctuation'),
      );
      // The rest of the document is untouched.
      expect(text.replace(/<!-- mtlint-disable[^>]*-->\n?/, '')).toBe(article);
    }
  });

  it('disables for a line without splitting a list item or a paragraph', async () => {
    const client = await started();
    const uri = uriOf(join(work, 'list.md'));
    const text =
      '# Notes\n\n- First item is fine.\n- Said that the raids the raids went on.\n\nA paragraph\nthat ends , here.\n';
    open(client, uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const edits: TextEdit[] = [];
    for (const code of ['repeated-phrase', 'space-before-punctuation']) {
      const actions = await codeActions(client, uri, diagnostics.find((d) => d.code === code)!);
      edits.push(...editsOf(actions.find((a) => a.title === `Disable ${code} for this line`)!, uri));
    }
    const edited = applyTextEdits(text, edits);
    expect(edited).toBe(
      '# Notes\n\n- First item is fine.\n- Said that the raids the raids went on. <!-- mtlint-disable-line repeated-phrase -->\n\n' +
        'A paragraph\nthat ends , here. <!-- mtlint-disable-line space-before-punctuation -->\n',
    );
    change(client, uri, 2, edited);
    expect((await client.diagnostics(uri, 2)).diagnostics).toEqual([]);
  });

  it('HTML gets the same disable comments; plain text gets none', async () => {
    const client = await started();
    const html = uriOf(join(work, 'doc.html'));
    const page = '<!DOCTYPE html>\n<html><body>\n<p>She left , then</p>\n</body></html>\n';
    open(client, html, page, 'html');
    const [diagnostic] = (await client.diagnostics(html)).diagnostics;
    const actions = await codeActions(client, html, diagnostic);
    const forFile = actions.find((a) => a.title === 'Disable space-before-punctuation for this file')!;
    const disabled = applyTextEdits(page, editsOf(forFile, html));
    expect(disabled.startsWith('<!DOCTYPE html>\n<!-- mtlint-disable space-before-punctuation -->\n')).toBe(true);
    change(client, html, 2, disabled);
    expect((await client.diagnostics(html, 2)).diagnostics).toEqual([]);
    const forLine = actions.find((a) => a.title === 'Disable space-before-punctuation for this line')!;
    const lineDisabled = applyTextEdits(page, editsOf(forLine, html));
    expect(lineDisabled).toContain(
      '<!-- mtlint-disable-next-line space-before-punctuation -->\n<p>She left , then</p>',
    );
    change(client, html, 3, lineDisabled);
    expect((await client.diagnostics(html, 3)).diagnostics).toEqual([]);

    const txt = uriOf(join(work, 'plain.txt'));
    open(client, txt, 'She left , then\n', 'plaintext');
    const [plain] = (await client.diagnostics(txt)).diagnostics;
    const titles = (await codeActions(client, txt, plain)).map((a) => a.title);
    expect(titles).toEqual(['Remove the space (space-before-punctuation)', 'Fix all mtlint problems in this file']);
  });

  it('source.fixAll.mtlint returns one edit equal to `mtlint --fix`', async () => {
    const client = await started();
    const path = join(work, 'fixall.md');
    const uri = uriOf(path);
    open(client, uri, article);
    await client.diagnostics(uri);
    const actions = await codeActions(
      client,
      uri,
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      ['source.fixAll'],
    );
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.mtlint']);
    const edits = editsOf(actions[0], uri);
    expect(edits).toHaveLength(1);
    expect(applyTextEdits(article, edits)).toBe(fixText(article, { filePath: path, format: 'md' }).output);
    // Asking for quick fixes only does not compute it.
    expect(
      await codeActions(client, uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, [
        'quickfix',
      ]),
    ).toEqual([]);
  });

  it('executeCommand mtlint.fixAll asks the client to apply the fixes', async () => {
    const client = await started();
    const path = join(work, 'command.md');
    const uri = uriOf(path);
    open(client, uri, article);
    await client.diagnostics(uri);
    let applied: { edit: CodeAction['edit'] } | undefined;
    client.handlers.set('workspace/applyEdit', (params) => {
      applied = params as { edit: CodeAction['edit'] };
      return { applied: true };
    });
    const response = await client.request('workspace/executeCommand', {
      command: 'mtlint.fixAll',
      arguments: [{ uri }],
    });
    expect(response.error).toBeUndefined();
    expect(response.result).toEqual({ applied: true });
    expect(applied).toBeDefined();
    const edits = editsOf({ title: '', edit: applied?.edit }, uri);
    expect(applyTextEdits(article, edits)).toBe(fixText(article, { filePath: path, format: 'md' }).output);
    const unknown = await client.request('workspace/executeCommand', { command: 'mtlint.nothing' });
    expect(unknown.error?.message).toContain('unknown command');
  });
});

describe('mtlint lsp: configuration', () => {
  it('uses the nearest config and .mtlintignore of the workspace folder, and reloads on change', async () => {
    const project = join(work, 'project');
    mkdirSync(join(project, 'news'), { recursive: true });
    mkdirSync(join(project, 'drafts'), { recursive: true });
    writeFileSync(join(project, 'news', '.mtlintrc.json'), JSON.stringify({ rules: { 'repeated-phrase': 'off' } }));
    writeFileSync(join(project, '.mtlintignore'), 'drafts/\n');
    const client = await started({ init: { workspaceFolders: [{ uri: uriOf(project), name: 'project' }] } });
    const text = 'She left , then the end the end.\n';
    const top = uriOf(join(project, 'top.md'));
    const news = uriOf(join(project, 'news', 'story.md'));
    const draft = uriOf(join(project, 'drafts', 'draft.md'));
    open(client, top, text);
    open(client, news, text);
    open(client, draft, text);
    expect((await client.diagnostics(top)).diagnostics.map((d) => d.code)).toEqual([
      'space-before-punctuation',
      'repeated-phrase',
    ]);
    // The CLI agrees.
    const cliRun = spawnSync(process.execPath, [cli, '--format', 'json', 'news/'], { cwd: project, encoding: 'utf8' });
    expect(cliRun.stdout).toContain('[]');
    const news1 = await client.diagnostics(news);
    expect(news1.diagnostics.map((d) => d.code)).toEqual(['space-before-punctuation']);
    expect((await client.diagnostics(draft)).diagnostics).toEqual([]);

    // A broken config: one clear diagnostic and one message, never a crash.
    writeFileSync(join(project, 'news', '.mtlintrc.json'), '{ "rules": { "no-such-rule": "warn" } }');
    client.forget();
    const message = client.waitFor((m) => m.method === 'window/showMessage', 10_000);
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(join(project, 'news', '.mtlintrc.json')), type: 2 }],
    });
    const broken = await client.diagnostics(news);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0].code).toBe('config-error');
    expect(broken.diagnostics[0].severity).toBe(1);
    expect(broken.diagnostics[0].message).toContain('no-such-rule');
    expect(broken.diagnostics[0].relatedInformation?.[0].location.uri).toBe(
      uriOf(join(project, 'news', '.mtlintrc.json')),
    );
    expect(((await message).params as { message: string }).message).toContain('.mtlintrc.json');
    // Editing that document again does not repeat the message.
    change(client, news, 2, text);
    await client.diagnostics(news, 2);
    expect(client.received.filter((m) => m.method === 'window/showMessage')).toHaveLength(1);

    // Fixed, and the ignore file changed: both are picked up.
    writeFileSync(
      join(project, 'news', '.mtlintrc.json'),
      JSON.stringify({ rules: { 'space-before-punctuation': 'error' } }),
    );
    writeFileSync(join(project, '.mtlintignore'), '');
    client.forget();
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(join(project, 'news', '.mtlintrc.json')), type: 2 },
        { uri: uriOf(join(project, '.mtlintignore')), type: 2 },
      ],
    });
    const repaired = await client.diagnostics(news);
    expect(repaired.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['space-before-punctuation', 1],
      ['repeated-phrase', 2],
    ]);
    expect((await client.diagnostics(draft)).diagnostics).toHaveLength(2);
  });

  it('gives related information where a rule has another place (number-consistency)', async () => {
    const project = join(work, 'related');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, '.mtlintrc.json'), JSON.stringify({ rules: { 'number-consistency': 'warn' } }));
    const client = await started({ init: { workspaceFolders: [{ uri: uriOf(project), name: 'related' }] } });
    const uri = uriOf(join(project, 'story.md'));
    const text =
      'Lukashenko’s regime has sent more than 1,500 Kurdish and Iraqi migrants to Lithuania.\n\n' +
      'Lithuania says the 1,200 migrants are a weapon.\n';
    open(client, uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const found = diagnostics.find((d) => d.code === 'number-consistency');
    expect(found).toBeDefined();
    expect(covered(text, found as Diagnostic)).toBe('1,200');
    const [related] = found?.relatedInformation ?? [];
    expect(related.location.uri).toBe(uri);
    expect(related.message).toContain('1,500');
    const { start, end } = related.location.range;
    expect(start.line).toBe(0);
    expect(text.split('\n')[0].slice(start.character, end.character)).toMatch(/^1,500/);
  });

  it('supports several workspace folders and folder changes', async () => {
    const a = join(work, 'folder-a');
    const b = join(work, 'folder-b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(
      join(a, '.mtlintrc.json'),
      JSON.stringify({ root: true, rules: { 'space-before-punctuation': 'off' } }),
    );
    writeFileSync(join(b, '.mtlintignore'), '*.md\n');
    const client = await started({
      init: {
        capabilities: { workspace: { workspaceFolders: true } },
        workspaceFolders: [
          { uri: uriOf(a), name: 'a' },
          { uri: uriOf(b), name: 'b' },
        ],
      },
    });
    const text = 'She left , then the end the end.\n';
    open(client, uriOf(join(a, 'x.md')), text);
    expect((await client.diagnostics(uriOf(join(a, 'x.md')))).diagnostics.map((d) => d.code)).toEqual([
      'repeated-phrase',
    ]);
    open(client, uriOf(join(b, 'y.md')), text);
    expect((await client.diagnostics(uriOf(join(b, 'y.md')))).diagnostics).toEqual([]);
    // Folder b removed: its ignore file no longer applies.
    client.forget();
    client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uriOf(b), name: 'b' }] },
    });
    expect((await client.diagnostics(uriOf(join(b, 'y.md')))).diagnostics).toHaveLength(2);
  });
});

describe('mtlint lsp: robustness', () => {
  it('survives malformed and unknown messages, edits to closed documents and deleted files', async () => {
    const folder = join(work, 'doomed');
    mkdirSync(folder, { recursive: true });
    const client = await started();
    // Not JSON at all.
    client.writeRaw('{ this is not json');
    // Unknown request: an error answer, not silence.
    const unknown = await client.request('mtlint/noSuchMethod', {});
    expect(unknown.error?.code).toBe(-32601);
    client.notify('mtlint/noSuchNotification', {});
    // Wrong parameters.
    // The handler fails on them, logs it and answers no actions.
    const bad = await client.request('textDocument/codeAction', { textDocument: null });
    expect(bad.error).toBeUndefined();
    expect(bad.result).toEqual([]);
    const bad2 = await client.request('workspace/executeCommand', { command: 'mtlint.fixAll', arguments: [42] });
    expect(bad2.error).toBeDefined();
    // Edits and closes of documents never opened.
    change(client, 'file:///nowhere/never-opened.md', 5, 'She left , then');
    client.notify('textDocument/didClose', { textDocument: { uri: 'file:///nowhere/other.md' } });
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x.md' } });
    // A document whose file and folder are deleted while open.
    const uri = uriOf(join(folder, 'gone.md'));
    writeFileSync(join(folder, 'gone.md'), 'She left , then\n');
    open(client, uri, 'She left , then\n');
    expect((await client.diagnostics(uri, 1)).diagnostics).toHaveLength(1);
    rmSync(folder, { recursive: true, force: true });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    change(client, uri, 2, 'She left , then $ 5 again.\n');
    expect((await client.diagnostics(uri, 2)).diagnostics).toHaveLength(2);
    // Still alive and answering.
    expect(client.process.exitCode).toBeNull();
    const actions = await codeActions(client, uri, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } },
    });
    expect(actions.length).toBeGreaterThan(0);
    expect(client.logs().some((line) => /failed|error/i.test(line))).toBe(true);
    expect(await client.stop()).toBe(0);
  });
});
