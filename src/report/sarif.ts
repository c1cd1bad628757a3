/**
 * `sarif`: SARIF 2.1.0 for code scanning, with a rules table. Columns are
 * UTF-16 code units (SARIF's default `columnKind`), 1-based.
 */
import { pathToFileURL } from 'node:url';
import type { RelatedFinding } from '../engine/lint.js';
import { displayPath } from './stylish.js';
import type { Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export const sarif: Reporter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mtlint',
            version: context.version,
            informationUri: 'https://github.com/mtlint/mtlint',
            rules: context.rules.map((rule) => ({
              id: rule.id,
              name: rule.id
                .split('-')
                .map((part) => part[0].toUpperCase() + part.slice(1))
                .join(''),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              helpUri: rule.url,
              defaultConfiguration: {
                level: rule.defaultSeverity === 'error' ? 'error' : 'warning',
                enabled: rule.recommended,
              },
              properties: { category: rule.category, fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(context.cwd).href}/` } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) => {
          const artifactLocation = artifactOf(result.filePath, context.cwd);
          return result.findings.map((finding) => {
            const index = ruleIndex.get(finding.ruleId);
            const location = {
              physicalLocation: {
                artifactLocation,
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            };
            return {
              ruleId: finding.ruleId,
              ...(index === undefined ? {} : { ruleIndex: index }),
              level: finding.severity === 2 ? 'error' : 'warning',
              message: { text: finding.message },
              locations: [location],
              ...(finding.related
                ? {
                    relatedLocations: finding.related.map((related, id) => ({
                      id,
                      message: { text: related.message },
                      physicalLocation: {
                        artifactLocation:
                          related.filePath === undefined ? artifactLocation : artifactOf(related.filePath, context.cwd),
                        region: relatedRegion(related),
                      },
                    })),
                  }
                : {}),
              ...(finding.fix
                ? {
                    fixes: [
                      {
                        description: { text: `Replace with \`${finding.fix.text}\`` },
                        artifactChanges: [
                          {
                            artifactLocation: location.physicalLocation.artifactLocation,
                            replacements: [
                              {
                                deletedRegion: {
                                  charOffset: finding.fix.range[0],
                                  charLength: finding.fix.range[1] - finding.fix.range[0],
                                },
                                insertedContent: { text: finding.fix.text },
                              },
                            ],
                          },
                        ],
                      },
                    ],
                  }
                : {}),
            };
          });
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A SARIF artifact location: relative paths against `SRCROOT`, absolute and `<text>`-like names as they are. */
function artifactOf(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const uri = displayPath(filePath, cwd).split('\\').join('/');
  const absolute = uri.startsWith('/') || uri.startsWith('<');
  return absolute ? { uri: encodeURI(uri) } : { uri: encodeURI(uri), uriBaseId: 'SRCROOT' };
}

/**
 * The region of a related place: lines and columns, plus character offsets
 * for a place in another file (whose lines are unknown when the caller did
 * not hand its text in: line 0, so only the offsets are given).
 */
function relatedRegion(related: RelatedFinding): Record<string, number> {
  const lines: Record<string, number> =
    related.line > 0
      ? { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn }
      : {};
  if (related.filePath === undefined) return lines;
  return { ...lines, charOffset: related.offset, charLength: related.endOffset - related.offset };
}
