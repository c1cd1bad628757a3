// Activates the packaged extension (dist/extension.js, as VS Code would load it) on the `vscode`
// stand-in, with the real bundled language server, and prints what an editor would have shown as JSON.
// Usage: node activate.cjs <extension folder> <article.txt> <workspace folder> [other files to open…]
// The other files are opened after the article with the language id VS Code gives them (XLIFF as `xml`,
// PO as `plaintext`: it has no language for either). One written `unlinted:<path>` is one the extension
// should leave alone: it is given two seconds after the others had their diagnostics.
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return join(__dirname, 'vscode-shim.cjs');
  return resolve.call(this, request, ...rest);
};
const vscode = require('vscode');
const [extensionFolder, articlePath, folder, ...otherPaths] = process.argv.slice(2);
const LANGUAGE_OF_EXTENSION = { xlf: 'xml', xliff: 'xml', xml: 'xml', po: 'plaintext', pot: 'plaintext' };

const wait = async (what, condition, timeout = 60_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for ${what}; output:\n${vscode.output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const collectionsHave = (uri) => vscode.collections.some((collection) => collection.has(uri));
const diagnosticsOf = (document) =>
  vscode.languages.getDiagnostics(document.uri).map((d) => ({
    code: typeof d.code === 'object' ? d.code.value : d.code,
    href: typeof d.code === 'object' ? String(d.code.target) : undefined,
    source: d.source,
    message: d.message,
    line: d.range.start.line,
    character: d.range.start.character,
    severity: d.severity,
  }));

async function main() {
  Object.assign(vscode.settings, {
    'mtlint.preset': 'mtlint:strict',
    'mtlint.debounce': 20,
    'mtlint.fixAllOnSave': true,
  });
  vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(folder), name: 'articles', index: 0 }];
  const document = new vscode.TextDocument(
    vscode.Uri.file(articlePath),
    'plaintext',
    readFileSync(articlePath, 'utf8'),
  );
  vscode.workspace.textDocuments.push(document);
  vscode.window.activeTextEditor = { document };
  const extension = require(join(extensionFolder, 'dist', 'extension.js'));
  const context = {
    subscriptions: [],
    extensionPath: extensionFolder,
    extensionUri: vscode.Uri.file(extensionFolder),
    asAbsolutePath: (path) => join(extensionFolder, path),
    storagePath: undefined,
    globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
    environmentVariableCollection: {},
    extensionMode: 1,
  };
  await extension.activate(context);
  const status = vscode.statusItems[0];
  const result = { opened: document.getText() };

  await wait('diagnostics', () => diagnosticsOf(document).length > 0);
  result.diagnostics = diagnosticsOf(document);
  result.status = { text: status.text, tooltip: status.tooltip, visible: status.visible, command: status.command };

  // A quick fix, through the code action provider the client registered, as the light bulb asks for it.
  const target = vscode.languages.getDiagnostics(document.uri).find((d) => d.message.includes('`. .`'));
  const provider = vscode.codeActionProviders[0].provider;
  const token = new vscode.CancellationTokenSource().token;
  const actions = await provider.provideCodeActions(
    document,
    target.range,
    { diagnostics: [target], only: vscode.CodeActionKind.QuickFix, triggerKind: 1 },
    token,
  );
  let quickFix = actions.find((action) => action.kind?.value === 'quickfix' && action.title.includes('. .'));
  result.quickFixTitle = quickFix?.title;
  if (quickFix && !quickFix.edit && provider.resolveCodeAction)
    quickFix = await provider.resolveCodeAction(quickFix, token);
  await vscode.workspace.applyEdit(quickFix.edit);
  result.afterQuickFix = document.getText();
  await wait('diagnostics after the quick fix', () => diagnosticsOf(document).length === result.diagnostics.length - 1);

  // The palette command: the server computes the edits and applies them through the client.
  const beforeCommand = document.version;
  await vscode.commands.executeCommand('mtlint.fixAllInFile');
  result.commandChangedText = document.version > beforeCommand;
  result.afterCommand = document.getText();
  await wait('diagnostics after fix all', () =>
    vscode.languages.getDiagnostics(document.uri).every((d) => !/`\$ 500`/.test(d.message)),
  );

  // Fix on save: type a new artefact, let it be linted, then save.
  const end = document.positionAt(document.getText().length);
  document.apply([{ range: new vscode.Range(end, end), newText: 'The talks ended. . Nobody was surprised.\n' }]);
  await wait('the typed artefact', () => diagnosticsOf(document).some((d) => d.code === 'doubled-punctuation'));
  result.statusAfterTyping = { text: status.text, count: diagnosticsOf(document).length };
  result.beforeSave = document.getText();
  // Auto-save, after a delay or as focus leaves: the extension must not ask to change anything.
  const autoSaveWaits = [];
  for (const reason of [vscode.TextDocumentSaveReason.AfterDelay, vscode.TextDocumentSaveReason.FocusOut])
    vscode.events.willSave.fire({ document, reason, waitUntil: (promise) => autoSaveWaits.push(promise) });
  result.autoSaveEdits = (await Promise.all(autoSaveWaits)).flat().length;
  result.autoSaveRequests = autoSaveWaits.length;
  const waits = [];
  vscode.events.willSave.fire({ document, reason: 1, waitUntil: (promise) => waits.push(promise) });
  const edits = (await Promise.all(waits)).flat();
  document.apply(edits);
  result.afterSave = document.getText();
  await wait('diagnostics after saving', () => !diagnosticsOf(document).some((d) => d.code === 'doubled-punctuation'));

  // Other files, opened as VS Code opens them: the ones the selector takes get diagnostics, the others none.
  result.others = {};
  const others = otherPaths.map((arg) => ({
    path: arg.replace(/^unlinted:/, ''),
    linted: !arg.startsWith('unlinted:'),
  }));
  for (const { path } of others) {
    const languageId = LANGUAGE_OF_EXTENSION[path.split('.').pop()] ?? 'plaintext';
    const other = new vscode.TextDocument(vscode.Uri.file(path), languageId, readFileSync(path, 'utf8'));
    vscode.workspace.textDocuments.push(other);
    vscode.events.open.fire(other);
  }
  for (const { path, linted } of [...others].sort((a, b) => b.linted - a.linted)) {
    const other = vscode.workspace.textDocuments.find((d) => d.fileName === path);
    vscode.window.activeTextEditor = { document: other };
    vscode.events.activeEditor.fire(vscode.window.activeTextEditor);
    // The server publishes a list for every document it is sent, an empty one too.
    const published = () => collectionsHave(other.uri);
    if (linted) await wait(`diagnostics of ${path}`, published);
    else await new Promise((resolve) => setTimeout(resolve, 2_000));
    result.others[path] = {
      published: published(),
      languageId: other.languageId,
      diagnostics: diagnosticsOf(other),
      status: { text: status.text, visible: status.visible },
    };
  }

  result.missing = [...vscode.missing];
  await extension.deactivate();
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
