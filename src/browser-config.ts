/**
 * The config file a choice of rules amounts to, from the rule catalogue alone
 * (no engine import), so the page's main thread can build it without loading
 * the rules: only the differences from the preset are written, and the file
 * keeps following the preset as rules are added to it.
 */
import type { Config, PresetName, RuleSettingInput } from './engine/config.js';
import type { RuleCategory } from './shared/rule.js';

/** What the page shows about a rule. */
export interface RuleInfo {
  id: string;
  description: string;
  category: RuleCategory;
  fixable: boolean;
  defaultSeverity: 'warn' | 'error';
  /** The presets the rule is on in. */
  presets: PresetName[];
  /** The rule's documentation. */
  url: string;
}

/** `enabled` lists every rule that should be on. */
export function configFor(catalog: readonly RuleInfo[], preset: PresetName, enabled: ReadonlySet<string>): Config {
  const changes: Record<string, RuleSettingInput> = {};
  for (const rule of catalog) {
    const on = enabled.has(rule.id);
    if (on !== rule.presets.includes(preset)) changes[rule.id] = on ? rule.defaultSeverity : 'off';
  }
  const config: Config = { extends: preset };
  if (Object.keys(changes).length > 0) config.rules = changes;
  return config;
}
