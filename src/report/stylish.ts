/**
 * `stylish`, the default: ESLint's layout for a person at a terminal. One block
 * per file, a row per finding (`line:column`, severity, message, rule id), the
 * message wrapped so that a row fits the terminal (80–160 columns; 100 when the
 * width is unknown), and a closing count of problems and of those `--fix` can
 * fix.
 */
import { relative } from 'node:path';
import type { Finding } from '../engine/lint.js';
import type { Reporter } from './types.js';

const DEFAULT_WIDTH = 100;
const MIN_MESSAGE_WIDTH = 30;

const style = {
  underline: (text: string) => `\u001b[4m${text}\u001b[24m`,
  dim: (text: string) => `\u001b[2m${text}\u001b[22m`,
  red: (text: string) => `\u001b[31m${text}\u001b[39m`,
  yellow: (text: string) => `\u001b[33m${text}\u001b[39m`,
  bold: (text: string) => `\u001b[1m${text}\u001b[22m`,
};
const plain = (text: string) => text;

export const stylish: Reporter = (results, context) => {
  const paint = context.color ? style : { underline: plain, dim: plain, red: plain, yellow: plain, bold: plain };
  const width = Math.min(Math.max(context.width ?? DEFAULT_WIDTH, 80), 160);
  const blocks: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const rows = result.findings.map((finding) => ({
      finding,
      position: `${finding.line}:${finding.column}`,
      severity: finding.severity === 2 ? 'error' : 'warning',
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const ruleWidth = Math.max(...rows.map((row) => row.finding.ruleId.length));
    // two spaces of indent, then the columns with two spaces between them
    const messageWidth = Math.max(MIN_MESSAGE_WIDTH, width - 2 - positionWidth - 2 - 7 - 2 - 2 - ruleWidth);
    const lines = [paint.underline(displayPath(result.filePath, context.cwd))];
    for (const { finding, position, severity } of rows) {
      if (finding.severity === 2) {
        errors++;
        if (finding.fix) fixableErrors++;
      } else {
        warnings++;
        if (finding.fix) fixableWarnings++;
      }
      const [first, ...rest] = wrap(oneLine(finding), messageWidth);
      const label = severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
      const indent = ' '.repeat(2 + positionWidth + 2 + 7 + 2);
      lines.push(
        `  ${paint.dim(position.padEnd(positionWidth))}  ${label}  ${first.padEnd(messageWidth)}  ${paint.dim(finding.ruleId)}`.trimEnd(),
      );
      for (const line of rest) lines.push(`${indent}${line}`);
    }
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0) return '';
  const problems = errors + warnings;
  const mark = errors > 0 ? paint.red('✖') : paint.yellow('⚠');
  let summary = `${mark} ${paint.bold(`${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}`;
  if (fixableErrors + fixableWarnings > 0) {
    summary += `\n  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`;
  }
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
};

/** Messages are one line; a control character in quoted text must not break the table. */
function oneLine(finding: Finding): string {
  return finding.message.replace(/[\n\r\t]+/g, ' ');
}

/** Splits at spaces into lines of at most `width` characters (a longer word stands alone on its line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = relative(cwd, filePath);
  return rel.startsWith('..') ? filePath : rel;
}
