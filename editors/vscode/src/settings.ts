/**
 * The extension's decisions that do not need VS Code: where the bundled
 * server is, what it is started with, what the status bar says, how "fix all"
 * is asked of the server. `tests/vscode-extension.test.ts` runs these against
 * the real server without an editor.
 */
import type { CodeAction, Command, TextEdit } from 'vscode-languageserver-protocol';

export const LANGUAGES = ['markdown', 'plaintext', 'html'] as const;
/**
 * XLIFF and PO files, by extension: VS Code has no language for them (XLIFF opens as `xml`, PO as
 * `plaintext` or a PO extension's `po`), so they are recognised by their path, on disk only (an untitled
 * document has no extension to go by).
 */
export const BILINGUAL_PATTERN = '**/*.{xlf,xliff,po,pot}';
const BILINGUAL_EXTENSION = /\.(?:xlf|xliff|po|pot)$/i;
const SCHEMES = ['file', 'untitled'] as const;

/** The documents the language client syncs with the server (a VS Code document selector). */
export const DOCUMENT_SELECTOR: ReadonlyArray<{ scheme: string; language?: string; pattern?: string }> = [
  ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
  { scheme: 'file', pattern: BILINGUAL_PATTERN },
];

/**
 * What starts the extension (the manifest's `activationEvents`): a document of one of its languages, an XML
 * or PO document (which may be XLIFF or gettext), or a folder that holds bilingual files.
 */
export const ACTIVATION_EVENTS: readonly string[] = [
  ...[...LANGUAGES, 'xml', 'po'].map((language) => `onLanguage:${language}`),
  `workspaceContains:${BILINGUAL_PATTERN}`,
];

/** The document as the status bar and fix-on-save see it. */
export interface DocumentKind {
  languageId: string;
  /** The URI's scheme: `file`, `untitled`, `git`… */
  scheme: string;
  /** The file's path (`TextDocument.fileName`). */
  fileName: string;
}

/** Whether mtlint lints a document: the same documents as `DOCUMENT_SELECTOR` matches. */
export function isLintedDocument(document: DocumentKind): boolean {
  if (!(SCHEMES as readonly string[]).includes(document.scheme)) return false;
  if ((LANGUAGES as readonly string[]).includes(document.languageId)) return true;
  return document.scheme === 'file' && BILINGUAL_EXTENSION.test(document.fileName);
}

/** VS Code's `TextDocumentSaveReason` (this module does not import `vscode`; the values are its API's). */
export const SAVE_REASON = { Manual: 1, AfterDelay: 2, FocusOut: 3 } as const;

/**
 * Whether a save fixes everything: only for a document mtlint lints, when the setting is on, and when the
 * person saved by hand. Auto-save (after a delay, or as focus leaves the editor) must never rewrite the text
 * of someone still typing.
 */
export function fixesOnSave(document: DocumentKind, settings: Pick<Settings, 'fixAllOnSave'>, reason: number): boolean {
  return settings.fixAllOnSave && reason === SAVE_REASON.Manual && isLintedDocument(document);
}

export const PRESETS = ['mtlint:recommended', 'mtlint:strict', 'mtlint:all'] as const;
/** The server's own fix-all code action kind (`src/lsp/server.ts`). */
export const FIX_ALL_KIND = 'source.fixAll.mtlint';
export const DEFAULT_DEBOUNCE_MS = 150;

export interface Settings {
  preset: string;
  debounce: number;
  fixAllOnSave: boolean;
}

/** Settings as read from VS Code, each checked: a wrong value falls back to its default. */
export function settingsFrom(get: (key: string) => unknown): Settings {
  const preset = get('preset');
  const debounce = get('debounce');
  return {
    preset: typeof preset === 'string' && (PRESETS as readonly string[]).includes(preset) ? preset : PRESETS[0],
    debounce:
      typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 && debounce <= 10_000
        ? debounce
        : DEFAULT_DEBOUNCE_MS,
    fixAllOnSave: get('fixAllOnSave') === true,
  };
}

/** What the server reads in `initialize` (`src/lsp/server.ts`). */
export function initializationOptions(settings: Settings): { preset: string; debounce: number } {
  return { preset: settings.preset, debounce: settings.debounce };
}

/** The bundled server, relative to the extension's folder. */
export const SERVER_MODULE = 'dist/server/server.js';

export function statusText(count: number | undefined): { text: string; tooltip: string } {
  if (count === undefined)
    return { text: '$(check) mtlint', tooltip: 'mtlint checks Markdown, plain text, HTML, XLIFF and PO' };
  if (count === 0) return { text: '$(check) mtlint', tooltip: 'mtlint: no problems in this file' };
  return {
    text: `$(warning) mtlint: ${count}`,
    tooltip: `mtlint: ${count} problem${count === 1 ? '' : 's'} in this file (click for the Problems panel)`,
  };
}

type Send = (method: string, params: unknown) => Promise<unknown>;

/**
 * The edits of the server's "fix all" code action for a document: what
 * fix-on-save applies. An empty list when there is nothing to fix.
 */
export async function fixAllEdits(send: Send, uri: string, lineCount: number): Promise<TextEdit[]> {
  const actions = (await send('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
    context: { diagnostics: [], only: [FIX_ALL_KIND] },
  })) as Array<CodeAction | Command> | null;
  let action = actions?.find((entry): entry is CodeAction => 'kind' in entry && entry.kind === FIX_ALL_KIND);
  if (!action) return [];
  if (!action.edit) action = (await send('codeAction/resolve', action)) as CodeAction;
  const edit = action.edit;
  if (!edit) return [];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return edits;
}
