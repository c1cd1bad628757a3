/**
 * `checkstyle`: Checkstyle's XML report, which Jenkins (Warnings NG),
 * reviewdog, SonarQube and Bitbucket code-insight tools read. Paths are
 * absolute (as ESLint's checkstyle formatter writes them); `source` is
 * `mtlint.<rule id>`.
 */
import type { Reporter } from './types.js';
import { escapeXml } from './xml.js';

export const checkstyle: Reporter = (results) => {
  const files = results.map((result) => {
    const errors = result.findings.map(
      (finding) =>
        `    <error line="${finding.line}" column="${finding.column}" severity="${finding.severity === 2 ? 'error' : 'warning'}" message="${escapeXml(finding.message)}" source="${escapeXml(`mtlint.${finding.ruleId}`)}"/>`,
    );
    const name = escapeXml(result.filePath);
    return errors.length > 0 ? `  <file name="${name}">\n${errors.join('\n')}\n  </file>` : `  <file name="${name}"/>`;
  });
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<checkstyle version="4.3">\n' +
    (files.length > 0 ? `${files.join('\n')}\n` : '') +
    '</checkstyle>\n'
  );
};
