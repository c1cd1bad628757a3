/** The language server's lint worker: receives jobs, answers results or errors. */
import { parentPort } from 'node:worker_threads';
import { canRequireModules, loadFormats } from '../formats/index.js';
import { type LintJob, runJob } from './linter.js';

// Node < 20.19 cannot load the Markdown and HTML front ends on first use.
if (!canRequireModules()) await loadFormats();

parentPort?.on('message', (job: LintJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: runJob(job) });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
