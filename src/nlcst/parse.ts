/**
 * The English parser every tree comes from, and what a rule may ask about a
 * paragraph's parse without causing it.
 *
 * The format layer parses a plain paragraph lazily (`lazyBlock` in
 * src/formats/index.ts): its sentences and words are parsed the first time
 * something reads its `children`. A rule that needs a paragraph's sentences
 * only in rare cases (a count that decides a verdict at `end`) asks
 * `isParsed` first: for a paragraph not parsed yet it keeps the paragraph's
 * offsets instead, and `sentenceRangesOf` parses that stretch of the original
 * later, only if the count is needed. The stretch gives the same sentences,
 * since a lazy paragraph's text is exactly that stretch and the same parser
 * parses it.
 */
import type { Node, Parent } from 'nlcst';
import { ParseEnglish } from 'parse-english';

/** The parser of every tree (stateless between calls). */
export const englishParser = new ParseEnglish();

const unparsed = new WeakSet<Node>();

/** Marks a lazy paragraph not parsed yet (the format layer calls it). */
export function markUnparsed(paragraph: Node): void {
  unparsed.add(paragraph);
}

/** Marks a lazy paragraph parsed (the format layer calls it when its children are first read or set). */
export function markParsed(paragraph: Node): void {
  unparsed.delete(paragraph);
}

/** False for a lazy paragraph whose `children` nobody has read yet (reading them would parse it). */
export function isParsed(paragraph: Node): boolean {
  return !unparsed.has(paragraph);
}

/**
 * The sentences of `text` as `[from, to)` indices into it, as a parse of the
 * text gives them (the sentences of a paragraph parsed from exactly this
 * text, in order).
 */
export function sentenceRangesOf(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const root = englishParser.parse(text);
  for (const child of root.children) {
    if (child.type !== 'ParagraphNode') continue;
    for (const sentence of (child as Parent).children) {
      if (sentence.type !== 'SentenceNode') continue;
      const position = sentence.position;
      if (position?.start.offset !== undefined && position.end.offset !== undefined)
        ranges.push([position.start.offset, position.end.offset]);
    }
  }
  return ranges;
}
