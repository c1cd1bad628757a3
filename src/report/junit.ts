/**
 * `junit`: JUnit XML, which CI dashboards (GitLab's test reports, Jenkins,
 * Azure Pipelines, CircleCI) read. One `testsuite` per file; one failed
 * `testcase` per finding, or one passed `testcase` for a file without
 * findings, so the dashboard lists clean files too. Validated in the tests
 * against the JUnit schema of Jenkins' xUnit plugin.
 */
import { displayPath } from './stylish.js';
import type { Reporter } from './types.js';
import { escapeXml } from './xml.js';

export const junit: Reporter = (results, context) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    const shown = displayPath(result.filePath, context.cwd);
    const file = escapeXml(shown);
    const cases = result.findings.map((finding) => {
      const level = finding.severity === 2 ? 'error' : 'warning';
      const where = `${finding.line}:${finding.column}`;
      const detail = `${shown}:${where}: ${level}: ${finding.message} (${finding.ruleId})`;
      return (
        `    <testcase time="0" name="${escapeXml(`${where} ${finding.ruleId}`)}" classname="${file}">\n` +
        `      <failure message="${escapeXml(finding.message)}" type="${level}">${escapeXml(detail)}</failure>\n` +
        '    </testcase>'
      );
    });
    if (cases.length === 0) cases.push(`    <testcase time="0" name="${file}" classname="${file}"/>`);
    tests += cases.length;
    failures += result.findings.length;
    suites.push(
      `  <testsuite package="mtlint" time="0" tests="${cases.length}" errors="0" failures="${result.findings.length}" name="${file}">\n` +
        `${cases.join('\n')}\n` +
        '  </testsuite>',
    );
  }
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<testsuites name="mtlint" tests="${tests}" failures="${failures}" errors="0" time="0">\n` +
    (suites.length > 0 ? `${suites.join('\n')}\n` : '') +
    '</testsuites>\n'
  );
};
