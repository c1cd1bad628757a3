/**
 * `gitlab`: GitLab's Code Quality report (a subset of the Code Climate
 * format): findings show in the merge request widget and the diff. Paths are
 * relative to the working folder (run mtlint from the repository root).
 * Errors are `major`, warnings `minor`. The fingerprint hashes the path, rule,
 * message and the finding's rank among identical ones, not its line, so a
 * finding keeps its identity when lines are added above it.
 */
import { createHash } from 'node:crypto';
import { displayPath } from './stylish.js';
import type { Reporter } from './types.js';

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

export const gitlab: Reporter = (results, context) => {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const path = displayPath(result.filePath, context.cwd).split('\\').join('/');
    const rank = new Map<string, number>();
    for (const finding of result.findings) {
      const identity = `${path}\0${finding.ruleId}\0${finding.message}`;
      const occurrence = rank.get(identity) ?? 0;
      rank.set(identity, occurrence + 1);
      issues.push({
        type: 'issue',
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`, 'utf8').digest('hex'),
        severity: finding.severity === 2 ? 'major' : 'minor',
        categories: ['Style'],
        location: { path, lines: { begin: finding.line, end: finding.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
