/**
 * Bilingual mode: the source text a paragraph translates, as the format layer
 * left it on the paragraph (`data.source`), and the helpers source-aware rules
 * share. A paragraph without a source is target-only: every source-aware rule
 * skips it.
 */
import type { Paragraph } from 'nlcst';
import type { BlockSource } from '../shared/block-source.js';
import type { RelatedPlace, RuleContext } from '../shared/rule.js';

export type { BlockSource };

/** What a source-aware rule needs to know about one paragraph's source. */
export interface ParagraphSource extends BlockSource {
  /** Primary language subtag of the source (`zh`, `de`), `und` when nobody said. */
  language: string;
}

/** The primary subtag of a BCP 47 tag, lower case (`zh-Hans-CN` → `zh`). */
export function primaryLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * The source of a paragraph, or `undefined` when it has none (target-only
 * input) or an empty one. Its language comes from the block, else from the
 * document (`sourceLanguage` of the lint call or the file's header).
 */
export function sourceOf(paragraph: Paragraph, context?: Pick<RuleContext, 'file'>): ParagraphSource | undefined {
  const source = (paragraph.data as { source?: BlockSource } | undefined)?.source;
  if (!source || source.text.trim() === '') return undefined;
  const language =
    primaryLanguage(source.language) ?? primaryLanguage(context?.file.data.mtlint?.sourceLanguage) ?? 'und';
  return { ...source, language };
}

/**
 * A related place in the source for characters `[from, to)` of `source.text`,
 * or `undefined` when the reader did not say where the source text is.
 */
export function sourcePlace(source: BlockSource, from: number, to: number, message: string): RelatedPlace | undefined {
  if (source.start === undefined) return undefined;
  const place: RelatedPlace = { message, start: source.start + from, end: source.start + Math.max(from, to) };
  if (source.file !== undefined) place.file = source.file;
  return place;
}
