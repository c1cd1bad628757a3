/**
 * The noise model: injects MT artefacts into clean English at known offsets.
 * (First version: no kinds yet.)
 */
import type { Range } from './score.js';

export const INJECTION_KINDS = [] as const;
export type InjectionKind = string;

export interface Injection {
  kind: InjectionKind;
  /** UTF-16 ranges in the job's document; a finding overlapping one of them finds the artefact. */
  ranges: Range[];
}

export interface NoiseJob {
  key: string;
  language: string;
  document: { text: string };
  injections: Injection[];
}

export function noiseJobs(_sentences: readonly string[], _seed: number, _perKind: number): NoiseJob[] {
  return [];
}
