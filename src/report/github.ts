/**
 * `github`: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request.
 */
import { displayPath } from './stylish.js';
import type { Reporter } from './types.js';

/** Escaping for the message (data) part. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for property values, which also may not contain `:` or `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd).split('\\').join('/');
    for (const finding of result.findings) {
      const command = finding.severity === 2 ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`mtlint (${finding.ruleId})`)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
