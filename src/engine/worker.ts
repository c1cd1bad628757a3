/** A lint worker thread: receives file paths, lints each, replies with the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError, ConfigResolver } from './config.js';
import { FileError } from './files.js';
import { type LintFilesOptions, lintOneFile } from './lint-files.js';
import type { WorkerReply, WorkerRequest } from './parallel.js';

const options = (workerData as { options: LintFilesOptions & { cwd: string } }).options;
const resolver = new ConfigResolver({
  configFile: options.configFile,
  noConfig: options.noConfig,
  ruleOverrides: options.ruleOverrides,
  projectRoot: options.cwd,
});

parentPort?.on('message', (request: WorkerRequest) => {
  if ('done' in request) {
    parentPort?.close();
    return;
  }
  const outcome = lintOneFile(request.filePath, resolver, options, options.cwd);
  let reply: WorkerReply;
  if (outcome instanceof Error) {
    const kind = outcome instanceof ConfigError ? 'config' : outcome instanceof FileError ? 'file' : 'other';
    reply = { index: request.index, error: { kind, message: outcome.message, filePath: request.filePath } };
  } else reply = { index: request.index, result: outcome };
  parentPort?.postMessage(reply);
});
