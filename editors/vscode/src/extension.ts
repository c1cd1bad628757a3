/**
 * mtlint for VS Code: starts the bundled `mtlint lsp` for Markdown, plain text,
 * HTML, XLIFF and PO, shows the file's problem count in the status bar, and fixes all on
 * save when asked. Everything else (diagnostics, quick fixes, "disable for
 * this line") comes from the language server itself.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  DOCUMENT_SELECTOR,
  type DocumentKind,
  fixAllEdits,
  fixesOnSave,
  initializationOptions,
  isLintedDocument,
  SERVER_MODULE,
  type Settings,
  settingsFrom,
  statusText,
} from './settings.js';

let client: LanguageClient | undefined;

function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration('mtlint');
  return settingsFrom((key) => configuration.get(key));
}

function createClient(context: vscode.ExtensionContext, settings: Settings): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    initializationOptions: initializationOptions(settings),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{.mtlintrc.json,.mtlintrc.yaml,.mtlintrc.yml,.mtlintignore,package.json}',
      ),
    },
  };
  return new LanguageClient('mtlint', 'mtlint', serverOptions, clientOptions);
}

function kindOf(document: vscode.TextDocument): DocumentKind {
  return { languageId: document.languageId, scheme: document.uri.scheme, fileName: document.fileName };
}

function isLinted(document: vscode.TextDocument): boolean {
  return isLintedDocument(kindOf(document));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);

  const updateStatus = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLinted(document)) {
      status.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'mtlint').length;
    Object.assign(status, statusText(count));
    status.show();
  };

  const start = async () => {
    client = createClient(context, readSettings());
    await client.start();
  };
  const restart = async () => {
    const running = client;
    client = undefined;
    await running?.stop();
    await start();
  };

  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.commands.registerCommand('mtlint.restartServer', restart),
    vscode.commands.registerCommand('mtlint.fixAllInFile', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isLinted(document)) return;
      // The server's command computes the edits and applies them through VS Code.
      await vscode.commands.executeCommand('mtlint.fixAll', document.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mtlint.preset') || event.affectsConfiguration('mtlint.debounce')) void restart();
    }),
    vscode.workspace.onWillSaveTextDocument((event) => {
      const running = client;
      // Only a save by hand: auto-save never rewrites the text of someone still typing.
      if (!running || !fixesOnSave(kindOf(event.document), readSettings(), event.reason)) return;
      const send = (method: string, params: unknown) => running.sendRequest(method, params) as Promise<unknown>;
      event.waitUntil(
        fixAllEdits(send, event.document.uri.toString(), event.document.lineCount).then((edits) =>
          running.protocol2CodeConverter.asTextEdits(edits),
        ),
      );
    }),
    { dispose: () => void client?.stop() },
  );
  await start();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
