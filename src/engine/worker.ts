/** A lint worker thread: receives file paths, lints each, replies with the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { canRequireModules, loadFormats } from '../formats/index.js';
import { type LintFilesOptions, lintOneFile, resolverFor } from './lint-files.js';
import { toOutcome, type WorkerReply, type WorkerRequest } from './parallel.js';

if (!canRequireModules()) await loadFormats();

const options = (workerData as { options: LintFilesOptions & { cwd: string } }).options;
const resolver = resolverFor(options, options.cwd);

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
