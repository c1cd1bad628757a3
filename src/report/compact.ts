/**
 * One line per finding, for tools and `grep`: `compact` as ESLint writes it
 * (`path: line 3, col 5, Warning - message (rule)`) and `unix`
 * (`path:3:5: message [Warning/rule]`, the shape compilers print, which
 * editors' quickfix lists and `grep -n` users read).
 */
import type { Finding } from '../engine/lint.js';
import type { FileResult } from '../engine/result.js';
import { displayPath } from './stylish.js';
import type { ReportContext, Reporter } from './types.js';

type Line = (path: string, finding: Finding, severity: string) => string;

function oneLinePerFinding(results: FileResult[], context: ReportContext, line: Line): string {
  const lines: string[] = [];
  for (const result of results) {
    const path = displayPath(result.filePath, context.cwd);
    for (const finding of result.findings) {
      lines.push(line(path, finding, finding.severity === 2 ? 'Error' : 'Warning'));
    }
  }
  if (lines.length === 0) return '';
  return `${lines.join('\n')}\n\n${lines.length} problem${lines.length === 1 ? '' : 's'}\n`;
}

const singleLine = (message: string) => message.replace(/[\n\r\t]+/g, ' ');

export const compact: Reporter = (results, context) =>
  oneLinePerFinding(
    results,
    context,
    (path, finding, severity) =>
      `${path}: line ${finding.line}, col ${finding.column}, ${severity} - ${singleLine(finding.message)} (${finding.ruleId})`,
  );

export const unix: Reporter = (results, context) =>
  oneLinePerFinding(
    results,
    context,
    (path, finding, severity) =>
      `${path}:${finding.line}:${finding.column}: ${singleLine(finding.message)} [${severity}/${finding.ruleId}]`,
  );
