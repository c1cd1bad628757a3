/**
 * `json`: the shape of ESLint's JSON formatter, so tools that read ESLint
 * output read ours. Lines 1-based, columns 1-based in UTF-16 code units.
 */
import type { Reporter } from './types.js';

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
  relatedInformation?: Array<{
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** Set when the place is in another file (the source of a paired translation). */
    filePath?: string;
  }>;
  /** Other rules that reported the same artefact here (merged into this message). */
  alsoReportedBy?: string[];
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

export function toJsonResults(results: Parameters<Reporter>[0]): JsonResult[] {
  return results.map((result) => {
    const json: JsonResult = {
      filePath: result.filePath,
      messages: result.findings.map((finding) => {
        const message: JsonMessage = {
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
        };
        if (finding.fix) message.fix = finding.fix;
        if (finding.suggestions) message.suggestions = finding.suggestions;
        if (finding.related) {
          message.relatedInformation = finding.related.map(
            ({ message: text, line, column, endLine, endColumn, filePath }) => ({
              message: text,
              line,
              column,
              endLine,
              endColumn,
              ...(filePath === undefined ? {} : { filePath }),
            }),
          );
        }
        if (finding.alsoReportedBy) message.alsoReportedBy = finding.alsoReportedBy;
        return message;
      }),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
    };
    if (result.output !== undefined) json.output = result.output;
    return json;
  });
}

export const json: Reporter = (results) => `${JSON.stringify(toJsonResults(results))}\n`;
