/**
 * The one protocol between an executor and its worker threads (worker.ts).
 * The executor posts a run: the jobs and a counter shared by everyone working
 * on them; each worker takes the next index off the counter (`Atomics.add`),
 * answers that job's outcome, and takes another until none is left, then says
 * it is done. This is the shape of ESLint's worker loop: no thread waits for
 * another to hand it work, and a slow file holds up one thread only.
 */
import type { FileJob, JobOptions, JobOutcome } from './job.js';

export interface WorkerData {
  options: JobOptions;
}

export type WorkerRequest = { run: number; jobs: FileJob[]; counter: Int32Array } | { close: true };

export type WorkerReply = { run: number; index: number; outcome: JobOutcome } | { run: number; done: true };

/** The next job index of a run, for whichever thread asks first. */
export function takeIndex(counter: Int32Array): number {
  return Atomics.add(counter, 0, 1);
}

/** A counter for a run's jobs, shared with the workers. */
export function newCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}
