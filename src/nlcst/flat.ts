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

interface Leaf {
  from: number;
  to: number;
  start: number;
  end: number;
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

function build(node: Node): FlatText {
  const leaves: Leaf[] = [];
  const parts: string[] = [];
  let length = 0;
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
    leaves.push({ from: length, to: length + value.length, start, end });
    parts.push(value);
    length += value.length;
  }
  const text = parts.join('');

  /** Position in `leaves` of the leaf holding `index`, or -1 (binary search). */
  const findIndex = (index: number): number => {
    let low = 0;
    let high = leaves.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const leaf = leaves[mid];
      if (index < leaf.from) high = mid - 1;
      else if (index >= leaf.to) low = mid + 1;
      else return mid;
    }
    return -1;
  };
  const find = (index: number): Leaf | undefined => leaves[findIndex(index)];
  const direct = (leaf: Leaf) => leaf.end - leaf.start === leaf.to - leaf.from;

  return {
    text,
    startAt(index) {
      const leaf = find(index);
      if (!leaf) return leaves.length > 0 ? leaves[leaves.length - 1].end : 0;
      return direct(leaf) ? leaf.start + (index - leaf.from) : leaf.start;
    },
    endAt(index) {
      if (index <= 0) return leaves[0]?.start ?? 0;
      const leaf = find(index - 1);
      if (!leaf) return leaves.length > 0 ? leaves[leaves.length - 1].end : 0;
      return direct(leaf) ? leaf.start + (index - leaf.from) : leaf.end;
    },
    isDirect(from, to) {
      if (to <= from) {
        const leaf = find(from) ?? find(from - 1);
        return leaf ? direct(leaf) : false;
      }
      const firstIndex = findIndex(from);
      if (firstIndex < 0) return false;
      const first = leaves[firstIndex];
      let expected = first.start + (from - first.from);
      for (let index = firstIndex; index < leaves.length && leaves[index].from < to; index++) {
        const leaf = leaves[index];
        if (!direct(leaf)) return false;
        const offset = leaf.start + (Math.max(from, leaf.from) - leaf.from);
        if (offset !== expected) return false;
        expected = leaf.start + (Math.min(to, leaf.to) - leaf.from);
      }
      return true;
    },
  };
}
