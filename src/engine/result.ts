/** What linting one file gives: its findings and their counts (the shape every reporter reads). */
import type { Finding } from './lint.js';

export interface FileResult {
  filePath: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, with `fix` or `fixDryRun`, when it differs. */
  output?: string;
  /** The text that was linted (kept only when asked, for reporters that show source). */
  source?: string;
}

export interface LintFilesResult {
  results: FileResult[];
  /** Problems with files or config (exit code 2). */
  errors: Error[];
  /** Files named explicitly but ignored. */
  ignored: string[];
}

export function summarize(filePath: string, findings: Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const finding of findings) {
    if (finding.severity === 2) {
      errorCount++;
      if (finding.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (finding.fix) fixableWarningCount++;
    }
  }
  return { filePath, findings, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}
