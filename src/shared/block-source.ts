/** Shared by the format readers, which fill it, and the source-aware rules, which read it. */
/**
 * The source-language text that a target block translates (bilingual mode:
 * XLIFF and PO units, catalog entries, paired documents, JSONL pairs).
 * Source-aware rules read it; every other rule ignores it.
 */
export interface BlockSource {
  /** The source text as its reader decoded it (escapes resolved, inline codes as placeholders). */
  text: string;
  /** BCP 47 tag of the source language, when the input says. */
  language?: string;
  /** The file the source text is in, when it is not the linted file (paired documents). */
  file?: string;
  /** Offsets of the source text in that file (or in the linted file), for related locations. */
  start?: number;
  end?: number;
}
