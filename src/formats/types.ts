import type { BlockKind } from '../nlcst/walk.js';
import type { BlockMapping } from './mapping.js';

export type FormatName = 'txt' | 'md' | 'html' | 'xliff' | 'po' | 'json' | 'yaml';

import type { BlockSource } from '../shared/block-source.js';

export type { BlockSource };

/** A source file a translated file is linted against (`--source`, the config's `sources`). */
export interface SourceFile {
  text: string;
  filePath: string;
  /** How messages name it; `filePath` by default. */
  name?: string;
  /** Its format; by its extension by default. */
  format?: FormatName;
}

/** One stretch of prose (a paragraph, heading, list item or table cell). */
export interface ProseBlock {
  kind: BlockKind;
  mapping: BlockMapping;
  /** Set in bilingual mode: what this block translates. */
  source?: BlockSource;
}

/** An inline control comment: `<!-- mtlint-disable rule-a -->` and friends. */
export interface ControlComment {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Offset where the comment starts / ends in the original text. */
  start: number;
  end: number;
}

export interface ExtractedDocument {
  format: FormatName;
  blocks: ProseBlock[];
  controls: ControlComment[];
  /** Set when the markup could not be parsed and the text was read as plain text (nothing is editable). */
  degraded?: boolean;
  /** BCP 47 tags of the target and source languages, when the input declares them (XLIFF, PO headers). */
  targetLanguage?: string;
  sourceLanguage?: string;
  /** File-level problems a reader found and worked around (a malformed unit, blocks that do not align). */
  warnings?: { message: string; start?: number; end?: number }[];
}

const CONTROL = /^<!--\s*mtlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->$/;

/** Parses `<!-- mtlint-disable a b -->`; other comments give `undefined`. */
export function parseControlComment(html: string, start: number): ControlComment | undefined {
  const match = CONTROL.exec(html.trim());
  if (!match) return undefined;
  const rules = match[2]
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0 && rule !== '--');
  return { kind: match[1] as ControlComment['kind'], rules, start, end: start + html.length };
}
