import type { FileResult } from '../engine/result.js';
import type { RuleMeta } from '../shared/rule.js';

export interface ReportContext {
  /** Working directory: paths are shown relative to it where a format expects that. */
  cwd: string;
  color: boolean;
  /** Metadata of every rule (SARIF's rules table). */
  rules: ReadonlyArray<RuleMeta & { url: string }>;
  /** mtlint's version. */
  version: string;
  /** Terminal width in columns, when output goes to a terminal (`stylish` wraps messages to it). */
  width?: number;
  /** Only errors (`--quiet`). */
  quiet?: boolean;
}

export type Reporter = (results: FileResult[], context: ReportContext) => string;
