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

/**
 * On a lazy paragraph (the format layer defines it): a getter, false until
 * the paragraph's children are first read or set. A symbol, so JSON and
 * `Object.keys` never see it, and part of the paragraph's literal, so it
 * costs no allocation.
 */
export const PARSED: unique symbol = Symbol('mtlint.parsed');

/** False for a lazy paragraph whose `children` nobody has read yet (reading them would parse it). */
export function isParsed(paragraph: Node): boolean {
  return (paragraph as Node & { [PARSED]?: boolean })[PARSED] !== false;
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
