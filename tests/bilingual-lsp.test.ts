/**
 * The language server on bilingual files: an XLIFF or PO file opened in an
 * editor gets diagnostics at the target text, and a translated Markdown file
 * mapped by the config's `sources` is linted against its source on disk.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LspClient, root } from './lsp/client.js';

const work = mkdtempSync(join(tmpdir(), 'mtlint-lsp-bilingual-'));
const clients: LspClient[] = [];
afterAll(async () => {
  for (const client of clients) if (client.process.exitCode === null) client.process.kill();
  rmSync(work, { recursive: true, force: true });
});

function fixture(name: string): string {
  return readFileSync(join(root, 'tests', 'fixtures', 'bilingual', name), 'utf8');
}

async function openAndDiagnose(client: LspClient, path: string, languageId: string, text: string) {
  const uri = pathToFileURL(path).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const { diagnostics } = await client.diagnostics(uri, 1);
  return diagnostics.map(
    (diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code}`,
  );
}

describe('mtlint lsp: bilingual files', () => {
  it('XLIFF (languageId xml) and PO (languageId po) get diagnostics at the target text; paired Markdown uses its source', async () => {
    writeFileSync(join(work, '.mtlintrc.json'), '{"sources": {"en/*.md": "ru/{file}"}}');
    mkdirSync(join(work, 'ru'));
    mkdirSync(join(work, 'en'));
    writeFileSync(join(work, 'ru', 'a.md'), '# Заголовок\n\nПервый абзац.\n\nВторой абзац.\n');
    const client = new LspClient(['lsp'], { cwd: work });
    clients.push(client);
    await client.initialize({ rootUri: pathToFileURL(work).href });
    expect(await openAndDiagnose(client, join(work, 'metro.xlf'), 'xml', fixture('okapi-1.2.xlf'))).toEqual([
      '16:198 doubled-punctuation',
      // The unit's Russian source quotes a company name («Метрострой & партнёры»): the source reached carried-quotes.
      '21:48 carried-quotes',
      '21:100 doubled-punctuation',
      '29:126 doubled-punctuation',
    ]);
    expect(await openAndDiagnose(client, join(work, 'app.po'), 'po', fixture('app.de-en.po'))).toContain(
      '44:25 doubled-punctuation',
    );
    // Two paragraphs in the source, one here: the source was read, and the pairing refused.
    expect(
      await openAndDiagnose(client, join(work, 'en', 'a.md'), 'markdown', '# Title\n\nOne paragraph,, merged.\n'),
    ).toEqual(['1:1 format-warning', '3:14 doubled-punctuation']);
    expect(
      await openAndDiagnose(client, join(work, 'en', 'b.md'), 'markdown', '# Title\n\nNo source,, yet.\n'),
    ).toEqual(['3:10 doubled-punctuation']);
    await client.stop();
  });

  it('lints a translation again when its source changes in the editor or on disk', async () => {
    const folder = join(work, 'paired');
    mkdirSync(join(folder, 'ru'), { recursive: true });
    mkdirSync(join(folder, 'en'), { recursive: true });
    writeFileSync(join(folder, '.mtlintrc.json'), '{"sources": {"en/*.md": "ru/{file}"}}');
    const sourcePath = join(folder, 'ru', 'c.md');
    writeFileSync(sourcePath, '# Заголовок\n\nПервый абзац.\n\nВторой абзац.\n');
    const client = new LspClient(['lsp'], { cwd: folder });
    clients.push(client);
    await client.initialize({ rootUri: pathToFileURL(folder).href });
    const codes = async (uri: string) =>
      (await client.diagnostics(uri, 1)).diagnostics.map((diagnostic) => String(diagnostic.code));
    const translation = pathToFileURL(join(folder, 'en', 'c.md')).href;
    // Two paragraphs in the source on disk, one in the translation: not paired.
    client.notify('textDocument/didOpen', {
      textDocument: { uri: translation, languageId: 'markdown', version: 1, text: '# Title\n\nOne paragraph.\n' },
    });
    expect(await codes(translation)).toEqual(['format-warning']);
    // The source opened with one paragraph: the translation is linted against the editor's text at once.
    const source = pathToFileURL(sourcePath).href;
    client.notify('textDocument/didOpen', {
      textDocument: { uri: source, languageId: 'markdown', version: 1, text: '# Заголовок\n\nОдин абзац.\n' },
    });
    expect(await codes(translation)).toEqual([]);
    // Typing a second paragraph into the source: linted again after the pause.
    client.notify('textDocument/didChange', {
      textDocument: { uri: source, version: 2 },
      contentChanges: [{ text: '# Заголовок\n\nОдин абзац.\n\nДругой.\n' }],
    });
    expect(await codes(translation)).toEqual(['format-warning']);
    // Closed: the file on disk again (two paragraphs); then the file changes on disk to one.
    client.notify('textDocument/didClose', { textDocument: { uri: source } });
    expect(await codes(translation)).toEqual(['format-warning']);
    writeFileSync(sourcePath, '# Заголовок\n\nОдин абзац.\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: source, type: 2 }] });
    expect(await codes(translation)).toEqual([]);
    await client.stop();
  });
});
