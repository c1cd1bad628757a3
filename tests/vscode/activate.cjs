// Activates the packaged extension (dist/extension.js, as VS Code would load it) on the `vscode`
// stand-in, with the real bundled language server, and prints what an editor would have shown as JSON.
// Usage: node activate.cjs <extension folder> <article.txt> <workspace folder>
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return join(__dirname, 'vscode-shim.cjs');
  return resolve.call(this, request, ...rest);
};
const vscode = require('vscode');
const [extensionFolder, articlePath, folder] = process.argv.slice(2);

const wait = async (what, condition, timeout = 60_000) => {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for ${what}; output:\n${vscode.output.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
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
  const waits = [];
  vscode.events.willSave.fire({ document, reason: 1, waitUntil: (promise) => waits.push(promise) });
  const edits = (await Promise.all(waits)).flat();
  document.apply(edits);
  result.afterSave = document.getText();
  await wait('diagnostics after saving', () => !diagnosticsOf(document).some((d) => d.code === 'doubled-punctuation'));

  result.missing = [...vscode.missing];
  await extension.deactivate();
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
