/** Plain text: a paragraph is a run of lines between blank lines. */
import { BlockMapping } from './mapping.js';
import { type ControlComment, type ExtractedDocument, type ProseBlock, parseControlComment } from './types.js';

export function extractText(text: string): ExtractedDocument {
  const controls = textControls(text);
  return { format: 'txt', blocks: [...textBlocks(text, controls)], controls };
}

/**
 * The `<!-- mtlint-disable … -->` lines of a plain text, in order. A control
 * comment in plain text is an HTML comment alone on its line: a shape prose
 * never takes. Found by scanning, not by one regex, which backtracks on long
 * lines of repeated openers.
 */
export function textControls(text: string): ControlComment[] {
  const controls: ControlComment[] = [];
  let from = 0;
  let close = -1;
  // Linear: each scan moves forward, and a found `-->` serves every opener before it.
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start < 0) break;
    from = start + 4;
    if (close < start + 4) close = text.indexOf('-->', start + 4);
    if (close < 0) break;
    if (!atLineStart(text, start)) continue;
    const end = close + 3;
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
    if (after < text.length && text[after] !== '\n' && text[after] !== '\r') continue;
    if (lineBreakBetween(text, start, close)) continue;
    const control = parseControlComment(text.slice(start, end), start);
    if (control) controls.push(control);
    from = end;
  }
  return controls;
}

/** The scan stops at the first line break, so it never reads past the opener's line. */
function lineBreakBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text[index] === '\n' || text[index] === '\r') return true;
  return false;
}

/** Only spaces or tabs between the line start and `offset` (the scan stops at the first other character). */
function atLineStart(text: string, offset: number): boolean {
  let index = offset;
  while (index > 0 && (text[index - 1] === ' ' || text[index - 1] === '\t')) index--;
  return index === 0 || text[index - 1] === '\n' || text[index - 1] === '\r';
}

/**
 * The paragraphs of a plain text one at a time: the linter parses each as it
 * comes, so a huge file never holds all its blocks at once. Control comment
 * lines are not prose: a paragraph is cut around them.
 */
export function* textBlocks(text: string, controls: readonly ControlComment[] = []): Generator<ProseBlock> {
  let next = 0;
  // Its own regex object: a suspended generator must not share `lastIndex` with another.
  const blankLine = /\r?\n[ \t]*(?:\r?\n|\r)|\r[ \t]*\r/g;
  let start = 0;
  for (;;) {
    const match = blankLine.exec(text);
    const end = match ? match.index : text.length;
    while (next < controls.length && controls[next].start < end) {
      const control = controls[next++];
      if (control.start < start) continue;
      const before = blockOf(text, start, control.start);
      if (before) yield before;
      start = control.end;
    }
    const block = blockOf(text, start, end);
    if (block) yield block;
    if (!match) break;
    start = match.index + match[0].length;
  }
}

function blockOf(text: string, start: number, end: number): ProseBlock | undefined {
  // Trim surrounding white space so positions stay on the words.
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return undefined;
  const mapping = new BlockMapping();
  mapping.addContiguous(text.slice(start, end), start);
  return { kind: 'paragraph', mapping };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
