/**
 * Guards the Markdown and HTML parsers against adversarial input.
 *
 * micromark resolves emphasis, links and code spans by scanning back over
 * every open delimiter, so a paragraph made of thousands of `*a_ ` or `[ (](`
 * takes quadratic time (minutes for a few hundred kilobytes), and very deep
 * nesting (`> > > …`, `<div><div>…`) overflows the call stack in the tree
 * builders (`unist-util-visit-parents`, `hast-util-from-parse5` recurse).
 *
 * Before parsing, these functions return a copy of the text of the same
 * length in which the markup characters that would cause this are replaced by
 * an inert letter: in a stretch of lines with more than
 * `MAX_INLINE_DELIMITERS` delimiters of one kind, those delimiters; block-quote
 * markers and list markers beyond a sane depth; HTML start tags beyond
 * `MAX_HTML_DEPTH` open elements. Offsets are unchanged, and the format layer
 * puts the original characters back into the prose it extracts
 * (`BlockMapping.restore`), so the characters are read as literal text.
 * Ordinary documents are far below these limits and are parsed untouched.
 */

/** Delimiters of one kind in one run of lines above which they are read as text. */
export const MAX_INLINE_DELIMITERS = 400;
/** Nested block quotes kept (`>` markers on one line). */
export const MAX_QUOTE_DEPTH = 32;
/** Indentation (columns) beyond which a list marker is read as text. */
export const MAX_LIST_INDENT = 128;
/** Open HTML elements beyond which further start tags are read as text. */
export const MAX_HTML_DEPTH = 256;

/** The inert stand-in: a letter, so it neither opens nor closes anything. */
const INERT = 'x';

/** Delimiter classes that micromark resolves by scanning back: attention, links, code, HTML. */
const CLASS_OF: Record<string, number> = { '*': 0, _: 0, '~': 1, '[': 2, ']': 2, '`': 3, '<': 4 };
const CLASS_COUNT = 5;

/** A guarded copy of Markdown `text`, or `undefined` when it needs none. */
export function guardMarkdown(text: string): string | undefined {
  const marks: number[] = [];
  const lines = lineRanges(text);
  let runStart = 0;
  const flushRun = (runEnd: number) => {
    if (runEnd > runStart) neutraliseDelimiters(text, lines, runStart, runEnd, marks);
    runStart = runEnd;
  };
  for (let index = 0; index < lines.length; index += 2) {
    const start = lines[index];
    const end = lines[index + 1];
    const content = containerPrefix(text, start, end, marks);
    // A run of lines ends at a blank line and before a line that starts a list item, table row or heading.
    if (content >= end || isBlank(text, content, end)) {
      flushRun(index);
      runStart = index + 2;
      continue;
    }
    if (index > runStart && startsBlock(text, content, end)) flushRun(index);
  }
  flushRun(lines.length);
  return marks.length === 0 ? undefined : replaceAt(text, marks);
}

/** Start and end offsets of each line, flattened: [s0, e0, s1, e1, …] (ends exclude the line break). */
function lineRanges(text: string): number[] {
  const ranges: number[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      ranges.push(start, index);
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
      start = index + 1;
    }
  }
  ranges.push(start, text.length);
  return ranges;
}

/**
 * Skips block-quote markers (neutralising those beyond `MAX_QUOTE_DEPTH`) and
 * indentation (neutralising a list marker beyond `MAX_LIST_INDENT`); returns
 * where the line's content starts.
 */
function containerPrefix(text: string, start: number, end: number, marks: number[]): number {
  let index = start;
  let depth = 0;
  let column = 0;
  for (;;) {
    while (index < end && (text[index] === ' ' || text[index] === '\t')) {
      column += text[index] === '\t' ? 4 - (column % 4) : 1;
      index++;
    }
    if (index < end && text[index] === '>') {
      depth++;
      if (depth > MAX_QUOTE_DEPTH) marks.push(index);
      index++;
      column++;
      continue;
    }
    break;
  }
  if (column > MAX_LIST_INDENT && index < end) {
    const marker = listMarkerEnd(text, index, end);
    if (marker > index) for (let at = index; at < marker; at++) marks.push(at);
  }
  return index;
}

/** End of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `index`, or `index` when there is none. */
function listMarkerEnd(text: string, index: number, end: number): number {
  const char = text[index];
  if (char === '-' || char === '*' || char === '+') return index + 1;
  let at = index;
  while (at < end && at - index < 9 && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
  if (at > index && (text[at] === '.' || text[at] === ')')) return at + 1;
  return index;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

function startsBlock(text: string, start: number, end: number): boolean {
  const char = text[start];
  if (char === '|' || char === '#') return true;
  if ((char === '-' || char === '*' || char === '+') && (start + 1 >= end || text[start + 1] === ' ')) return true;
  return listMarkerEnd(text, start, end) > start;
}

/** In lines `[fromLine, toLine)`, neutralises each delimiter class that occurs too often. */
function neutraliseDelimiters(text: string, lines: number[], fromLine: number, toLine: number, marks: number[]): void {
  const counts = new Array<number>(CLASS_COUNT).fill(0);
  for (let index = fromLine; index < toLine; index += 2) {
    for (let at = lines[index]; at < lines[index + 1]; at++) {
      const kind = CLASS_OF[text[at]];
      if (kind !== undefined) counts[kind]++;
    }
  }
  if (counts.every((count) => count <= MAX_INLINE_DELIMITERS)) return;
  for (let index = fromLine; index < toLine; index += 2) {
    const start = lines[index];
    const end = lines[index + 1];
    if (isFenceOrBreak(text, start, end)) continue;
    for (let at = start; at < end; at++) {
      const kind = CLASS_OF[text[at]];
      if (kind !== undefined && counts[kind] > MAX_INLINE_DELIMITERS) marks.push(at);
    }
  }
}

/** A code fence (```, ~~~) or thematic break (***, ___) line: left alone so code stays code. */
function isFenceOrBreak(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && (text[index] === ' ' || text[index] === '>' || text[index] === '\t')) index++;
  const char = text[index];
  if (char !== '`' && char !== '~' && char !== '*' && char !== '_') return false;
  if (text[index + 1] === char && text[index + 2] === char) {
    if (char === '`' || char === '~') return true;
    for (let at = index; at < end; at++) if (text[at] !== char && text[at] !== ' ' && text[at] !== '\t') return false;
    return true;
  }
  return false;
}

/** Elements whose end tag is optional or that never contain others: they do not deepen the count. */
const FLAT_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);
const FORMATTING = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'iframe', 'noembed', 'noframes']);

/** A guarded copy of HTML `text`, or `undefined` when it needs none. */
export function guardHtml(text: string): string | undefined {
  const marks: number[] = [];
  const open: string[] = [];
  let index = text.indexOf('<');
  while (index >= 0 && index < text.length) {
    if (text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      if (close < 0) break;
      index = text.indexOf('<', close + 3);
      continue;
    }
    const closing = text[index + 1] === '/';
    const nameStart = index + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart || !isLetter(text.charCodeAt(nameStart))) {
      index = text.indexOf('<', index + 1);
      continue;
    }
    const name = text.slice(nameStart, nameEnd).toLowerCase();
    const tagEnd = text.indexOf('>', nameEnd);
    if (tagEnd < 0) break;
    if (closing) {
      // The end tag closes its element and what is open inside it, except formatting
      // elements, which the HTML parser re-opens (the adoption agency algorithm).
      const at = open.lastIndexOf(name);
      if (at >= 0) {
        const kept = open.slice(at + 1).filter((element) => FORMATTING.has(element));
        open.length = at;
        open.push(...kept);
      }
    } else if (RAW_TEXT.has(name)) {
      const close = findEndTag(text, name, tagEnd + 1);
      index = close < 0 ? -1 : text.indexOf('<', close + 2);
      continue;
    } else if (!FLAT_ELEMENTS.has(name) && text[tagEnd - 1] !== '/') {
      if (open.length >= MAX_HTML_DEPTH) marks.push(index);
      else open.push(name);
    }
    index = text.indexOf('<', tagEnd + 1);
  }
  return marks.length === 0 ? undefined : replaceAt(text, marks);
}

/** Offset of `</name` (any case) from `from`, or -1. */
function findEndTag(text: string, name: string, from: number): number {
  let at = text.indexOf('</', from);
  while (at >= 0) {
    if (text.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
    at = text.indexOf('</', at + 2);
  }
  return -1;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58;
}

/** `text` with the characters at `positions` replaced by the inert letter (same length). */
function replaceAt(text: string, positions: number[]): string {
  positions.sort((a, b) => a - b);
  const parts: string[] = [];
  let cursor = 0;
  for (const position of positions) {
    if (position < cursor) continue;
    parts.push(text.slice(cursor, position), INERT);
    cursor = position + 1;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
