/**
 * Markdown → prose blocks. Paragraphs, headings and table cells are prose;
 * code (fenced, indented, inline), front matter, HTML and bare URLs are not.
 * We build our own blocks rather than use `remark-retext`, whose bridge falls
 * back to a Latin parser ("Mr. Smith" becomes two sentences).
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { BlockKind } from '../nlcst/walk.js';
import { guardMarkdown } from './guard.js';
import { BlockMapping, PLACEHOLDER } from './mapping.js';
import { type ControlComment, type ExtractedDocument, type ProseBlock, parseControlComment } from './types.js';

export function extractMarkdown(original: string): ExtractedDocument {
  // Adversarial markup is read as text (see guard.ts); offsets are the same.
  const guarded = guardMarkdown(original);
  const text = guarded ?? original;
  const tree: Root = fromMarkdown(text, {
    // GFM without autolink literals: their resolver is quadratic on long
    // multi-line paragraphs, and bare URLs are left alone by the rules anyway.
    extensions: [frontmatter(['yaml', 'toml']), gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem()],
    mdastExtensions: [
      frontmatterFromMarkdown(['yaml', 'toml']),
      gfmTableFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmFootnoteFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    ],
  });
  const blocks: ProseBlock[] = [];
  const controls: ControlComment[] = [];
  walkBlocks(tree, 'paragraph', text, blocks, controls);
  if (guarded !== undefined) for (const block of blocks) block.mapping.restore(original);
  return { format: 'md', blocks, controls };
}

function walkBlocks(
  node: Parents,
  kind: BlockKind,
  text: string,
  blocks: ProseBlock[],
  controls: ControlComment[],
): void {
  for (const child of node.children as Nodes[]) {
    switch (child.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const blockKind: BlockKind =
          child.type === 'heading' ? 'heading' : child.type === 'tableCell' ? 'tableCell' : kind;
        const mapping = new BlockMapping();
        addPhrasing(child.children, text, mapping, controls);
        if (mapping.length > 0) blocks.push({ kind: blockKind, mapping });
        break;
      }
      case 'html': {
        collectControls(child.value, child.position?.start.offset ?? 0, controls);
        break;
      }
      case 'blockquote':
        walkBlocks(child, 'blockquote', text, blocks, controls);
        break;
      case 'listItem':
        walkBlocks(child, 'listItem', text, blocks, controls);
        break;
      case 'list':
      case 'table':
      case 'tableRow':
      case 'footnoteDefinition':
        walkBlocks(child, kind, text, blocks, controls);
        break;
      default:
        // code, yaml, toml, thematicBreak, definition: not prose.
        break;
    }
  }
}

function addPhrasing(nodes: PhrasingContent[], text: string, mapping: BlockMapping, controls: ControlComment[]): void {
  for (const node of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    switch (node.type) {
      case 'text':
        mapping.addAligned(node.value, text.slice(start, end), start);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        addPhrasing(node.children, text, mapping, controls);
        break;
      case 'link': {
        // A bare URL (autolink) is not prose.
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url)) {
          mapping.addAtomic(PLACEHOLDER, start, end);
        } else addPhrasing(node.children, text, mapping, controls);
        break;
      }
      case 'break':
        mapping.addAtomic('\n', start, end);
        break;
      case 'html':
        collectControls(node.value, start, controls);
        mapping.addAtomic(PLACEHOLDER, start, end);
        break;
      default:
        // inlineCode, image, imageReference, footnoteReference.
        mapping.addAtomic(PLACEHOLDER, start, end);
        break;
    }
  }
}

/** Finds control comments in raw HTML that starts at `offset` of the original text. */
export function collectControls(html: string, offset: number, controls: ControlComment[]): void {
  if (!html.includes('mtlint-')) return;
  // indexOf, not /<!--[\s\S]*?-->/g: the regex rescans to the end from every unclosed `<!--` (quadratic).
  let start = html.indexOf('<!--');
  while (start >= 0) {
    const end = html.indexOf('-->', start + 4);
    if (end < 0) break;
    const control = parseControlComment(html.slice(start, end + 3), offset + start);
    if (control) controls.push(control);
    start = html.indexOf('<!--', end + 3);
  }
}
