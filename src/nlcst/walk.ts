/**
 * Small helpers over nlcst trees shared by all rules, so no rule re-implements
 * tree walking, offsets or sentence access.
 */
import type { Node, Paragraph, Parent, Root, Sentence, SentenceContent, Word } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';

export type { Paragraph, Root, Sentence, SentenceContent, Word };

/** Kind of block a paragraph came from (set by the format layer on `data.block`). */
export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell' | 'blockquote' | 'caption' | 'other';

export interface ParagraphData {
  block?: BlockKind;
}

export function toText(node: Node | Node[]): string {
  return nlcstToString(node as Parameters<typeof nlcstToString>[0]);
}

export function startOf(node: Node): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Node): number {
  return node.position?.end.offset ?? 0;
}

export function paragraphsOf(tree: Root): Paragraph[] {
  const result: Paragraph[] = [];
  for (const child of tree.children) if (child.type === 'ParagraphNode') result.push(child);
  return result;
}

export function sentencesOf(paragraph: Paragraph): Sentence[] {
  const result: Sentence[] = [];
  for (const child of paragraph.children) if (child.type === 'SentenceNode') result.push(child);
  return result;
}

/** Calls `visitor` with every sentence of the tree in document order. */
export function eachSentence(tree: Root, visitor: (sentence: Sentence, paragraph: Paragraph) => void): void {
  for (const paragraph of paragraphsOf(tree)) {
    for (const sentence of sentencesOf(paragraph)) visitor(sentence, paragraph);
  }
}

export function blockKind(paragraph: Paragraph): BlockKind {
  return ((paragraph.data as ParagraphData | undefined)?.block ?? 'paragraph') as BlockKind;
}

/**
 * The flat token sequence of a sentence: words, punctuation, symbols and white
 * space, with the pieces of a word kept whole.
 */
export function tokensOf(sentence: Sentence): SentenceContent[] {
  return sentence.children;
}

/** Depth-first walk over every node below `node` (iterative: trees can be deep). */
export function walk(node: Node, visitor: (node: Node, parent: Parent | undefined) => void): void {
  const stack: Array<[Node, Parent | undefined]> = [[node, undefined]];
  while (stack.length > 0) {
    const [current, parent] = stack.pop() as [Node, Parent | undefined];
    visitor(current, parent);
    const children = (current as Parent).children;
    if (children)
      for (let index = children.length - 1; index >= 0; index--) stack.push([children[index], current as Parent]);
  }
}

export function isWord(node: Node | undefined): node is Word {
  return node?.type === 'WordNode';
}

export function isWhiteSpace(node: Node | undefined): boolean {
  return node?.type === 'WhiteSpaceNode';
}

export function isPunctuation(node: Node | undefined): boolean {
  return node?.type === 'PunctuationNode' || node?.type === 'SymbolNode';
}

/** The literal value of a leaf node, or the text of a parent. */
export function literalOf(node: Node | undefined): string {
  if (!node) return '';
  const literal = (node as { value?: unknown }).value;
  return typeof literal === 'string' ? literal : toText(node);
}
