/** The lint worker thread of every executor: see worker-protocol.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { canRequireModules, loadFormats } from '../formats/index.js';
import { runFileJob, toOutcome } from './job.js';
import { takeIndex, type WorkerData, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

// Node < 20.19 cannot load the Markdown and HTML front ends on first use.
if (!canRequireModules()) await loadFormats();

const { options } = workerData as WorkerData;

parentPort?.on('message', (request: WorkerRequest) => {
  if ('close' in request) {
    parentPort?.close();
    return;
  }
  const { run, jobs, counter } = request;
  for (let index = takeIndex(counter); index < jobs.length; index = takeIndex(counter)) {
    const outcome = toOutcome(jobs[index].filePath, runFileJob(jobs[index], options));
    parentPort?.postMessage({ run, index, outcome } satisfies WorkerReply);
  }
  parentPort?.postMessage({ run, done: true } satisfies WorkerReply);
});
