// A small stand-in for the `vscode` module, enough for vscode-languageclient and mtlint's extension to
// activate, sync documents with the real server, show diagnostics, run commands and apply edits.
// Members it does not implement are callable no-op stubs, recorded in `shim.missing`.
const { pathToFileURL, fileURLToPath } = require('node:url');

const missing = new Set();
function stub(name) {
  // A function declaration, not an arrow: stubs are also extended and constructed (`class X extends vscode.Y`).
  function fn() {
    return stub(`${name}()`);
  }
  return new Proxy(fn, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === 'dispose') return () => {};
      if (prop === Symbol.toPrimitive) return () => name;
      missing.add(`${name}.${String(prop)}`);
      return stub(`${name}.${String(prop)}`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}
function withStubs(name, target) {
  return new Proxy(target, {
    get(object, prop) {
      if (prop in object || typeof prop === 'symbol' || prop === 'then') return object[prop];
      missing.add(`${name}.${prop}`);
      return stub(`${name}.${prop}`);
    },
  });
}

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...items) {
    return new Disposable(() => {
      for (const item of items) item?.dispose?.();
    });
  }
  dispose() {
    this.fn?.();
    this.fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      return new Disposable(() => this.listeners.delete(bound));
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, path, text) {
    this.scheme = scheme;
    this.path = path;
    this.text = text;
    this.authority = '';
    this.query = '';
    this.fragment = '';
  }
  static parse(text) {
    const scheme = text.slice(0, text.indexOf(':'));
    return new Uri(scheme, scheme === 'file' ? fileURLToPath(text) : text.slice(scheme.length + 1), text);
  }
  static file(path) {
    return new Uri('file', path, pathToFileURL(path).href);
  }
  get fsPath() {
    return this.path;
  }
  with() {
    return this;
  }
  toString() {
    return this.text;
  }
  toJSON() {
    return this.text;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isBefore(other) {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isEqual(other) {
    return this.line === other.line && this.character === other.character;
  }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
}
class Location {
  constructor(uri, range) {
    this.uri = uri;
    this.range = range;
  }
}
class Diagnostic {
  constructor(range, message, severity) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}
class DiagnosticRelatedInformation {
  constructor(location, message) {
    this.location = location;
    this.message = message;
  }
}
class TextEdit {
  constructor(range, newText) {
    this.range = range;
    this.newText = newText;
  }
  static replace(range, text) {
    return new TextEdit(range, text);
  }
}
class WorkspaceEdit {
  constructor() {
    this.edits = new Map();
  }
  replace(uri, range, text) {
    const key = uri.toString();
    this.edits.set(key, [...(this.edits.get(key) ?? []), new TextEdit(range, text)]);
  }
  set(uri, edits) {
    this.edits.set(uri.toString(), edits);
  }
  entries() {
    return [...this.edits].map(([uri, edits]) => [Uri.parse(uri), edits]);
  }
}
class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(`${this.value}.${part}`);
  }
  contains(other) {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
for (const [name, value] of Object.entries({
  Empty: '',
  QuickFix: 'quickfix',
  Refactor: 'refactor',
  RefactorExtract: 'refactor.extract',
  RefactorInline: 'refactor.inline',
  RefactorRewrite: 'refactor.rewrite',
  Source: 'source',
  SourceOrganizeImports: 'source.organizeImports',
  SourceFixAll: 'source.fixAll',
})) {
  CodeActionKind[name] = new CodeActionKind(value);
}
class CodeAction {
  constructor(title, kind) {
    this.title = title;
    this.kind = kind;
  }
}
class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this.emitter = emitter;
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}
class CancellationError extends Error {}
class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
}
class RelativePattern {
  constructor(base, pattern) {
    this.baseUri = typeof base === 'string' ? Uri.file(base) : (base.uri ?? base);
    this.pattern = pattern;
  }
}

/** The glob syntax of document filters: `**`, `*`, `?` and `{a,b}` (VS Code's own matcher knows more). */
function globMatches(pattern, path) {
  const glob = typeof pattern === 'string' ? pattern : pattern.pattern;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path.replaceAll('\\', '/'));
}

/** A text document whose edits bump its version and fire the change event. */
class TextDocument {
  constructor(uri, languageId, text) {
    this.uri = uri;
    this.fileName = uri.fsPath;
    this.languageId = languageId;
    this.version = 1;
    this.text = text;
    this.isUntitled = false;
    this.isDirty = false;
    this.isClosed = false;
    this.eol = 1;
  }
  getText(range) {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }
  get lineCount() {
    return this.text.split('\n').length;
  }
  offsetAt(position) {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < position.line && i < lines.length; i++) offset += lines[i].length + 1;
    return Math.min(offset + position.character, this.text.length);
  }
  positionAt(offset) {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  /** Applies edits (non-overlapping), fires one change event per edit, last first. */
  apply(edits) {
    const sorted = [...edits].sort((a, b) => this.offsetAt(b.range.start) - this.offsetAt(a.range.start));
    for (const edit of sorted) {
      const start = this.offsetAt(edit.range.start);
      const end = this.offsetAt(edit.range.end);
      this.text = this.text.slice(0, start) + edit.newText + this.text.slice(end);
      this.version++;
      shim.events.change.fire({
        document: this,
        reason: undefined,
        contentChanges: [{ range: edit.range, rangeOffset: start, rangeLength: end - start, text: edit.newText }],
      });
    }
  }
}

const settings = {};
const commands = new Map();
const collections = [];
const events = {
  open: new EventEmitter(),
  close: new EventEmitter(),
  change: new EventEmitter(),
  save: new EventEmitter(),
  willSave: new EventEmitter(),
  configuration: new EventEmitter(),
  folders: new EventEmitter(),
  activeEditor: new EventEmitter(),
  diagnostics: new EventEmitter(),
  visibleEditors: new EventEmitter(),
};
const statusItems = [];
const output = [];

const workspace = withStubs('workspace', {
  textDocuments: [],
  workspaceFolders: [],
  notebookDocuments: [],
  getConfiguration(section) {
    return {
      get: (key, fallback) => settings[`${section}.${key}`] ?? fallback,
      has: (key) => `${section}.${key}` in settings,
      update: async () => {},
      inspect: () => undefined,
    };
  },
  onDidOpenTextDocument: events.open.event,
  onDidCloseTextDocument: events.close.event,
  onDidChangeTextDocument: events.change.event,
  onDidSaveTextDocument: events.save.event,
  onWillSaveTextDocument: events.willSave.event,
  onDidChangeConfiguration: events.configuration.event,
  onDidChangeWorkspaceFolders: events.folders.event,
  onDidOpenNotebookDocument: new EventEmitter().event,
  onDidCloseNotebookDocument: new EventEmitter().event,
  onDidChangeNotebookDocument: new EventEmitter().event,
  onDidSaveNotebookDocument: new EventEmitter().event,
  createFileSystemWatcher() {
    return {
      onDidCreate: new EventEmitter().event,
      onDidChange: new EventEmitter().event,
      onDidDelete: new EventEmitter().event,
      dispose() {},
    };
  },
  async applyEdit(edit) {
    for (const [uri, edits] of edit.entries()) {
      const document = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!document) return false;
      document.apply(edits);
    }
    return true;
  },
});

const languages = withStubs('languages', {
  createDiagnosticCollection(name) {
    const entries = new Map();
    const collection = {
      name,
      set(uri, diagnostics) {
        if (Array.isArray(uri)) for (const [u, d] of uri) entries.set(u.toString(), d ?? []);
        else entries.set(uri.toString(), diagnostics ?? []);
        events.diagnostics.fire({ uris: [uri] });
      },
      delete(uri) {
        entries.delete(uri.toString());
        events.diagnostics.fire({ uris: [uri] });
      },
      clear() {
        entries.clear();
      },
      get: (uri) => entries.get(uri.toString()),
      has: (uri) => entries.has(uri.toString()),
      forEach: (fn) => {
        for (const [u, d] of entries) fn(Uri.parse(u), d, collection);
      },
      dispose() {},
      entries,
    };
    collections.push(collection);
    return collection;
  },
  getDiagnostics(uri) {
    return collections.flatMap((collection) => collection.entries.get(uri.toString()) ?? []);
  },
  onDidChangeDiagnostics: events.diagnostics.event,
  // As VS Code matches a document filter: every property given (language, scheme, glob pattern on the path) must hold.
  match(selector, document) {
    const list = Array.isArray(selector) ? selector : [selector];
    return list.some((entry) =>
      typeof entry === 'string'
        ? entry === document.languageId
        : (entry.language === undefined || entry.language === document.languageId) &&
          (entry.scheme === undefined || entry.scheme === document.uri.scheme) &&
          (entry.pattern === undefined || globMatches(entry.pattern, document.fileName)),
    )
      ? 10
      : 0;
  },
  registerCodeActionsProvider(selector, provider) {
    shim.codeActionProviders.push({ selector, provider });
    return new Disposable();
  },
});

const window = withStubs('window', {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  tabGroups: { all: [], onDidChangeTabs: new EventEmitter().event, onDidChangeTabGroups: new EventEmitter().event },
  onDidChangeActiveTextEditor: events.activeEditor.event,
  onDidChangeVisibleTextEditors: events.visibleEditors.event,
  createOutputChannel(name) {
    const channel = {
      name,
      append: (text) => output.push(text),
      appendLine: (text) => output.push(text),
      replace() {},
      clear() {},
      show() {},
      hide() {},
      dispose() {},
      info: (text) => output.push(text),
      warn: (text) => output.push(text),
      error: (text) => output.push(text),
      debug() {},
      trace() {},
    };
    return channel;
  },
  createStatusBarItem(alignment, priority) {
    const item = {
      alignment,
      priority,
      text: '',
      tooltip: '',
      visible: false,
      show() {
        this.visible = true;
      },
      hide() {
        this.visible = false;
      },
      dispose() {},
    };
    statusItems.push(item);
    return item;
  },
  showErrorMessage: async (message) => {
    output.push(`error message: ${message}`);
  },
  showWarningMessage: async (message) => {
    output.push(`warning message: ${message}`);
  },
  showInformationMessage: async (message) => {
    output.push(`information message: ${message}`);
  },
  withProgress: async (_options, task) => task({ report() {} }, new CancellationTokenSource().token),
});

const shim = {
  version: '1.82.0',
  Disposable,
  EventEmitter,
  Uri,
  Position,
  Range,
  Selection: Range,
  Location,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  TextEdit,
  WorkspaceEdit,
  CodeAction,
  CodeActionKind,
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  CancellationTokenSource,
  CancellationError,
  MarkdownString,
  RelativePattern,
  StatusBarAlignment: { Left: 1, Right: 2 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  UIKind: { Desktop: 1, Web: 2 },
  env: withStubs('env', {
    appName: 'shim',
    language: 'en',
    machineId: 'shim',
    uiKind: 1,
    openExternal: async () => true,
  }),
  workspace,
  languages,
  window,
  commands: withStubs('commands', {
    registerCommand(id, handler) {
      commands.set(id, handler);
      return new Disposable(() => commands.delete(id));
    },
    async executeCommand(id, ...args) {
      const handler = commands.get(id);
      if (!handler) throw new Error(`command ${id} not found`);
      return handler(...args);
    },
    getCommands: async () => [...commands.keys()],
  }),
  extensions: withStubs('extensions', { getExtension: () => undefined, all: [] }),
  l10n: {
    t: (message, ...args) =>
      typeof message === 'string' ? message.replace(/\{(\d+)\}/g, (_, i) => String(args[i])) : message.message,
  },
  // For the harness.
  TextDocument,
  events,
  settings,
  statusItems,
  collections,
  output,
  missing,
  codeActionProviders: [],
};
module.exports = withStubs('vscode', shim);
