/** `stylish`: vfile-reporter's output, coloured only when asked. */
import { relative } from 'node:path';
import { VFile } from 'vfile';
import { lazyModule } from '../shared/lazy.js';
import type { Reporter } from './types.js';

/** vfile-reporter (and its terminal-width helpers) load only when this format is used. */
const vfileReporter = lazyModule<typeof import('vfile-reporter')>('vfile-reporter');

export const stylish: Reporter = (results, context) => {
  const files = results.map((result) => {
    const file = new VFile({ path: displayPath(result.filePath, context.cwd) });
    for (const finding of result.findings) {
      const message = file.message(finding.message, {
        place: {
          start: { line: finding.line, column: finding.column, offset: finding.offset },
          end: { line: finding.endLine, column: finding.endColumn, offset: finding.endOffset },
        },
        ruleId: finding.ruleId,
        source: 'mtlint',
      });
      message.fatal = finding.severity === 2;
    }
    return file;
  });
  if (files.length === 0) return '';
  const output = vfileReporter().reporter(files, {
    color: context.color,
    quiet: true,
    silent: false,
    defaultName: '<stdin>',
  });
  return output ? `${output}\n` : '';
};

export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = relative(cwd, filePath);
  return rel.startsWith('..') ? filePath : rel;
}
