/**
 * Preloaded with `node --import` into every benchmarked process: on exit it
 * appends one line to $MTLINT_RSS_FILE: the process's peak resident set size
 * (KB) and its user and system CPU time (microseconds, all threads).
 */
import { appendFileSync } from 'node:fs';

const target = process.env.MTLINT_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(target, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
  });
}
