/**
 * The engine as the web page's worker uses it: the public lint API plus the
 * rule catalogue the page draws its controls from. No file system and no Node
 * built-ins are used here: the browser bundle (`scripts/build-web.mjs`) gives
 * the engine's few Node-only imports shims, and this module stays importable
 * under Node so its behaviour is tested without a browser.
 */
import type { RuleInfo } from './browser-config.js';
import { type Config, inPreset, PRESETS, type PresetName } from './engine/config.js';
import { applyFixes, fixText } from './engine/fixes.js';
import { IncrementalLinter } from './engine/incremental.js';
import { type FileWarning, type Finding, lint } from './engine/lint.js';
import type { FormatName } from './formats/index.js';
import { rules } from './rules/index.js';
import { DOCS_BASE } from './shared/rule.js';

export { configFor, type RuleInfo } from './browser-config.js';
export type { Config, FileWarning, Finding, FormatName, PresetName };
export { applyFixes, fixText, IncrementalLinter, lint, PRESETS };

export function ruleCatalog(): RuleInfo[] {
  return rules.map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    category: rule.meta.category,
    fixable: rule.meta.fixable,
    defaultSeverity: rule.meta.defaultSeverity,
    presets: PRESETS.filter((preset) => inPreset(rule.meta, preset)),
    url: `${DOCS_BASE}${rule.meta.id}`,
  }));
}
