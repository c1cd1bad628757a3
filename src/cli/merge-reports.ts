/**
 * `mtlint merge-reports`: merges the JSON or SARIF reports of `--shard` runs
 * into one report with the same files, findings and totals as one run over
 * everything. The kind of report is detected from the content; all inputs
 * must be of the same kind. Exit codes: 0 no errors in the merged report,
 * 1 errors, 2 bad usage or unreadable, invalid or overlapping reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonResult } from '../report/json.js';
import type { CliIo } from './io.js';

class MergeError extends Error {}

export const MERGE_HELP = `mtlint merge-reports [-o FILE] REPORT...

Merges the JSON (--format json) or SARIF (--format sarif) reports of
mtlint --shard runs into one report of the same kind, on standard output
or in FILE. A file may appear in one report only.

Exit codes: 0 no errors in the merged report, 1 errors, 2 bad usage or reports.
`;

export function runMergeReports(argv: string[], io: CliIo): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'output-file': { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(MERGE_HELP);
      return 0;
    }
    if (positionals.length === 0) throw new MergeError('merge-reports needs at least one report file');
    const reports = positionals.map((path) => ({ path, data: readReport(resolve(io.cwd, path), path) }));
    const kinds = new Set(reports.map((report) => kindOf(report.data, report.path)));
    if (kinds.size > 1) throw new MergeError('cannot merge JSON and SARIF reports together');
    const merged = kinds.has('json')
      ? mergeJson(reports as Array<{ path: string; data: JsonResult[] }>)
      : mergeSarif(reports as Array<{ path: string; data: SarifLog }>);
    const text = kinds.has('json')
      ? `${JSON.stringify(merged.report)}\n`
      : `${JSON.stringify(merged.report, null, 2)}\n`;
    if (values['output-file']) {
      try {
        writeFileSync(resolve(io.cwd, values['output-file']), text);
      } catch (error) {
        throw new MergeError(
          `${values['output-file']}: cannot write report (${(error as NodeJS.ErrnoException).code})`,
        );
      }
    } else io.stdout(text);
    return merged.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof MergeError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mtlint: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

function readReport(path: string, shown: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MergeError(`${shown}: cannot read report (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new MergeError(`${shown}: not a JSON or SARIF report (invalid JSON)`);
  }
}

function kindOf(data: unknown, path: string): 'json' | 'sarif' {
  if (
    Array.isArray(data) &&
    data.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.filePath === 'string' &&
        Array.isArray(entry.messages) &&
        typeof entry.errorCount === 'number' &&
        typeof entry.warningCount === 'number',
    )
  ) {
    return 'json';
  }
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as SarifLog).version === '2.1.0' &&
    Array.isArray((data as SarifLog).runs) &&
    (data as SarifLog).runs.every((run) => typeof run?.tool?.driver?.name === 'string' && Array.isArray(run.results))
  ) {
    return 'sarif';
  }
  throw new MergeError(`${path}: not an mtlint JSON or SARIF report`);
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mergeJson(reports: Array<{ path: string; data: JsonResult[] }>): { report: JsonResult[]; errors: number } {
  const seen = new Map<string, string>();
  const merged: JsonResult[] = [];
  for (const { path, data } of reports) {
    for (const result of data) {
      const previous = seen.get(result.filePath);
      if (previous !== undefined) {
        throw new MergeError(`${result.filePath} is in both ${previous} and ${path} (the same shard twice?)`);
      }
      seen.set(result.filePath, path);
      merged.push(result);
    }
  }
  // One run lists files in sorted order of their absolute paths: so does the merge.
  merged.sort((a, b) => byPath(a.filePath, b.filePath));
  return { report: merged, errors: merged.reduce((sum, result) => sum + result.errorCount, 0) };
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
  [key: string]: unknown;
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; rules?: Array<{ id: string }>; [key: string]: unknown } };
  results: SarifResult[];
  [key: string]: unknown;
}

interface SarifLog {
  $schema?: string;
  version: string;
  runs: SarifRun[];
}

function uriOf(result: SarifResult): string {
  const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}

function mergeSarif(reports: Array<{ path: string; data: SarifLog }>): { report: SarifLog; errors: number } {
  const runs = reports.flatMap(({ path, data }, report) => data.runs.map((run) => ({ path, run, report })));
  if (runs.length === 0) throw new MergeError('the SARIF reports have no runs');
  const first = runs[0].run;
  const driver = first.tool.driver;
  for (const { path, run } of runs) {
    if (run.tool.driver.name !== driver.name || run.tool.driver.version !== driver.version) {
      throw new MergeError(
        `${path}: written by ${run.tool.driver.name} ${run.tool.driver.version ?? ''}, not ${driver.name} ${driver.version ?? ''}`.trim(),
      );
    }
  }
  // One rules table: the first run's, plus any rule only another run knows.
  const rulesTable = [...(driver.rules ?? [])];
  const indexOf = new Map(rulesTable.map((rule, index) => [rule.id, index]));
  for (const { run } of runs)
    for (const rule of run.tool.driver.rules ?? [])
      if (!indexOf.has(rule.id)) {
        indexOf.set(rule.id, rulesTable.length);
        rulesTable.push(rule);
      }
  const fileOwner = new Map<string, { path: string; report: number }>();
  const results: SarifResult[] = [];
  for (const { path, run, report } of runs) {
    const filesHere = new Set<string>();
    for (const result of run.results) {
      const uri = uriOf(result);
      const owner = fileOwner.get(uri);
      if (owner !== undefined && owner.report !== report) {
        throw new MergeError(`${uri} is in both ${owner.path} and ${path} (the same shard twice?)`);
      }
      filesHere.add(uri);
      const index = result.ruleId === undefined ? undefined : indexOf.get(result.ruleId);
      results.push(index === undefined ? result : { ...result, ruleIndex: index });
    }
    for (const uri of filesHere) fileOwner.set(uri, { path, report });
  }
  // Stable: the findings of one file keep their order.
  results.sort((a, b) => byPath(uriOf(a), uriOf(b)));
  const report: SarifLog = {
    ...reports[0].data,
    runs: [{ ...first, tool: { ...first.tool, driver: { ...driver, rules: rulesTable } }, results }],
  };
  return { report, errors: results.filter((result) => result.level === 'error').length };
}
