/**
 * Preloaded with `node --import` into every benchmarked process: on exit it
 * appends the process's peak resident set size (KB) to $MTLINT_RSS_FILE.
 */
import { appendFileSync } from 'node:fs';

const target = process.env.MTLINT_RSS_FILE;
if (target) {
  process.on('exit', () => {
    appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
