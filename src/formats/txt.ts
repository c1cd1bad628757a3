/** Plain text: a paragraph is a run of lines between blank lines. */
import { BlockMapping } from './mapping.js';
import type { ExtractedDocument, ProseBlock } from './types.js';

const BLANK_LINE = /\r?\n[ \t]*(?:\r?\n|\r)|\r[ \t]*\r/g;

export function extractText(text: string): ExtractedDocument {
  const blocks: ProseBlock[] = [];
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (;;) {
    const match = BLANK_LINE.exec(text);
    const end = match ? match.index : text.length;
    pushBlock(blocks, text, start, end);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return { format: 'txt', blocks, controls: [] };
}

function pushBlock(blocks: ProseBlock[], text: string, start: number, end: number): void {
  // Trim surrounding white space so positions stay on the words.
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const mapping = new BlockMapping();
  mapping.addContiguous(text.slice(start, end), start);
  blocks.push({ kind: 'paragraph', mapping });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
