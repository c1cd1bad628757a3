/** Messages between the page and its lint worker. */
import type { Config, FileWarning, Finding, FormatName, RuleInfo } from '../src/browser.js';

/** The text a translation was made from (the source pane), read in the translation's format. */
export interface SourceText {
  text: string;
  /** BCP 47 tag of its language; unset, the rules that need it do without (as the command line's `--source`). */
  language?: string;
}

export type ToWorker =
  | { type: 'lint'; id: number; text: string; format: FormatName; config: Config; source?: SourceText }
  | { type: 'fix-all'; id: number; text: string; format: FormatName; config: Config; source?: SourceText }
  /** A chunk's code, or null when the page could not load it. */
  | { type: 'chunk'; name: string; code: string | null };

export type FromWorker =
  | { type: 'ready'; rules: RuleInfo[] }
  /** Lazy chunks a rule asked for; the page answers with a `chunk` message for each. */
  | { type: 'need'; names: string[] }
  /** `warnings`: problems with the file as a whole, such as a source whose paragraphs do not pair with the text's. */
  | { type: 'linted'; id: number; findings: Finding[]; warnings: FileWarning[]; milliseconds: number }
  | { type: 'fixed'; id: number; output: string; applied: number; findings: Finding[]; milliseconds: number }
  | { type: 'failed'; id: number; message: string };

/** Which lazy chunk provides each module the engine loads on first use. */
export const CHUNK_OF_MODULE: Readonly<Record<string, string>> = {
  pos: 'pos',
  franc: 'franc',
  'dale-chall': 'readability',
  spache: 'readability',
  syllable: 'readability',
};
