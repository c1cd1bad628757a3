/**
 * `lintFiles`: the synchronous API over files, folders and globs: plan the run
 * (plan.ts), then run each job on this thread, one file at a time (each file's
 * tree is dropped before the next is read).
 */
import { type LintFilesOptions, planFiles, runPlanInline } from './plan.js';
import type { LintFilesResult } from './result.js';

export function lintFiles(patterns: string[], options: LintFilesOptions = {}): LintFilesResult {
  return runPlanInline(planFiles(patterns, options));
}
