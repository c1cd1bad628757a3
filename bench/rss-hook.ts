/**
 * Preloaded with `node --import` into every benchmarked process: on exit its
 * main thread appends one line to $MTLINT_RSS_FILE: the process's peak resident set size
 * (KB) and its user and system CPU time (microseconds, all threads).
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.MTLINT_RSS_FILE;
// Worker threads inherit `--import` and would add a line of the whole process's CPU time each: the main thread's
// line, written last, already counts every thread.
if (target && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(target, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
  });
}
