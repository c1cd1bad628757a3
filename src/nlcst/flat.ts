/**
 * A paragraph or sentence as one string, with the way back to original
 * offsets. Rules that look for character patterns across tokens (`. .`,
 * `$ 500`) search this string and report through `startAt`/`endAt`.
 */
import type { Literal, Node, Parent } from 'nlcst';

export interface FlatText {
  /** The concatenated leaf values (markup already removed). */
  readonly text: string;
  /** Original offset of the character at `index` of `text`. */
  startAt(index: number): number;
  /** Original offset just after the character at `index - 1` of `text`. */
  endAt(index: number): number;
  /** True when `text[from, to)` maps one-to-one onto the original (safe to edit). */
  isDirect(from: number, to: number): boolean;
}

/** Rules flatten the same paragraphs; trees are not changed while rules run, so share the result. */
const cache = new WeakMap<Node, FlatText>();

export function flatten(node: Node): FlatText {
  let flat = cache.get(node);
  if (!flat) {
    flat = build(node);
    cache.set(node, flat);
  }
  return flat;
}

/**
 * The incremental engine moved the positions of a tree it keeps by `by`
 * characters (an edit before it): the flat text made of `node`, if any, moves
 * with them (rules keep flat texts by node, and flattening again costs more).
 */
export function moveFlattened(node: Node, by: number): void {
  const flat = cache.get(node);
  if (flat instanceof Flat) flat.move(by);
}

/**
 * Records that `node`'s leaves are `text`, one stretch of the original from
 * `start` on: a paragraph not parsed yet (see `buildTrees`) flattens without
 * its words. The same offsets as the parsed paragraph's leaves, which are
 * contiguous and each map one-to-one.
 */
export function flattenAs(node: Node, text: string, start: number): void {
  cache.set(
    node,
    text.length === 0
      ? new Flat('', [], [], [], [])
      : new Flat(text, [0], [text.length], [start], [start + text.length]),
  );
}

/**
 * The text of a node (its leaf values concatenated), without the offset map:
 * for words, which are looked at thousands of times per file. Same string as
 * `flatten(node).text`.
 */
export function textOf(node: Node): string {
  const value = (node as Literal).value;
  if (typeof value === 'string') return value;
  const children = (node as Parent).children;
  if (!children) return '';
  if (children.length === 1) return textOf(children[0]);
  let text = '';
  for (const child of children) text += textOf(child);
  return text;
}

/** `textOf(node).length`, without building the string. */
export function textLengthOf(node: Node): number {
  const value = (node as Literal).value;
  if (typeof value === 'string') return value.length;
  const children = (node as Parent).children;
  if (!children) return 0;
  let length = 0;
  for (const child of children) length += textLengthOf(child);
  return length;
}

function build(node: Node): FlatText {
  // Parallel arrays instead of one object per leaf: paragraphs have hundreds of leaves.
  const froms: number[] = [];
  const tos: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    const children = (current as Parent).children;
    if (children) {
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
      continue;
    }
    const value = (current as Literal).value;
    if (typeof value !== 'string' || value.length === 0) continue;
    const start = current.position?.start.offset ?? 0;
    const end = current.position?.end.offset ?? start;
    froms.push(text.length);
    tos.push(text.length + value.length);
    starts.push(start);
    ends.push(end);
    text += value;
  }
  return new Flat(text, froms, tos, starts, ends);
}

class Flat implements FlatText {
  constructor(
    readonly text: string,
    private readonly froms: number[],
    private readonly tos: number[],
    private readonly starts: number[],
    private readonly ends: number[],
  ) {}

  move(by: number): void {
    for (let leaf = 0; leaf < this.starts.length; leaf++) {
      this.starts[leaf] += by;
      this.ends[leaf] += by;
    }
  }

  /** Position of the leaf holding `index`, or -1 (binary search). */
  private findIndex(index: number): number {
    let low = 0;
    let high = this.froms.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (index < this.froms[mid]) high = mid - 1;
      else if (index >= this.tos[mid]) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  private direct(leaf: number): boolean {
    return this.ends[leaf] - this.starts[leaf] === this.tos[leaf] - this.froms[leaf];
  }

  private lastEnd(): number {
    return this.ends.length > 0 ? this.ends[this.ends.length - 1] : 0;
  }

  startAt(index: number): number {
    const leaf = this.findIndex(index);
    if (leaf < 0) return this.lastEnd();
    return this.direct(leaf) ? this.starts[leaf] + (index - this.froms[leaf]) : this.starts[leaf];
  }

  endAt(index: number): number {
    if (index <= 0) return this.starts.length > 0 ? this.starts[0] : 0;
    const leaf = this.findIndex(index - 1);
    if (leaf < 0) return this.lastEnd();
    return this.direct(leaf) ? this.starts[leaf] + (index - this.froms[leaf]) : this.ends[leaf];
  }

  isDirect(from: number, to: number): boolean {
    if (to <= from) {
      let leaf = this.findIndex(from);
      if (leaf < 0) leaf = this.findIndex(from - 1);
      return leaf >= 0 ? this.direct(leaf) : false;
    }
    const firstIndex = this.findIndex(from);
    if (firstIndex < 0) return false;
    let expected = this.starts[firstIndex] + (from - this.froms[firstIndex]);
    for (let leaf = firstIndex; leaf < this.froms.length && this.froms[leaf] < to; leaf++) {
      if (!this.direct(leaf)) return false;
      const offset = this.starts[leaf] + (Math.max(from, this.froms[leaf]) - this.froms[leaf]);
      if (offset !== expected) return false;
      expected = this.starts[leaf] + (Math.min(to, this.tos[leaf]) - this.froms[leaf]);
    }
    return true;
  }
}
