/**
 * The extension's decisions that do not need VS Code: where the bundled
 * server is, what it is started with, what the status bar says, how "fix all"
 * is asked of the server. `tests/vscode-extension.test.ts` runs these against
 * the real server without an editor.
 */
import type { CodeAction, Command, TextEdit } from 'vscode-languageserver-protocol';

export const LANGUAGES = ['markdown', 'plaintext', 'html'] as const;
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
  if (count === undefined) return { text: '$(check) mtlint', tooltip: 'mtlint checks Markdown, plain text and HTML' };
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
