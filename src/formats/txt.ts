/** Plain text: a paragraph is a run of lines between blank lines. */
import { BlockMapping } from './mapping.js';
import type { ExtractedDocument, ProseBlock } from './types.js';

export function extractText(text: string): ExtractedDocument {
  return { format: 'txt', blocks: [...textBlocks(text)], controls: [] };
}

/**
 * The paragraphs of a plain text one at a time: the linter parses each as it
 * comes, so a huge file never holds all its blocks at once.
 */
export function* textBlocks(text: string): Generator<ProseBlock> {
  // Its own regex object: a suspended generator must not share `lastIndex` with another.
  const blankLine = /\r?\n[ \t]*(?:\r?\n|\r)|\r[ \t]*\r/g;
  let start = 0;
  for (;;) {
    const match = blankLine.exec(text);
    const end = match ? match.index : text.length;
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
