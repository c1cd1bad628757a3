/**
 * The format layer: original text → prose blocks → nlcst trees whose positions
 * point into the original text. Each block is parsed on its own (the English
 * parser is much slower on one huge input than on its paragraphs), and blocks
 * are grouped into trees of bounded size so memory stays flat on huge files.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Node, Paragraph, Parent, Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import type { LineIndex } from './lines.js';
import { EditableIndex } from './mapping.js';
import { extractText } from './txt.js';
import type { ExtractedDocument, FormatName, ProseBlock } from './types.js';

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
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(EXTENSIONS));

/** The format for a path: by extension, plain text otherwise. */
export function formatFor(filePath: string | undefined): FormatName {
  if (!filePath) return 'txt';
  return EXTENSIONS[extname(filePath).toLowerCase()] ?? 'txt';
}

export function isFormatName(value: string): value is FormatName {
  return value === 'txt' || value === 'md' || value === 'html';
}

type Extractor = (text: string) => ExtractedDocument;

/**
 * The Markdown and HTML front ends (micromark, parse5: a third of a small
 * run's start-up) load on first use, so plain-text runs never pay for them.
 */
const extractors: { md?: Extractor; html?: Extractor } = {};

/** Loads the Markdown and HTML front ends ahead of use (needed before `lint` only on Node < 20.19). */
export async function loadFormats(): Promise<void> {
  extractors.md ??= (await import('./markdown.js')).extractMarkdown;
  extractors.html ??= (await import('./html.js')).extractHtml;
}

/** True when this Node can load an ES module synchronously (`require(esm)`, Node ≥ 20.19). */
export function canRequireModules(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true;
}

function extractorFor(format: 'md' | 'html'): Extractor {
  let extractor = extractors[format];
  if (!extractor) {
    if (!canRequireModules()) throw new Error(`the ${format} format is not loaded: await loadFormats() first`);
    const require = createRequire(import.meta.url);
    extractor =
      format === 'md'
        ? (require('./markdown.js') as typeof import('./markdown.js')).extractMarkdown
        : (require('./html.js') as typeof import('./html.js')).extractHtml;
    extractors[format] = extractor;
  }
  return extractor;
}

export function extract(text: string, format: FormatName): ExtractedDocument {
  if (format === 'md' || format === 'html') return extractorFor(format)(text);
  return extractText(text);
}

export function editableIndex(document: ExtractedDocument): EditableIndex {
  const index = new EditableIndex();
  for (const block of document.blocks) index.add(block.mapping);
  return index;
}

/** Upper bound of prose per tree; an ordinary article fits in one. */
export const DEFAULT_CHUNK_SIZE = 512 * 1024;

const parser = new ParseEnglish();

/**
 * Parses blocks into trees of at most `chunkSize` characters each (a block is
 * never split), with positions in original-text coordinates.
 */
export function* buildTrees(
  blocks: readonly ProseBlock[],
  lines: LineIndex,
  chunkSize: number = DEFAULT_CHUNK_SIZE,
): Generator<Root> {
  let children: Paragraph[] = [];
  let size = 0;
  for (const block of blocks) {
    const paragraph = parseBlock(block, lines);
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

function rootOf(children: Paragraph[]): Root {
  const first = children[0].position;
  const last = children[children.length - 1].position;
  return {
    type: 'RootNode',
    children,
    position: first && last ? { start: first.start, end: last.end } : undefined,
  };
}

function parseBlock(block: ProseBlock, lines: LineIndex): Paragraph | undefined {
  const virtual = block.mapping.text;
  if (virtual.trim().length === 0) return undefined;
  const parsed = parser.parse(virtual);
  // The parser may split on blank lines inside a block; keep one paragraph per block.
  const paragraphs = parsed.children.filter((child): child is Paragraph => child.type === 'ParagraphNode');
  let paragraph: Paragraph;
  if (paragraphs.length === 1) paragraph = paragraphs[0];
  else {
    paragraph = { type: 'ParagraphNode', children: [] };
    for (const child of parsed.children) {
      if (child.type === 'ParagraphNode') paragraph.children.push(...child.children);
      else paragraph.children.push(child as Paragraph['children'][number]);
    }
    paragraph.position = parsed.position;
  }
  paragraph.data = { ...(paragraph.data ?? {}), block: block.kind } as Paragraph['data'];
  remap(paragraph, block, lines);
  return paragraph;
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
