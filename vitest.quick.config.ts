/**
 * `npm run test:quick`: the edit loop. The rules (docs as tests included), config, reporters,
 * positions, the planner and the layering, in-process LSP scheduling and the stream parser;
 * not the suites that start browsers, editors, git repositories, many processes or a ReDoS
 * checker, which `npm test` (and CI) runs.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would append this list to the full suite's `include` instead of replacing it.
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'tests/rules-*.test.ts',
      'tests/rule-context.test.ts',
      'tests/rule-docs.test.ts',
      'tests/config.test.ts',
      'tests/config-schema.test.ts',
      'tests/reporters.test.ts',
      'tests/positions.test.ts',
      'tests/lexicon.test.ts',
      'tests/plan.test.ts',
      'tests/architecture.test.ts',
      'tests/api.test.ts',
      'tests/browser-api.test.ts',
      'tests/lsp-scheduler.test.ts',
      'tests/stream.test.ts',
      'tests/preset-policy.test.ts',
      'tests/eval-score.test.ts',
    ],
  },
});
