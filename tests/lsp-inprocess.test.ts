/**
 * The server in-process, with an executor that throws: an exception while
 * linting (a rule, the parser, anything) is logged to the client and shown as
 * one diagnostic; the server keeps serving other documents.
 */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { type Executor, InlineExecutor } from '../src/engine/executor.js';
import type { FileJob } from '../src/engine/job.js';
import { startServer } from '../src/lsp/server.js';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code: string; message: string; severity: number }[];
}

describe('mtlint lsp in-process', () => {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  let calls = 0;
  const inline = new InlineExecutor({ cwd: process.cwd() });
  const executor: Executor = {
    run(jobs: readonly FileJob[]) {
      calls++;
      if (jobs.some((job) => job.text?.includes('EXPLODE'))) throw new Error('a rule exploded');
      return inline.run(jobs);
    },
    close() {},
  };
  const server = startServer({
    reader: new StreamMessageReader(toServer),
    writer: new StreamMessageWriter(fromServer),
    executor,
  });
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published: Published[] = [];
  const logs: string[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: Published) => {
    published.push(params);
  });
  client.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  client.listen();
  afterAll(() => {
    client.dispose();
    server.dispose();
  });

  async function next(uri: string): Promise<Published> {
    for (let i = 0; i < 400; i++) {
      const found = published.find((p) => p.uri === uri);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no diagnostics for ${uri}`);
  }

  it('reports a failing lint as one diagnostic and a log line, then keeps working', async () => {
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    client.sendNotification('initialized', {});
    client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///virtual/bad.md', languageId: 'markdown', version: 1, text: 'EXPLODE. . here' },
    });
    const bad = await next('file:///virtual/bad.md');
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0].code).toBe('internal-error');
    expect(bad.diagnostics[0].message).toContain('a rule exploded');
    expect(logs.some((line) => line.includes('a rule exploded'))).toBe(true);
    // No code actions for a document that failed, and no error either.
    const actions = await client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///virtual/bad.md' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      context: { diagnostics: [] },
    });
    expect(actions).toEqual([]);
    client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///virtual/good.md', languageId: 'markdown', version: 1, text: 'She left , then' },
    });
    const good = await next('file:///virtual/good.md');
    expect(good.diagnostics.map((d) => d.code)).toEqual(['space-before-punctuation']);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
