/**
 * Runtime bounds on adversarial text (bench/adversarial-cases.ts): 100,000
 * punctuation marks in a row, a 1 MB line with no spaces, 10,000 nested
 * quotes or brackets, a 100,000-word paragraph, 1 MB of combining marks, a
 * file of only emoji, and cmark's pathological Markdown and HTML.
 *
 * The bounds are generous and in CPU time (a loaded CI machine must not make this flaky):
 * linear work on these sizes takes well under a second or two, while a
 * quadratic step takes minutes to hours at these sizes. Exact figures:
 * `npm run build && node dist/bench/adversarial.js` → bench/results/adversarial.json.
 */
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from '../bench/adversarial-cases.js';
import { fixText, lint, presetConfig } from '../src/index.js';

const config = presetConfig('mtlint:all');
/** Per case and format, lint and fix together, in CPU time (wall time on a loaded CI machine is noise). */
const BOUND_MS = 60_000;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

describe('adversarial text: every rule, every format, in bounded time', () => {
  for (const testCase of ADVERSARIAL_CASES) {
    describe(`${testCase.name} (scale ${testCase.size.toLocaleString('en')})`, () => {
      for (const format of testCase.formats) {
        it(`${format}: lints${format === testCase.formats[0] ? ' and fixes' : ''} in under ${BOUND_MS / 1000} s`, () => {
          const text = testCase.build(testCase.size);
          const started = cpuMs();
          const { findings } = lint(text, { format, config });
          // Fixing re-lints up to 10 times: once per case (its first format) keeps the suite short.
          if (format === testCase.formats[0]) fixText(text, { format, config });
          const took = cpuMs() - started;
          expect(findings.every((finding) => finding.offset >= 0 && finding.endOffset <= text.length)).toBe(true);
          expect(findings.some((finding) => finding.message.startsWith('Internal error'))).toBe(false);
          expect(took).toBeLessThan(BOUND_MS);
        }, 120_000);
      }
    });
  }
});
