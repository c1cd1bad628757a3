/** A lint worker thread: receives file paths, lints each, replies with the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { canRequireModules, loadFormats } from '../formats/index.js';
import { ConfigResolver } from './config.js';
import { type LintFilesOptions, lintOneFile } from './lint-files.js';
import { toOutcome, type WorkerReply, type WorkerRequest } from './parallel.js';

if (!canRequireModules()) await loadFormats();

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
  const outcomes = request.files.map(({ index, filePath }) =>
    toOutcome(index, filePath, lintOneFile(filePath, resolver, options, options.cwd)),
  );
  parentPort?.postMessage({ outcomes } satisfies WorkerReply);
});
