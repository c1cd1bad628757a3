/**
 * A minimal JSON-RPC client for protocol tests: spawns `mtlint lsp`, frames
 * messages with Content-Length headers, answers server-to-client requests.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli', 'mtlint.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type Listener = (message: Message) => void;

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private listeners: Listener[] = [];
  /** Answers to server requests, by method. */
  readonly handlers = new Map<string, (params: unknown) => unknown>();
  readonly exited: Promise<number | null>;

  /** `options.module`: another server script to run with Node instead of the CLI (the VS Code extension's bundle). */
  constructor(args: string[] = ['lsp'], options: { cwd?: string; module?: string } = {}) {
    this.process = spawn(process.execPath, [options.module ?? cli, ...args], {
      cwd: options.cwd ?? root,
      stdio: 'pipe',
    });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.handlers.set('client/registerCapability', () => null);
    this.handlers.set('window/showMessageRequest', () => null);
    this.handlers.set('workspace/applyEdit', () => ({ applied: true }));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    this.received.push(message);
    if (message.method === 'textDocument/publishDiagnostics') this.unread.push(message.params as PublishParams);
    if (message.method && message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      const result = handler ? handler(message.params) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } else if (message.id !== undefined && !message.method) {
      this.pending.get(message.id as number)?.(message);
      this.pending.delete(message.id as number);
    }
    for (const listener of [...this.listeners]) listener(message);
  }

  send(message: object): void {
    this.writeRaw(JSON.stringify(message));
  }

  writeRaw(body: string): void {
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  request<T = unknown>(method: string, params?: unknown, timeout = 30_000): Promise<Message & { result?: T }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeout} ms`)), timeout);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message as Message & { result?: T });
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next message (after now) that matches. */
  waitFor(predicate: (message: Message) => boolean, timeout = 30_000, what = 'a message'): Promise<Message> {
    return new Promise((resolve, reject) => {
      const listener: Listener = (message) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((other) => other !== listener);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((other) => other !== listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeout);
      this.listeners.push(listener);
    });
  }

  /** Publications not yet returned by `diagnostics()`. */
  private unread: PublishParams[] = [];

  /** Forgets publications received so far: `diagnostics()` then waits for new ones. */
  forget(): void {
    this.unread = [];
  }

  /**
   * The oldest publishDiagnostics for `uri` (optionally of a given version)
   * not returned yet, waiting for it if need be.
   */
  async diagnostics(uri: string, version?: number, timeout = 30_000): Promise<PublishParams> {
    const index = this.unread.findIndex((p) => p.uri === uri && (version === undefined || p.version === version));
    if (index >= 0) {
      const [found] = this.unread.splice(index, 1);
      this.unread = this.unread.filter((p, i) => p.uri !== uri || i >= index);
      return found;
    }
    const message = await this.waitFor(
      (m) => {
        if (m.method !== 'textDocument/publishDiagnostics') return false;
        const params = m.params as PublishParams;
        return params.uri === uri && (version === undefined || params.version === version);
      },
      timeout,
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
    );
    const params = message.params as PublishParams;
    this.unread = this.unread.filter((p) => p !== params);
    return params;
  }

  async initialize(params: Record<string, unknown> = {}): Promise<Message> {
    const response = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
      },
      ...params,
    });
    this.notify('initialized', {});
    return response;
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    try {
      await this.request('shutdown', null, 10_000);
      this.notify('exit');
    } catch {
      this.process.kill();
    }
    return this.exited;
  }

  logs(): string[] {
    return this.received
      .filter((m) => m.method === 'window/logMessage')
      .map((m) => (m.params as { message: string }).message);
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  source: string;
  message: string;
  codeDescription?: { href: string };
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Applies LSP text edits (UTF-16 positions) to a text, as an editor would. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  const offsetOf = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let out = text;
  for (const edit of sorted) {
    out = out.slice(0, offsetOf(edit.range.start)) + edit.newText + out.slice(offsetOf(edit.range.end));
  }
  return out;
}
