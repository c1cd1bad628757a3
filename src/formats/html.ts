/**
 * HTML → prose blocks. Block elements (p, h1–h6, li, td, …) start a block;
 * inline elements continue it; script, style, pre, template and the like are
 * skipped, inline code becomes a placeholder. Text node values are decoded,
 * so they are aligned with the source to keep entities (`&amp;`) mapped.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockKind } from '../nlcst/walk.js';
import { guardHtml } from './guard.js';
import { BlockMapping, PLACEHOLDER } from './mapping.js';
import { type ControlComment, type ExtractedDocument, type ProseBlock, parseControlComment } from './types.js';

const SKIPPED = new Set([
  'script',
  'style',
  'pre',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'head',
  'iframe',
  'object',
  'canvas',
]);
const PLACEHOLDERS = new Set(['code', 'kbd', 'samp', 'var', 'img', 'input', 'video', 'audio', 'picture']);
const BLOCKS: Record<string, BlockKind> = {
  p: 'paragraph',
  div: 'paragraph',
  section: 'paragraph',
  article: 'paragraph',
  main: 'paragraph',
  header: 'paragraph',
  footer: 'paragraph',
  aside: 'paragraph',
  nav: 'other',
  body: 'paragraph',
  html: 'paragraph',
  address: 'paragraph',
  details: 'paragraph',
  summary: 'heading',
  form: 'other',
  fieldset: 'other',
  legend: 'heading',
  label: 'other',
  button: 'other',
  option: 'other',
  title: 'heading',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  li: 'listItem',
  dt: 'listItem',
  dd: 'listItem',
  ul: 'other',
  ol: 'other',
  dl: 'other',
  table: 'other',
  thead: 'other',
  tbody: 'other',
  tfoot: 'other',
  tr: 'other',
  td: 'tableCell',
  th: 'tableCell',
  caption: 'caption',
  figcaption: 'caption',
  figure: 'paragraph',
  blockquote: 'blockquote',
  hr: 'other',
};

export function extractHtml(original: string): ExtractedDocument {
  // Start tags nested absurdly deep are read as text (see guard.ts); offsets are the same.
  const guarded = guardHtml(original);
  const text = guarded ?? original;
  const tree: Root = fromHtml(text);
  const blocks: ProseBlock[] = [];
  const controls: ControlComment[] = [];
  let current: ProseBlock | undefined;

  const flush = () => {
    if (current && current.mapping.text.trim().length > 0) blocks.push(current);
    current = undefined;
  };
  const open = (kind: BlockKind) => {
    if (!current) current = { kind, mapping: new BlockMapping() };
    return current;
  };

  // Iterative walk: documents can nest deeply.
  type Frame = { node: Nodes; kind: BlockKind; exit?: boolean };
  const stack: Frame[] = [{ node: tree, kind: 'paragraph' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const node = frame.node;
    if (frame.exit) {
      flush();
      continue;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'comment') {
      if (start !== undefined) {
        const control = parseControlComment(`<!--${node.value}-->`, start);
        if (control) controls.push(control);
      }
      continue;
    }
    if (node.type === 'text') {
      // Text without a position was implied by the parser; it is not in the file.
      if (start === undefined || end === undefined) continue;
      if (!current && node.value.trim().length === 0) continue;
      open(frame.kind).mapping.addAligned(node.value, text.slice(start, end), start);
      continue;
    }
    if (node.type === 'element') {
      const name = (node as Element).tagName;
      if (SKIPPED.has(name)) continue;
      if (PLACEHOLDERS.has(name)) {
        if (start !== undefined && end !== undefined) open(frame.kind).mapping.addAtomic(PLACEHOLDER, start, end);
        continue;
      }
      if (name === 'br') {
        if (current && start !== undefined && end !== undefined) current.mapping.addAtomic('\n', start, end);
        continue;
      }
      const blockKind = BLOCKS[name];
      if (blockKind !== undefined) {
        flush();
        stack.push({ node, kind: blockKind, exit: true });
        pushChildren(stack, node, blockKind === 'other' ? frame.kind : blockKind);
        continue;
      }
      pushChildren(stack, node, frame.kind);
      continue;
    }
    if (node.type === 'root') pushChildren(stack, node, frame.kind);
  }
  flush();
  if (guarded !== undefined) for (const block of blocks) block.mapping.restore(original);
  return { format: 'html', blocks, controls };
}

function pushChildren(stack: Array<{ node: Nodes; kind: BlockKind }>, node: Root | Element, kind: BlockKind): void {
  const element = node as Element;
  const children = (element.tagName === 'template' ? [] : node.children) as Nodes[];
  for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], kind });
}
