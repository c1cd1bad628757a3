/**
 * The format layer: original text → prose blocks → nlcst trees whose positions
 * point into the original text. Each block is parsed on its own (the English
 * parser is much slower on one huge input than on its paragraphs), and blocks
 * are grouped into trees of bounded size so memory stays flat on huge files.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Node, Paragraph, Parent, Root } from 'nlcst';
import { flattenAs } from '../nlcst/flat.js';
import { PARSED, englishParser as parser } from '../nlcst/parse.js';
import { loadLazyModules } from '../shared/lazy.js';
import { isParserWhiteSpace } from '../text/triggers.js';
import type { LineIndex, Point } from './lines.js';
import { EditableIndex } from './mapping.js';
import { escapePo, extractPo } from './po.js';
import { extractText, textBlocks, textControls } from './txt.js';

export { textBlocks, textControls };

import type { ExtractedDocument, FormatName, ProseBlock } from './types.js';

export { InputError } from './errors.js';
export { LineIndex } from './lines.js';
export type { ControlComment, ExtractedDocument, FormatName, ProseBlock } from './types.js';

const EXTENSIONS: Record<string, FormatName> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.mdown': 'md',
  '.mkd': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.po': 'po',
  '.pot': 'po',
};

/** Found by a folder walk. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(EXTENSIONS));

/**
 * Message catalogs: read as catalogs when named or mapped by `sources`, never
 * picked up by a folder walk (every `package.json` is JSON, not prose).
 */
const CATALOG_EXTENSIONS: Record<string, FormatName> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

/**
 * Markdown dialects a folder walk takes only when asked (`--ext .mdx`): read
 * as Markdown, so their code blocks are skipped (MDX's JSX lines are read as
 * text). Any other extension asked for is read as plain text.
 */
const MARKDOWN_DIALECTS: Record<string, FormatName> = { '.mdx': 'md', '.mkdn': 'md', '.markdn': 'md' };

/** The format for a path: by extension, plain text otherwise. */
export function formatFor(filePath: string | undefined): FormatName {
  if (!filePath) return 'txt';
  const extension = extname(filePath).toLowerCase();
  return EXTENSIONS[extension] ?? MARKDOWN_DIALECTS[extension] ?? CATALOG_EXTENSIONS[extension] ?? 'txt';
}

export function isFormatName(value: string): value is FormatName {
  return ['txt', 'md', 'html', 'xliff', 'po', 'json', 'yaml'].includes(value);
}

type Extractor = (text: string) => ExtractedDocument;

/**
 * The Markdown and HTML front ends (micromark, parse5: a third of a small
 * run's start-up) load on first use, so plain-text runs never pay for them.
 */
const extractors: { md?: Extractor; html?: Extractor; xliff?: Extractor } = {};
/** The catalog reader (jsonc-parser, yaml) loads on the first JSON or YAML catalog. */
let catalogModule: typeof import('./catalog.js') | undefined;

/** Loads the Markdown and HTML front ends ahead of use (needed before `lint` only on Node < 20.19). */
export async function loadFormats(): Promise<void> {
  extractors.md ??= (await import('./markdown.js')).extractMarkdown;
  extractors.html ??= (await import('./html.js')).extractHtml;
  extractors.xliff ??= (await import('./xliff.js')).extractXliff;
  catalogModule ??= await import('./catalog.js');
  // The rules' and reporters' lazy modules too (see shared/lazy.ts): same Node limit.
  await loadLazyModules();
}

/** True when this Node can load an ES module synchronously (`require(esm)`, Node ≥ 20.19). */
export function canRequireModules(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true;
}

function extractorFor(format: 'md' | 'html' | 'xliff'): Extractor {
  let extractor = extractors[format];
  if (!extractor) {
    if (!canRequireModules()) throw new Error(`the ${format} format is not loaded: await loadFormats() first`);
    const require = createRequire(import.meta.url);
    extractor =
      format === 'md'
        ? (require('./markdown.js') as typeof import('./markdown.js')).extractMarkdown
        : format === 'html'
          ? (require('./html.js') as typeof import('./html.js')).extractHtml
          : (require('./xliff.js') as typeof import('./xliff.js')).extractXliff;
    extractors[format] = extractor;
  }
  return extractor;
}

export function extract(text: string, format: FormatName): ExtractedDocument {
  if (format === 'txt') return extractText(text);
  if (format === 'po') return extractPo(text);
  if (format === 'json' || format === 'yaml') return extractCatalog(text, format);
  try {
    return extractorFor(format)(text);
  } catch (error) {
    // Last resort when a parser overflows the stack on markup the guards did not
    // foresee: lint the file as plain text, and fix nothing in it.
    if (!(error instanceof RangeError)) throw error;
    return { ...extractText(text), format, degraded: true };
  }
}

function catalogs(): typeof import('./catalog.js') {
  if (!catalogModule) {
    if (!canRequireModules()) throw new Error('the catalog formats are not loaded: await loadFormats() first');
    catalogModule = createRequire(import.meta.url)('./catalog.js') as typeof import('./catalog.js');
  }
  return catalogModule;
}

/** A JSON or YAML message catalog, paired by key path with `source` when given (see `catalog.ts`). */
export function extractCatalog(
  text: string,
  format: 'json' | 'yaml',
  source?: import('./catalog.js').CatalogSource,
): ExtractedDocument {
  return catalogs().extractCatalog(text, format, source);
}

/**
 * A fix's replacement text as it must be written into a file of `format`:
 * inside a PO or JSON string, quotes and backslashes are escaped; inside XML,
 * `&`, `<` and `>` are written as references; `undefined` when it cannot be
 * written safely (YAML: see `escapeYaml`). Other formats take it as is.
 */
export function escapeForFormat(format: FormatName, value: string): string | undefined {
  if (format === 'po') return escapePo(value);
  if (format === 'json') return catalogs().escapeJson(value);
  if (format === 'yaml') return catalogs().escapeYaml(value);
  if (format === 'xliff')
    return value.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
  return value;
}

export function editableIndex(document: ExtractedDocument): EditableIndex {
  const index = new EditableIndex();
  if (document.degraded) return index;
  for (const block of document.blocks) index.add(block.mapping);
  return index;
}

/** Upper bound of prose per tree; an ordinary article fits in one. */
export const DEFAULT_CHUNK_SIZE = 512 * 1024;

/**
 * Parses blocks into trees of at most `chunkSize` characters each (a block is
 * never split), with positions in original-text coordinates.
 *
 * With `lazy`, a block that is one stretch of the original (plain text, most
 * Markdown paragraphs) becomes a paragraph whose sentences and words are
 * parsed the first time something reads its `children`: rules that read only
 * the paragraph's text (`flatten`) never pay for the parse. Where no rule
 * needs the words, the paragraph stays text, with the same text, offsets,
 * position and data as when parsed.
 */
export function* buildTrees(
  blocks: Iterable<ProseBlock>,
  lines: LineIndex,
  chunkSize: number = DEFAULT_CHUNK_SIZE,
  lazy = false,
): Generator<Root> {
  let children: Paragraph[] = [];
  let size = 0;
  for (const block of blocks) {
    const paragraph = (lazy ? lazyBlock(block, lines) : undefined) ?? parseBlock(block, lines);
    if (!paragraph) continue;
    children.push(paragraph);
    size += block.mapping.length;
    if (size >= chunkSize) {
      yield rootOf(children);
      children = [];
      size = 0;
    }
  }
  if (children.length > 0) yield rootOf(children);
}

/** A tree of whole paragraphs, positioned from its first to its last. */
export function rootOf(children: Paragraph[]): Root {
  const first = children[0].position;
  const last = children[children.length - 1].position;
  return {
    type: 'RootNode',
    children,
    position: first && last ? { start: first.start, end: last.end } : undefined,
  };
}

/**
 * Longest stretch of prose given to the English parser at once. parse-latin
 * spreads a word's pieces into one call (`push(...tokens)`), which overflows
 * the stack on a ~500k-piece "word" such as `s.s.s.…`; longer blocks are
 * parsed in pieces cut after a sentence, else at white space, else anywhere
 * (not inside a surrogate pair), and the pieces' sentences form one paragraph.
 * Real paragraphs are far shorter.
 */
export const MAX_PARSE_LENGTH = 32 * 1024;

/** One block parsed into a paragraph positioned in the original text (`undefined`: no prose). */
export function parseBlock(block: ProseBlock, lines: LineIndex): Paragraph | undefined {
  const virtual = block.mapping.text;
  if (virtual.trim().length === 0) return undefined;
  if (virtual.length > MAX_PARSE_LENGTH) return parseLongBlock(virtual, block, lines);
  const parsed = parser.parse(virtual);
  // The parser may split on blank lines inside a block; keep one paragraph per block.
  const paragraphs = parsed.children.filter((child): child is Paragraph => child.type === 'ParagraphNode');
  let paragraph: Paragraph;
  if (paragraphs.length === 1) paragraph = paragraphs[0];
  else {
    paragraph = { type: 'ParagraphNode', children: [] };
    appendContent(paragraph, parsed.children);
    paragraph.position = parsed.position;
  }
  paragraph.data = dataOf(block, paragraph.data);
  const runs = block.mapping.runs;
  if (runs.length === 1 && !runs[0].atomic && runs[0].virtualStart === 0)
    shiftInPlace(paragraph, runs[0].originalStart, lines);
  else remap(paragraph, block, lines);
  return paragraph;
}

/**
 * The paragraph of a block that maps one-to-one onto one stretch of the
 * original, not parsed yet; `undefined` for other blocks. White space at
 * either end is left to the parser (it puts it outside the paragraph), so the
 * position here is the one the parse would give.
 */
function lazyBlock(block: ProseBlock, lines: LineIndex): Paragraph | undefined {
  const runs = block.mapping.runs;
  if (runs.length !== 1 || runs[0].atomic || runs[0].virtualStart !== 0) return undefined;
  const text = block.mapping.text;
  if (text.length === 0 || text.length > MAX_PARSE_LENGTH) return undefined;
  if (isParserWhiteSpace(text.charCodeAt(0)) || isParserWhiteSpace(text.charCodeAt(text.length - 1))) return undefined;
  const start = runs[0].originalStart;
  let parsed: Paragraph['children'] | undefined;
  const paragraph = {
    type: 'ParagraphNode',
    position: { start: lines.toPoint(start), end: lines.toPoint(start + text.length) },
    data: dataOf(block, undefined),
    get children(): Paragraph['children'] {
      parsed ??= (parseBlock(block, lines) as Paragraph).children;
      return parsed;
    },
    set children(value: Paragraph['children']) {
      parsed = value;
    },
    get [PARSED](): boolean {
      return parsed !== undefined;
    },
  } as Paragraph;
  flattenAs(paragraph, text, start);
  return paragraph;
}

/** The paragraph's data: its block kind and, in bilingual mode, the source it translates. */
function dataOf(block: ProseBlock, data: Paragraph['data']): Paragraph['data'] {
  const result: Record<string, unknown> = { ...(data ?? {}), block: block.kind };
  if (block.source) result.source = block.source;
  return result as Paragraph['data'];
}

/** Paragraph content of `children` (paragraphs are unwrapped), without spreading huge arrays into one call. */
function appendContent(paragraph: Paragraph, children: readonly Node[]): void {
  for (const child of children) {
    if (child.type === 'ParagraphNode')
      for (const inner of (child as Paragraph).children) paragraph.children.push(inner);
    else paragraph.children.push(child as Paragraph['children'][number]);
  }
}

function parseLongBlock(virtual: string, block: ProseBlock, lines: LineIndex): Paragraph {
  const paragraph: Paragraph = {
    type: 'ParagraphNode',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: virtual.length } },
  };
  for (let from = 0; from < virtual.length; ) {
    const to = pieceEnd(virtual, from);
    const parsed = parser.parse(virtual.slice(from, to));
    if (from > 0) shift(parsed, from);
    appendContent(paragraph, parsed.children);
    from = to;
  }
  paragraph.data = dataOf(block, undefined);
  remap(paragraph, block, lines);
  return paragraph;
}

/** Where the piece that starts at `from` ends: after a sentence, else at white space, else at the limit. */
function pieceEnd(text: string, from: number): number {
  const limit = from + MAX_PARSE_LENGTH;
  if (limit >= text.length) return text.length;
  const floor = from + MAX_PARSE_LENGTH / 2;
  let space = -1;
  for (let index = limit; index > floor; index--) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13) continue;
    const before = text.charCodeAt(index - 1);
    if (before === 46 || before === 33 || before === 63) return index;
    if (space < 0) space = index;
  }
  if (space >= 0) return space;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/** Adds `by` to every offset in a parsed piece (positions become relative to the whole block). */
function shift(root: Node, by: number): void {
  // The parser shares point objects between nodes (a word and its text, a sentence and its first word):
  // each moves once, or a piece's later offsets land past the end of the text.
  const moved = new Set<object>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.offset === undefined || moved.has(point)) continue;
        point.offset += by;
        moved.add(point);
      }
    }
    const children = (node as Parent).children;
    if (children) for (const child of children) stack.push(child);
  }
}

/**
 * `remap` for the common block that is one stretch of the original (plain
 * text, most Markdown paragraphs): every offset moves by `by`, so the points
 * the parser made are moved in place instead of allocating new positions for
 * every node (a third of the parse's garbage). The parser shares point
 * objects between nodes (a word and its text, a sentence and its first
 * word); a moved point is marked by a negative offset until all are moved,
 * so none moves twice. Same offsets, lines and columns as `remap`: with one
 * run, both ways to map an offset add `by`, and the parser's points always
 * have offsets, an end never before its start.
 */
function shiftInPlace(root: Node, by: number, lines: LineIndex): void {
  const moved: Array<Point & { offset: number }> = [];
  const limit = lines.text.length;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const position = node.position;
    if (position) {
      const start = position.start as Point & { offset: number };
      const end = position.end as Point & { offset: number };
      if (start.offset >= 0) {
        start.offset = -Math.min(Math.max(0, start.offset + by), limit) - 1;
        moved.push(start);
      }
      if (end.offset >= 0) {
        end.offset = -Math.min(Math.max(0, end.offset + by), limit) - 1;
        moved.push(end);
      }
    }
    const children = (node as Parent).children;
    if (children) for (const child of children) stack.push(child);
  }
  for (const point of moved) lines.place(point, -point.offset - 1);
}

/** Rewrites every position from virtual to original coordinates. */
function remap(root: Node, block: ProseBlock, lines: LineIndex): void {
  const mapping = block.mapping;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const position = node.position;
    if (position) {
      const startOffset = position.start.offset ?? 0;
      const endOffset = position.end.offset ?? startOffset;
      const start = mapping.toOriginalStart(startOffset);
      const end = endOffset > startOffset ? mapping.toOriginalEnd(endOffset) : start;
      node.position = { start: lines.toPoint(start), end: lines.toPoint(Math.max(start, end)) };
    }
    const children = (node as Parent).children;
    if (children) for (const child of children) stack.push(child);
  }
}
