/**
 * Re-reading a Markdown document after an edit without parsing it again: when
 * the edit stays inside one paragraph of plain words, and neither the removed
 * nor the inserted text can start or end any Markdown construct, the new
 * document's blocks are the old ones, with that paragraph's text replaced and
 * the blocks after it moved. `undefined` means: parse the whole text again.
 *
 * Why the conditions are enough: a paragraph whose mapping is one run of the
 * original, without inline markup characters and without white space at a
 * line's edge, is nothing but text to micromark; an edit on one line that keeps
 * the line's first letter cannot make that line a list item, heading, quote,
 * code block or setext underline (and what the other lines are does not depend
 * on it); an edit without `|` cannot make a table header match a delimiter row;
 * and with no inline markup character added or removed no emphasis, link,
 * code, HTML, entity, escape or hard break can appear or disappear.
 * `tests/incremental.test.ts` checks it against a fresh parse on long random
 * edit sequences.
 */
import { BlockMapping } from './mapping.js';
import type { ExtractedDocument, ProseBlock } from './types.js';

/** Characters that may start or end an inline construct (emphasis, code, strikethrough, link, HTML, entity, escape). */
const INLINE_MARKUP = /[\r*_`~[\]<>&\\]/;
/** What an edit may not remove or insert: those, line breaks, and `|` (a table's cells). */
const EDIT_MARKUP = /[\n\r\t*_`~[\]<>&\\|]/;
/** White space at the start or end of a line: stripped by the parser, or a hard break. */
const EDGE_SPACE = /^[ \t]|[ \t]$|[ \t]\n|\n[ \t]/;

/** The part of `before` that `after` replaces: `[start, oldEnd)` becomes `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The shortest change that turns `before` into `after` (common prefix and suffix removed). */
export function changeBetween(before: string, after: string): TextChange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < limit - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** The document of `after`, from `previous` (the document of `before`), or `undefined` when it must be parsed. */
export function reextractMarkdown(
  previous: ExtractedDocument,
  before: string,
  after: string,
): ExtractedDocument | undefined {
  if (previous.format !== 'md' || previous.degraded || previous.warnings?.length) return undefined;
  const change = changeBetween(before, after);
  const removed = before.slice(change.start, change.oldEnd);
  const inserted = after.slice(change.start, change.newEnd);
  if (EDIT_MARKUP.test(removed) || EDIT_MARKUP.test(inserted)) return undefined;
  const index = blockAt(previous.blocks, change.start);
  if (index < 0) return undefined;
  const block = previous.blocks[index];
  const runs = block.mapping.runs;
  if (runs.length !== 1 || runs[0].atomic || runs[0].virtualStart !== 0) return undefined;
  if (block.kind === 'heading' || block.kind === 'tableCell') return undefined;
  const blockStart = runs[0].originalStart;
  const blockEnd = blockStart + runs[0].originalLength;
  // Inside the paragraph, never at its first character: that one decides what the line is.
  if (change.start <= blockStart || change.oldEnd > blockEnd) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const from = change.start - blockStart;
  const text = after.slice(blockStart, blockEnd + delta);
  if (INLINE_MARKUP.test(text) || EDGE_SPACE.test(text)) return undefined;
  // The edited line keeps its first character, and that is a letter: no block marker.
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  if (lineStart >= from || !/\p{L}/u.test(text[lineStart])) return undefined;
  const mapping = new BlockMapping();
  mapping.addContiguous(text, blockStart);
  const blocks: ProseBlock[] = previous.blocks.map((each, at) => {
    if (at < index) return each;
    if (at === index) return { ...each, mapping };
    return { ...each, mapping: each.mapping.shifted(delta) };
  });
  const controls = previous.controls.map((control) =>
    control.start >= change.oldEnd ? { ...control, start: control.start + delta, end: control.end + delta } : control,
  );
  return { ...previous, blocks, controls };
}

/** The block whose original text holds `offset` (or ends at it), else -1. */
function blockAt(blocks: readonly ProseBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const runs = blocks[mid].mapping.runs;
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (!first || !last) return -1;
    if (offset < first.originalStart) high = mid - 1;
    else if (offset > last.originalStart + last.originalLength) low = mid + 1;
    else return mid;
  }
  return -1;
}
