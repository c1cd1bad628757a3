/**
 * `mtlint lsp`: a Language Server Protocol server over stdio.
 *
 * - Documents: plain text, Markdown and HTML (by language id, else by file
 *   extension). Linted on open, change (debounced) and save, in a worker
 *   thread; a result for an older version than the document's is discarded,
 *   and at most one run per document is in flight (later edits coalesce).
 * - Configuration: exactly the CLI's (nearest config file, `.mtlintignore` at
 *   the workspace folder's root), read again when such a file changes. A
 *   broken config is one diagnostic at the top of the document and one
 *   message, never a crash.
 * - Code actions: a quick fix per fixable finding (and per suggestion),
 *   `source.fixAll.mtlint`, and "Disable <rule> for this line / file" in
 *   Markdown and HTML. Command `mtlint.fixAll` applies all fixes.
 * - Every handler is guarded: an exception is logged to the client and
 *   answered as an error, and the server keeps running.
 */

import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  createConnection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
  MessageType,
  type MessageWriter,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, PRESETS, type PresetName, type ResolvedConfig } from '../engine/config.js';
import { type Executor, InlineExecutor } from '../engine/executor.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from '../engine/files.js';
import type { JobOptions } from '../engine/job.js';
import type { Finding, SourceFile } from '../engine/lint.js';
import { PoolExecutor } from '../engine/pool.js';
import type { FormatName } from '../formats/index.js';
import { VERSION } from '../version.js';
import {
  describeEdit,
  disableFileEdit,
  disableLineEdit,
  minimalEdit,
  type OffsetEdit,
  supportsDisableComments,
} from './actions.js';
import { bomShift, problemDiagnostic, toDiagnostic, toDiagnostics } from './diagnostics.js';
import { DocumentScheduler, type Prepared } from './scheduler.js';
import { formatOfDocument, isConfigOrIgnoreFile, pathOfUri, Workspace } from './workspace.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mtlint`;
export const FIX_ALL_COMMAND = 'mtlint.fixAll';
/** Delay between the last keystroke and linting. */
export const DEFAULT_DEBOUNCE_MS = 150;
/** Jobs carry the editor's text: nothing is read or written, the limit is checked before a job is made. */
const JOB_OPTIONS: JobOptions = { cwd: process.cwd(), maxFileSize: DEFAULT_MAX_FILE_SIZE };
/** Extensions of files that can be the source of a translation (every format the readers know). */
const SOURCE_EXTENSIONS = 'md,markdown,mdown,mkd,txt,text,html,htm,xhtml,xlf,xliff,po,pot,json,yaml,yml';

export interface ServerOptions {
  reader?: MessageReader;
  writer?: MessageWriter;
  /** Where to lint; default one worker thread (this thread if it cannot start, or keeps failing). */
  executor?: Executor;
  /** Root for documents outside every workspace folder (default: the working directory). */
  cwd?: string;
}

/** What `initializationOptions` may set. */
interface InitializationOptions {
  /** Milliseconds between an edit and linting (default 150). */
  debounce?: number;
  /** The preset for documents no config file applies to (a project's config file always wins). */
  preset?: string;
}

interface LintedVersion {
  version: number;
  format: FormatName;
  filePath: string;
  findings: Finding[];
  /** Set when the document is linted with this config (not ignored, no config error). */
  config?: ResolvedConfig;
  /** The source it was linted against (bilingual mode), for Fix All. */
  source?: SourceFile;
  diagnostics: Diagnostic[];
}

export function startServer(options: ServerOptions = {}): Connection {
  const usesStdio = !options.reader;
  const connection =
    options.reader && options.writer
      ? createConnection(ProposedFeatures.all, options.reader, options.writer)
      : createConnection(
          ProposedFeatures.all,
          new StreamMessageReader(process.stdin),
          new StreamMessageWriter(process.stdout),
        );
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(`${message}\n`);
    }
  };
  if (usesStdio) {
    // Anything printed to stdout would corrupt the protocol: route it to the client's log.
    console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
    console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
    console.debug = console.log;
    process.stdin.on('end', () => process.exit(shutdownRequested ? 0 : 1));
    process.on('uncaughtException', (error) => log(`mtlint: uncaught exception: ${error.stack ?? error.message}`));
    process.on('unhandledRejection', (reason) => log(`mtlint: unhandled rejection: ${describe(reason)}`));
  }

  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(options.cwd);
  const shownErrors = new Set<string>();
  const executor = options.executor ?? new PoolExecutor(JOB_OPTIONS, { workers: 1, mainThreadLane: false });
  const scheduler = new DocumentScheduler<LintedVersion>({
    executor,
    fallback: new InlineExecutor(JOB_OPTIONS),
    versionOf: (uri) => documents.get(uri)?.version,
    prepare: (uri, version) => prepare(uri, version),
    publish: (uri, entry) =>
      void connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics }),
    log,
    debounceMs: DEFAULT_DEBOUNCE_MS,
  });
  let shutdownRequested = false;
  let watchesFiles = false;
  let folderUris: string[] = [];
  let versionedEdits = false;
  let supportsFolders = false;
  let resolvesEdits = false;

  /** Wraps a handler so that an exception is logged and answered, never fatal. */
  function guard<P extends unknown[], R>(name: string, handler: (...args: P) => R | Promise<R>, fallback: R) {
    return async (...args: P): Promise<R | ResponseError<void>> => {
      try {
        return await handler(...args);
      } catch (error) {
        log(`mtlint: ${name} failed: ${describe(error)}`);
        return fallback === undefined
          ? new ResponseError(-32603, `mtlint: ${name} failed: ${message(error)}`)
          : fallback;
      }
    };
  }

  function notify<P extends unknown[]>(name: string, handler: (...args: P) => void) {
    return (...args: P): void => {
      try {
        handler(...args);
      } catch (error) {
        log(`mtlint: ${name} failed: ${describe(error)}`);
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounce === 'number' && init.debounce >= 0 && init.debounce <= 10_000)
      scheduler.debounceMs = init.debounce;
    if (typeof init.preset === 'string') {
      if ((PRESETS as readonly string[]).includes(init.preset)) workspace.setDefaultPreset(init.preset as PresetName);
      else
        log(
          `mtlint: unknown preset \`${init.preset}\` in initializationOptions (expected one of ${PRESETS.join(', ')})`,
        );
    }
    folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folderUris);
    const capabilities = params.capabilities ?? {};
    supportsFolders = capabilities.workspace?.workspaceFolders === true;
    watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    resolvesEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mtlint', version: VERSION },
    };
  });

  connection.onInitialized(
    notify('initialized', () => {
      if (watchesFiles) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [
              { globPattern: '**/.mtlintrc.{json,yaml,yml}' },
              { globPattern: '**/package.json' },
              { globPattern: '**/.mtlintignore' },
              // Source documents of open translations (the config's `sources`) change on disk too.
              { globPattern: `**/*.{${SOURCE_EXTENSIONS}}` },
            ],
          })
          .catch((error: unknown) => log(`mtlint: cannot watch config files: ${describe(error)}`));
      }
      if (supportsFolders) {
        try {
          connection.workspace.onDidChangeWorkspaceFolders(
            notify('workspace/didChangeWorkspaceFolders', (event) => {
              const removed = new Set(event.removed.map((folder) => folder.uri));
              folderUris = [
                ...folderUris.filter((uri) => !removed.has(uri)),
                ...event.added.map((folder) => folder.uri),
              ];
              workspace.setFolders(folderUris);
              relintAll();
            }),
          );
        } catch {
          // The client does not support workspace folder notifications.
        }
      }
    }),
  );

  connection.onDidChangeWatchedFiles(
    notify('workspace/didChangeWatchedFiles', (params) => {
      const relevant = params.changes.some((change) => {
        const path = pathOfUri(change.uri);
        return path !== undefined && isConfigOrIgnoreFile(path);
      });
      if (relevant) reloadConfig();
      else for (const change of params.changes) relintTranslationsOf(change.uri, 0);
    }),
  );

  function reloadConfig(): void {
    workspace.reset();
    shownErrors.clear();
    relintAll();
  }

  function relintAll(): void {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  }

  /** Open translations by the source file they were last linted against (the config's `sources`). */
  const sourceOfTranslation = new Map<string, string>();

  /** Lints again the open translations whose source is at `uri` (it changed in the editor or on disk). */
  function relintTranslationsOf(uri: string, delay?: number): void {
    const path = pathOfUri(uri);
    if (path === undefined) return;
    for (const [translation, source] of sourceOfTranslation)
      if (source === path && translation !== uri) scheduler.schedule(translation, delay);
  }

  // TextDocuments fires "change" right after "open": lint an opened document at once, edits after a pause.
  const justOpened = new Set<string>();
  documents.onDidOpen(
    notify('textDocument/didOpen', (event) => {
      justOpened.add(event.document.uri);
      scheduler.schedule(event.document.uri, 0);
      // The editor's text of a source replaces the file's for its translations.
      relintTranslationsOf(event.document.uri, 0);
    }),
  );
  documents.onDidChangeContent(
    notify('textDocument/didChange', (event) => {
      if (justOpened.delete(event.document.uri)) return;
      scheduler.schedule(event.document.uri);
      relintTranslationsOf(event.document.uri);
    }),
  );
  documents.onDidSave(
    notify('textDocument/didSave', (event) => {
      const path = pathOfUri(event.document.uri);
      if (path && isConfigOrIgnoreFile(path)) reloadConfig();
      else {
        // Saving is when a writer expects fresh results; configs may have changed too.
        workspace.reset();
        scheduler.schedule(event.document.uri, 0);
      }
    }),
  );
  documents.onDidClose(
    notify('textDocument/didClose', (event) => {
      const uri = event.document.uri;
      scheduler.close(uri);
      sourceOfTranslation.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      // Its translations read the file on disk again.
      relintTranslationsOf(uri, 0);
    }),
  );

  /** What linting a document version takes: a job, or the answer at once (unknown format, too large, ignored, bad config). */
  function prepare(uri: string, version: number): Prepared<LintedVersion> {
    const document = documents.get(uri) as TextDocument;
    const format = formatOfDocument(document.languageId, uri);
    const answer = (entry: Omit<LintedVersion, 'version'>) => ({ result: { version, ...entry } });
    if (!format) return answer({ format: 'txt', filePath: uri, findings: [], diagnostics: [] });
    if (document.getText().length > DEFAULT_MAX_FILE_SIZE) {
      const problem = `mtlint: not linted: the document is over ${DEFAULT_MAX_FILE_SIZE / (1024 * 1024)} MB`;
      return answer({ format, filePath: uri, findings: [], diagnostics: [problemDiagnostic(problem, 'too-large')] });
    }
    const settings = workspace.settingsFor(uri, format);
    const base = { format, filePath: settings.filePath, findings: [] as Finding[] };
    if (settings.kind === 'ignored') return answer({ ...base, diagnostics: [] });
    if (settings.kind === 'error') return answer({ ...base, diagnostics: [configProblem(settings.error)] });
    const { config } = settings;
    if (settings.sourcePath) sourceOfTranslation.set(uri, settings.sourcePath);
    else sourceOfTranslation.delete(uri);
    const source = settings.sourcePath ? sourceText(settings.sourcePath) : undefined;
    return {
      job: {
        filePath: settings.filePath,
        format,
        config,
        mode: 'lint',
        text: document.getText(),
        // The worker keeps this document's last run and redoes only what an edit changed.
        incremental: true,
        ...(source ? { source } : {}),
      },
      finish: (outcome) => {
        if (outcome instanceof Error) {
          log(`mtlint: cannot lint ${uri}: ${describe(outcome)}`);
          const diagnostic = problemDiagnostic(
            `mtlint could not lint this document: ${message(outcome)}`,
            'internal-error',
          );
          return { ...base, version, config, source, diagnostics: [diagnostic] };
        }
        const findings = outcome.findings;
        return { ...base, version, config, source, findings, diagnostics: toDiagnostics(document, findings) };
      },
    };
  }

  /** A source file's text: the open document's (unsaved edits included), else the file on disk; none if unreadable. */
  function sourceText(path: string): SourceFile | undefined {
    const open = documents.all().find((candidate) => pathOfUri(candidate.uri) === path);
    if (open) return { text: open.getText(), filePath: path };
    try {
      return { text: readTextFile(path, DEFAULT_MAX_FILE_SIZE).text, filePath: path };
    } catch {
      return undefined;
    }
  }

  function configProblem(error: Error): Diagnostic {
    const text =
      error instanceof ConfigError
        ? `mtlint: invalid configuration: ${error.message}`
        : `mtlint: cannot read the configuration: ${error.message}`;
    if (!shownErrors.has(text)) {
      shownErrors.add(text);
      log(text);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: text });
    }
    const related =
      error instanceof ConfigError && error.file.startsWith('/')
        ? { uri: pathToFileURL(error.file).href, message: error.message }
        : undefined;
    return problemDiagnostic(text, 'config-error', related);
  }

  connection.onCodeActionResolve(
    guard(
      'codeAction/resolve',
      async (action: CodeAction) => {
        const data = action.data as { uri?: string; version?: number } | undefined;
        if (action.edit || !data?.uri) return action;
        const edit = await fixAllEdit(data.uri);
        if (edit) action.edit = edit;
        return action;
      },
      undefined as unknown as CodeAction,
    ),
  );

  connection.onExecuteCommand(
    guard(
      'workspace/executeCommand',
      async (params) => {
        if (params.command !== FIX_ALL_COMMAND) {
          throw new Error(`unknown command ${params.command}`);
        }
        const argument = params.arguments?.[0] as { uri?: string } | string | undefined;
        const uri = typeof argument === 'string' ? argument : argument?.uri;
        if (!uri || !documents.get(uri)) throw new Error(`${FIX_ALL_COMMAND}: no open document ${uri ?? ''}`);
        const edit = await fixAllEdit(uri);
        if (!edit) return { applied: false };
        const result = await connection.workspace.applyEdit({ label: 'Fix all mtlint problems', edit });
        return { applied: result.applied };
      },
      undefined,
    ),
  );

  connection.onShutdown(() => {
    shutdownRequested = true;
    scheduler.cancelAll();
    executor.close();
  });

  function codeActions(document: TextDocument, entry: LintedVersion, params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions: CodeAction[] = [];
    const text = document.getText();
    const shift = bomShift(text);
    const from = document.offsetAt(params.range.start);
    const to = document.offsetAt(params.range.end);
    const inRange = entry.findings.filter(
      (finding) => finding.offset + shift <= to && finding.endOffset + shift >= from,
    );
    if (wants(CodeActionKind.QuickFix)) {
      const lines = new Set<string>();
      const files = new Set<string>();
      const disables: CodeAction[] = [];
      for (const finding of inRange) {
        const diagnostic = toDiagnostic(document, finding, shift);
        const edits = [
          ...(finding.fix ? [{ title: '', fix: finding.fix, preferred: true }] : []),
          ...(finding.suggestions ?? []).map((suggestion) => ({
            title: suggestion.desc,
            fix: suggestion.fix,
            preferred: false,
          })),
        ];
        for (const { title, fix, preferred } of edits) {
          const [start, end] = fix.range;
          const original = text.slice(start + shift, end + shift);
          actions.push({
            title: title || `${describeEdit(original, fix.text)} (${finding.ruleId})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: preferred,
            edit: editOf(document, [{ start: start + shift, end: end + shift, text: fix.text }]),
          });
        }
        if (!supportsDisableComments(entry.format)) continue;
        const line = document.positionAt(finding.offset + shift).line;
        if (!lines.has(`${finding.ruleId}:${line}`)) {
          lines.add(`${finding.ruleId}:${line}`);
          disables.push({
            title: `Disable ${finding.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: editOf(document, [disableLineEdit(text, entry.format, finding.offset + shift, finding.ruleId)]),
          });
        }
        if (!files.has(finding.ruleId)) {
          files.add(finding.ruleId);
          disables.push({
            title: `Disable ${finding.ruleId} for this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: editOf(document, [disableFileEdit(text, entry.format, finding.ruleId)]),
          });
        }
      }
      actions.push(...disables);
    }
    const fixable = entry.findings.some((finding) => finding.fix);
    if (fixable && wants(FIX_ALL_KIND)) {
      const action: CodeAction = { title: 'Fix all mtlint problems in this file', kind: FIX_ALL_KIND };
      // Computing every fix costs several runs: only when asked for (on save), else lazily.
      if (only) return actions.concat(withLazyFixAll(action, document, true));
      actions.push(withLazyFixAll(action, document, false));
    }
    return actions;
  }

  function withLazyFixAll(action: CodeAction, document: TextDocument, eager: boolean): CodeAction {
    if (eager) {
      action.data = { uri: document.uri, version: document.version };
      return action;
    }
    if (resolvesEdits) action.data = { uri: document.uri, version: document.version };
    else action.command = { title: action.title, command: FIX_ALL_COMMAND, arguments: [{ uri: document.uri }] };
    return action;
  }

  async function fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const entry = await scheduler.whenFresh(uri);
    if (!entry?.config) return undefined;
    const text = document.getText();
    const version = document.version;
    const { filePath, format, config, source } = entry;
    const result = await scheduler.execute({
      filePath,
      format,
      config,
      mode: 'fix-dry-run',
      text,
      ...(source ? { source } : {}),
    });
    if (result instanceof Error) throw result;
    const current = documents.get(uri);
    if (!current || current.version !== version || result.output === undefined) return undefined;
    const edit = minimalEdit(text, result.output);
    return edit ? editOf(current, [edit]) : undefined;
  }

  function editOf(document: TextDocument, edits: OffsetEdit[]): WorkspaceEdit {
    const textEdits: TextEdit[] = edits.map((edit) => ({
      range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
      newText: edit.text,
    }));
    if (versionedEdits) {
      return {
        documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }],
      };
    }
    return { changes: { [document.uri]: textEdits } };
  }

  connection.onCodeAction(
    guard(
      'textDocument/codeAction',
      async (params: CodeActionParams) => {
        const uri = params.textDocument.uri;
        const entry = await scheduler.whenFresh(uri);
        const document = documents.get(uri);
        if (!entry || !document || document.version !== entry.version || !entry.config) return [];
        const actions = codeActions(document, entry, params);
        // A fix-all asked for by kind (on save) needs its edit now.
        for (const action of actions) {
          if (action.kind === FIX_ALL_KIND && params.context.only && !action.edit) {
            const edit = await fixAllEdit(uri);
            if (edit) action.edit = edit;
          }
        }
        return actions;
      },
      [] as CodeAction[],
    ),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
