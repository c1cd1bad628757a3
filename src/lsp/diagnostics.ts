/** Findings → LSP diagnostics (UTF-16 positions, as findings count them). */
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/lint.js';
import { getRule } from '../rules/index.js';

export const SOURCE = 'mtlint';

/** Offsets in findings exclude a leading byte order mark; the document's do not. */
export function bomShift(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function rangeOf(document: TextDocument, start: number, end: number, shift: number): Range {
  return { start: document.positionAt(start + shift), end: document.positionAt(end + shift) };
}

export function docsUrl(ruleId: string, finding?: Finding): string | undefined {
  return finding?.url ?? getRule(ruleId)?.meta.url;
}

export function toDiagnostic(document: TextDocument, finding: Finding, shift: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.offset, finding.endOffset, shift),
    severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  const href = docsUrl(finding.ruleId, finding);
  if (href) diagnostic.codeDescription = { href };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((place) =>
      DiagnosticRelatedInformation.create(
        place.filePath === undefined
          ? { uri: document.uri, range: rangeOf(document, place.offset, place.endOffset, shift) }
          : // The source of a paired translation: another file, placed by its own lines and columns.
            { uri: pathToFileURL(place.filePath).href, range: lineRange(place) },
        place.message,
      ),
    );
  }
  return diagnostic;
}

/** An LSP range from 1-based lines and columns (line 0: unknown, the start of the file). */
function lineRange(place: { line: number; column: number; endLine: number; endColumn: number }): Range {
  if (place.line < 1) return { start: START, end: START };
  return {
    start: { line: place.line - 1, character: place.column - 1 },
    end: { line: place.endLine - 1, character: place.endColumn - 1 },
  };
}

export function toDiagnostics(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  const shift = bomShift(document.getText());
  return findings.map((finding) => toDiagnostic(document, finding, shift));
}

const START: Position = { line: 0, character: 0 };

/** One diagnostic at the top of the document for a problem that is not in its text. */
export function problemDiagnostic(
  message: string,
  code: string,
  related?: { uri: string; message: string },
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: START, end: START },
    severity: DiagnosticSeverity.Error,
    code,
    source: SOURCE,
    message,
  };
  if (related) {
    diagnostic.relatedInformation = [
      DiagnosticRelatedInformation.create({ uri: related.uri, range: { start: START, end: START } }, related.message),
    ];
  }
  return diagnostic;
}
