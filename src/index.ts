/**
 * mtlint's public API.
 *
 * - `lint(text, options)`: findings for one text (no file system access).
 * - `lintFiles(paths, options)`: files, folders and globs with the config cascade.
 * - `applyFixes(text, findings)`: applies fixes as range edits.
 * - `rules`, `presets`: the registry; `recommended`: the preset as a unified plugin.
 */
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import { presetConfig } from './engine/config.js';
import { rules as registry } from './rules/index.js';

export type { Config, ConfigOverride, ResolvedConfig, RuleSettingInput } from './engine/config.js';
export { ConfigError, ConfigResolver, loadConfigFile, presetConfig, validateConfig } from './engine/config.js';
export { FileError } from './engine/files.js';
export { applyFixes, fixText } from './engine/fixes.js';
export type { Finding, LintOptions, LintResult } from './engine/lint.js';
export { lint } from './engine/lint.js';
export { lintFiles } from './engine/lint-files.js';
export type { LintFilesOptions } from './engine/plan.js';
export type { FileResult, LintFilesResult } from './engine/result.js';
export type { FormatName } from './formats/index.js';
export { loadFormats } from './formats/index.js';
export { getReporter, reporters } from './report/index.js';
export { getRule, rules } from './rules/index.js';
export type { Report, RuleContext, RuleMeta, RuleModule, TextEdit } from './shared/rule.js';
export { defineRule } from './shared/rule.js';
export { VERSION } from './version.js';

export const presets = Object.freeze({
  'mtlint:recommended': () => presetConfig('mtlint:recommended'),
  'mtlint:strict': () => presetConfig('mtlint:strict'),
  'mtlint:all': () => presetConfig('mtlint:all'),
});

/**
 * The recommended preset as one unified plugin, for use after `retext-english`:
 * `unified().use(retextEnglish).use(recommended)`. Messages carry mtlint ids.
 */
export const recommended: Plugin<[], Root> = function mtlintRecommended(this: import('unified').Processor) {
  const plugins = registry
    .filter((rule) => rule.meta.recommended)
    .map((rule) => rule.plugin([rule.meta.defaultSeverity]));
  return (tree: Root, file: import('vfile').VFile) => {
    for (const transform of plugins) transform?.(tree, file, () => undefined);
  };
} as unknown as Plugin<[], Root>;
