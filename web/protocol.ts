/** Messages between the page and its lint worker. */
import type { Config, Finding, FormatName, RuleInfo } from '../src/browser.js';

export type ToWorker =
  | { type: 'lint'; id: number; text: string; format: FormatName; config: Config }
  | { type: 'fix-all'; id: number; text: string; format: FormatName; config: Config }
  /** A chunk's code, or null when the page could not load it. */
  | { type: 'chunk'; name: string; code: string | null };

export type FromWorker =
  | { type: 'ready'; rules: RuleInfo[] }
  /** Lazy chunks a rule asked for; the page answers with a `chunk` message for each. */
  | { type: 'need'; names: string[] }
  | { type: 'linted'; id: number; findings: Finding[]; milliseconds: number }
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
