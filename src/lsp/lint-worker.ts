/** The language server's lint worker: receives jobs, answers results or errors. */
import { parentPort } from 'node:worker_threads';
import { type LintJob, runJob } from './linter.js';

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
