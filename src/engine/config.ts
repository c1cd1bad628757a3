/**
 * Configuration: data only (JSON or YAML), never code, so linting an untrusted
 * repository cannot run anything from it.
 *
 * Files: `.mtlintrc.json`, `.mtlintrc.yaml`, `.mtlintrc.yml`, or an `mtlint`
 * key in `package.json`, found from a file's folder upwards. Farther configs
 * apply first and nearer ones override them; `"root": true` stops the search.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { getRule, rules } from '../rules/index.js';
import type { RuleMeta, RuleModule, SeverityName } from '../shared/rule.js';
import { didYouMean } from '../shared/suggest.js';
import { ConfigSyntaxError, type ConfigText, type Position, parseConfigText } from './config-text.js';
import { sourceFromMapping, templateProblem } from './sources.js';

export const CONFIG_FILES = ['.mtlintrc.json', '.mtlintrc.yaml', '.mtlintrc.yml', 'package.json'] as const;
export const PRESETS = ['mtlint:recommended', 'mtlint:strict', 'mtlint:all'] as const;
export type PresetName = (typeof PRESETS)[number];

export type RuleSettingInput = SeverityName | 0 | 1 | 2 | [SeverityName | 0 | 1 | 2, Record<string, unknown>?];

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSettingInput>;
}

/** A configuration object as written in a file (or passed to the API). */
export interface Config {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  language?: string;
  /** More extensions a folder walk lints (`--ext`): `.mdx` as Markdown, others as plain text. */
  extensions?: string[];
  /** Ignore `mtlint-disable` comments (`--no-inline-config`). */
  noInlineConfig?: boolean;
  /** Report `mtlint-disable` comments that silence nothing (`--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  rules?: Record<string, RuleSettingInput>;
  overrides?: ConfigOverride[];
  /** Bilingual mode: glob of translated files → template of their source's path (see `sources.ts`). */
  sources?: Record<string, string>;
}

export interface EnabledRule {
  severity: 'warn' | 'error';
  options: Record<string, unknown>;
}

/** What a file is linted with: the enabled rules and their options. */
export interface ResolvedConfig {
  language: string;
  rules: Map<string, EnabledRule>;
  /** `extensions` of the configs that apply, farther first, each once. */
  extensions?: string[];
  /** Set when `mtlint-disable` comments are ignored. */
  noInlineConfig?: boolean;
  /** Set when comments that silence nothing are reported, and at which severity. */
  reportUnusedDisableDirectives?: 'warn' | 'error';
}

/** The options of a config that are not rules, as the CLI can set them (applied last, like `--rule`). */
export type LinterOptions = Pick<Config, 'noInlineConfig' | 'reportUnusedDisableDirectives'>;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
    /** Where in the file, when the file is known and the place was found. */
    readonly position?: Position,
  ) {
    const place = position ? `${file}:${position.line}:${position.column}` : file;
    super(`${place}${key ? `: ${key}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const TOP_LEVEL_KEYS = new Set([
  '$schema',
  'root',
  'extends',
  'language',
  'extensions',
  'noInlineConfig',
  'reportUnusedDisableDirectives',
  'rules',
  'overrides',
  'sources',
]);
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config that applies to one file: the object, the file it came from and its folder. */
interface LoadedConfig {
  config: Config;
  source: string;
  directory: string;
}

/** Whether a rule is on in a built-in preset: `recommended` ⊂ `strict` ⊂ `all`. */
export function inPreset(meta: Pick<RuleMeta, 'recommended' | 'strict'>, name: PresetName): boolean {
  if (name === 'mtlint:all') return true;
  if (name === 'mtlint:strict') return meta.recommended || meta.strict === true;
  return meta.recommended;
}

export function presetConfig(name: PresetName): ResolvedConfig {
  const resolved: ResolvedConfig = { language: 'en', rules: new Map() };
  for (const rule of rules) {
    if (inPreset(rule.meta, name)) {
      resolved.rules.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: {} });
    }
  }
  return resolved;
}

/** Reads and validates one config file (JSON, YAML or `package.json`). */
export function loadConfigFile(path: string): Config | undefined {
  let raw: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new ConfigError(path, '', 'not a regular file');
    if (stats.size > MAX_CONFIG_BYTES) throw new ConfigError(path, '', 'config file is larger than 1 MB');
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(path, '', `cannot read config (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let text: ConfigText;
  try {
    text = parseConfigText(path, raw);
  } catch (error) {
    if (error instanceof ConfigSyntaxError) throw new ConfigError(path, '', error.message, error.position);
    throw new ConfigError(path, '', `invalid config: ${(error as Error).message.split('\n')[0]}`);
  }
  let data = text.data;
  let keyPrefix = '';
  if (path.endsWith('package.json')) {
    if (!isObject(data) || !('mtlint' in data)) return undefined;
    data = data.mtlint;
    keyPrefix = 'mtlint.';
  }
  if (data === null || data === undefined) data = {};
  try {
    validateConfig(data, path);
  } catch (error) {
    if (!(error instanceof ConfigError) || error.position) throw error;
    const keyPath = `${keyPrefix}${error.key}`.replace(/\.$/, '');
    const position = keyPath ? text.locate(keyPath) : undefined;
    throw new ConfigError(error.file, error.key, error.problem, position);
  }
  return data as Config;
}

/** Throws a `ConfigError` naming the file and the key at fault. */
export function validateConfig(data: unknown, source: string): asserts data is Config {
  if (!isObject(data)) throw new ConfigError(source, '', 'config must be an object');
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.has(key)) throw new ConfigError(source, key, `unknown key \`${key}\``);
  }
  if (data.root !== undefined && typeof data.root !== 'boolean') {
    throw new ConfigError(source, 'root', 'must be true or false');
  }
  if (data.noInlineConfig !== undefined && typeof data.noInlineConfig !== 'boolean') {
    throw new ConfigError(source, 'noInlineConfig', 'must be true or false');
  }
  if (
    data.reportUnusedDisableDirectives !== undefined &&
    !['off', 'warn', 'error'].includes(data.reportUnusedDisableDirectives as string)
  ) {
    throw new ConfigError(source, 'reportUnusedDisableDirectives', 'must be "off", "warn" or "error"');
  }
  if (data.language !== undefined && (typeof data.language !== 'string' || !/^[a-z]{2,3}$/.test(data.language))) {
    throw new ConfigError(source, 'language', 'must be a language code such as `en`');
  }
  if (
    data.extensions !== undefined &&
    (!Array.isArray(data.extensions) ||
      !data.extensions.every((extension) => typeof extension === 'string' && /^\.[A-Za-z0-9][\w.-]*$/.test(extension)))
  ) {
    throw new ConfigError(source, 'extensions', 'must be a list of extensions such as [".mdx", ".rst"]');
  }
  if (data.extends !== undefined) {
    const list = Array.isArray(data.extends) ? data.extends : [data.extends];
    for (const entry of list) {
      if (typeof entry !== 'string') throw new ConfigError(source, 'extends', 'must be a string or a list of strings');
      if (entry.startsWith('mtlint:') && !(PRESETS as readonly string[]).includes(entry)) {
        throw new ConfigError(source, 'extends', `unknown preset \`${entry}\` (expected one of ${PRESETS.join(', ')})`);
      }
    }
  }
  if (data.rules !== undefined) validateRules(data.rules, source, 'rules');
  if (data.sources !== undefined) {
    if (!isObject(data.sources))
      throw new ConfigError(source, 'sources', 'must be an object of target globs to source paths');
    for (const [glob, template] of Object.entries(data.sources)) {
      if (typeof template !== 'string')
        throw new ConfigError(source, `sources.${glob}`, 'must be a source path such as `content/ru/{path}`');
      const problem = templateProblem(template);
      if (problem) throw new ConfigError(source, `sources.${glob}`, problem);
    }
  }
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) throw new ConfigError(source, 'overrides', 'must be a list');
    data.overrides.forEach((override, index) => {
      const key = `overrides[${index}]`;
      if (!isObject(override)) throw new ConfigError(source, key, 'must be an object');
      for (const name of Object.keys(override)) {
        if (!['files', 'excludedFiles', 'rules'].includes(name)) {
          throw new ConfigError(source, `${key}.${name}`, `unknown key \`${name}\``);
        }
      }
      if (!isGlobList(override.files))
        throw new ConfigError(source, `${key}.files`, 'must be a glob or a list of globs');
      if (override.excludedFiles !== undefined && !isGlobList(override.excludedFiles)) {
        throw new ConfigError(source, `${key}.excludedFiles`, 'must be a glob or a list of globs');
      }
      if (override.rules !== undefined) validateRules(override.rules, source, `${key}.rules`);
    });
  }
}

function validateRules(value: unknown, source: string, key: string): void {
  if (!isObject(value)) throw new ConfigError(source, key, 'must be an object of rule settings');
  for (const [id, setting] of Object.entries(value)) {
    const rule = getRule(id);
    const ruleKey = `${key}.${id}`;
    if (!rule) {
      throw new ConfigError(
        source,
        ruleKey,
        `unknown rule \`${id}\`${didYouMean(id, ruleIds())} (see \`mtlint --list-rules\`)`,
      );
    }
    parseSetting(setting, rule, source, ruleKey);
  }
}

/** Turns a rule setting into a severity and options, or throws. */
export function parseSetting(
  setting: unknown,
  rule: RuleModule<object>,
  source: string,
  key: string,
): { severity: SeverityName; options: Record<string, unknown> } {
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
  if (Array.isArray(setting) && (setting.length === 0 || setting.length > 2)) {
    throw new ConfigError(source, key, 'expected a severity or [severity, options]');
  }
  const severity = severityOf(level);
  if (!severity)
    throw new ConfigError(source, key, `invalid severity ${JSON.stringify(level)} (expected "off", "warn" or "error")`);
  if (options === undefined) return { severity, options: {} };
  if (!isObject(options)) throw new ConfigError(source, key, 'options must be an object');
  const defaults = rule.meta.defaultOptions as Record<string, unknown>;
  const allowed = (rule.meta.optionValues ?? {}) as Record<string, readonly string[] | undefined>;
  for (const [name, value] of Object.entries(options)) {
    if (!(name in defaults)) {
      const known = Object.keys(defaults);
      throw new ConfigError(
        source,
        `${key}.${name}`,
        `unknown option \`${name}\` for rule \`${rule.meta.id}\`${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (it has no options)'}`,
      );
    }
    const expected = defaults[name];
    if (!sameShape(expected, value)) {
      throw new ConfigError(source, `${key}.${name}`, `expected ${describe(expected)}, got ${describe(value)}`);
    }
    const values = allowed[name];
    if (values && !values.includes(value as string)) {
      throw new ConfigError(source, `${key}.${name}`, `expected one of ${values.map((v) => `"${v}"`).join(', ')}`);
    }
  }
  return { severity, options };
}

function severityOf(level: unknown): SeverityName | undefined {
  if (level === 'off' || level === 0) return 'off';
  if (level === 'warn' || level === 1) return 'warn';
  if (level === 'error' || level === 2) return 'error';
  return undefined;
}

function sameShape(expected: unknown, value: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(value)) return false;
    const sample = expected[0];
    return sample === undefined
      ? value.every((item) => typeof item === 'string')
      : value.every((item) => typeof item === typeof sample);
  }
  if (expected === null) return true;
  if (isObject(expected)) return isObject(value);
  return typeof expected === typeof value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (isObject(value)) return 'an object';
  return `a ${typeof value}`;
}

function isGlobList(value: unknown): boolean {
  return (
    typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a rule setting map onto a resolved config. */
function applyRules(
  target: ResolvedConfig,
  settings: Record<string, RuleSettingInput> | undefined,
  source: string,
): void {
  if (!settings) return;
  for (const [id, setting] of Object.entries(settings)) {
    const rule = getRule(id);
    if (!rule) throw new ConfigError(source, `rules.${id}`, `unknown rule \`${id}\`${didYouMean(id, ruleIds())}`);
    const { severity, options } = parseSetting(setting, rule, source, `rules.${id}`);
    if (severity === 'off') target.rules.delete(id);
    else {
      const previous = target.rules.get(id);
      const keepOptions = !Array.isArray(setting) && previous ? previous.options : {};
      target.rules.set(id, { severity, options: { ...keepOptions, ...options } });
    }
  }
}

export interface ResolveOptions {
  /** Path of the file being linted (for `overrides`). */
  filePath?: string;
  /** Boundary for `extends` paths: only files inside it may be extended. */
  projectRoot?: string;
  /** Reads an extended config file (default `loadConfigFile`; a resolver passes one that reads each file once). */
  loadExtended?: (path: string) => Config | undefined;
  /** The preset the chain builds on (`--preset`); `mtlint:recommended` when no config extends one. */
  preset?: PresetName;
}

/**
 * Resolves a chain of configs (farthest first) for one file. With no
 * `extends` anywhere in the chain, the base is `mtlint:recommended`.
 */
export function resolveChain(chain: LoadedConfig[], options: ResolveOptions = {}): ResolvedConfig {
  const hasExtends = chain.some((entry) => entry.config.extends !== undefined);
  const resolved = options.preset
    ? presetConfig(options.preset)
    : hasExtends
      ? { language: 'en', rules: new Map<string, EnabledRule>() }
      : presetConfig('mtlint:recommended');
  for (const entry of chain) applyConfig(resolved, entry, options, new Set());
  return resolved;
}

function applyConfig(target: ResolvedConfig, entry: LoadedConfig, options: ResolveOptions, seen: Set<string>): void {
  const { config, source, directory } = entry;
  const extendsList =
    config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const name of extendsList) {
    if ((PRESETS as readonly string[]).includes(name)) {
      const preset = presetConfig(name as PresetName);
      for (const [id, setting] of preset.rules) target.rules.set(id, setting);
      continue;
    }
    const path = resolveExtendsPath(name, directory, options.projectRoot, source);
    if (seen.has(path)) throw new ConfigError(source, 'extends', `circular extends of ${name}`);
    const extended = (options.loadExtended ?? loadConfigFile)(path);
    if (extended)
      applyConfig(
        target,
        { config: extended, source: path, directory: dirname(path) },
        options,
        new Set([...seen, path]),
      );
  }
  if (config.language) target.language = config.language;
  if (config.extensions) target.extensions = [...new Set([...(target.extensions ?? []), ...config.extensions])];
  applyLinterOptions(target, config);
  applyRules(target, config.rules, source);
  if (config.overrides && options.filePath) {
    const relativePath = toPosix(relative(directory, resolve(options.filePath)));
    config.overrides.forEach((override, index) => {
      if (
        matches(override.files, relativePath) &&
        !(override.excludedFiles && matches(override.excludedFiles, relativePath))
      ) {
        applyRules(target, override.rules, `${source}: overrides[${index}]`);
      }
    });
  }
}

function ruleIds(): string[] {
  return rules.map((rule) => rule.meta.id);
}

/** `noInlineConfig` and `reportUnusedDisableDirectives`: a nearer config (or the CLI) wins. */
export function applyLinterOptions(target: ResolvedConfig, options: LinterOptions): void {
  if (options.noInlineConfig !== undefined) {
    if (options.noInlineConfig) target.noInlineConfig = true;
    else delete target.noInlineConfig;
  }
  const report = options.reportUnusedDisableDirectives;
  if (report === 'off') delete target.reportUnusedDisableDirectives;
  else if (report) target.reportUnusedDisableDirectives = report;
}

function resolveExtendsPath(name: string, directory: string, projectRoot: string | undefined, source: string): string {
  if (isAbsolute(name) || !/\.(json|ya?ml)$/.test(name)) {
    throw new ConfigError(
      source,
      'extends',
      `\`${name}\` must be a built-in preset (${PRESETS.join(', ')}) or a relative path to a .json or .yaml file`,
    );
  }
  const path = resolve(directory, name);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new ConfigError(source, 'extends', `cannot find \`${name}\``);
  }
  const boundary = projectRoot ? safeRealpath(projectRoot) : safeRealpath(directory);
  if (!isInside(real, boundary)) {
    throw new ConfigError(source, 'extends', `\`${name}\` is outside the project (${boundary})`);
  }
  return real;
}

function matches(globs: string | string[], path: string): boolean {
  const list = Array.isArray(globs) ? globs : [globs];
  return list.some((glob) => picomatch(glob, { dot: true, matchBase: !glob.includes('/') })(path));
}

export function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export interface ResolverOptions {
  /** `--config FILE`: use only this file. */
  configFile?: string;
  /** `--no-config`: defaults only. */
  noConfig?: boolean;
  /** Extra rule settings applied last (`--rule`). */
  ruleOverrides?: Record<string, RuleSettingInput>;
  /** Linter options applied last (`--no-inline-config`, `--report-unused-disable-directives`). */
  linterOptions?: LinterOptions;
  /** The preset config files build on (`--preset`). */
  preset?: PresetName;
  projectRoot?: string;
  /**
   * The config files do not change while this resolver lives (one command-line
   * run): each `extends` file is read once, and a folder whose configs have no
   * `overrides` is resolved once, its files sharing one `ResolvedConfig` (which
   * callers must not mutate). A long-lived resolver (the language server) leaves
   * this off, so an edited extended file applies on the next lint.
   */
  snapshot?: boolean;
}

/** Finds and caches the config chain for files, folder by folder. */
export class ConfigResolver {
  private readonly chains = new Map<string, LoadedConfig[]>();
  /** With `snapshot`: extended config files by path (or the error reading them). */
  private readonly extended = new Map<string, Config | undefined | ConfigError>();
  /** With `snapshot`: resolved configs of folders whose configs have no `overrides`. */
  private readonly folders = new Map<string, ResolvedConfig>();

  constructor(private readonly options: ResolverOptions = {}) {}

  /** The resolved config for a file path. Throws `ConfigError`. */
  forFile(filePath: string): ResolvedConfig {
    const directory = dirname(resolve(filePath));
    const known = this.folders.get(directory);
    if (known) return known;
    const chain = this.chainFor(directory);
    const loadExtended = this.options.snapshot ? (path: string) => this.loadExtended(path) : undefined;
    const resolved = resolveChain(chain, {
      filePath,
      projectRoot: this.options.projectRoot,
      loadExtended,
      preset: this.options.preset,
    });
    if (this.options.ruleOverrides) applyRules(resolved, this.options.ruleOverrides, '--rule');
    if (this.options.linterOptions) applyLinterOptions(resolved, this.options.linterOptions);
    if (this.options.snapshot && !this.hasOverrides(chain)) this.folders.set(directory, resolved);
    return resolved;
  }

  private loadExtended(path: string): Config | undefined {
    if (!this.extended.has(path)) {
      try {
        this.extended.set(path, loadConfigFile(path));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        this.extended.set(path, error);
      }
    }
    const loaded = this.extended.get(path);
    if (loaded instanceof ConfigError) throw loaded;
    return loaded;
  }

  /**
   * Whether files of one folder may resolve differently: a config of the chain
   * has `overrides`, or an extended file read so far does (all of this chain's
   * were read while resolving it; others only make the answer more cautious).
   */
  private hasOverrides(chain: LoadedConfig[]): boolean {
    const overrides = (config: Config | undefined | ConfigError) =>
      config !== undefined && !(config instanceof ConfigError) && config.overrides !== undefined;
    return chain.some((entry) => overrides(entry.config)) || [...this.extended.values()].some(overrides);
  }

  /** The source file of a translated file under the nearest `sources` mapping that matches it. Throws `ConfigError`. */
  sourceFor(filePath: string): string | undefined {
    const chain = this.chainFor(dirname(resolve(filePath)));
    for (let index = chain.length - 1; index >= 0; index--) {
      const { config, directory } = chain[index];
      if (!config.sources) continue;
      const source = sourceFromMapping(config.sources, directory, filePath);
      if (source) return source;
    }
    return undefined;
  }

  /** The config files that apply to a file, nearest last. */
  sourcesFor(filePath: string): string[] {
    return this.chainFor(dirname(resolve(filePath))).map((entry) => entry.source);
  }

  private chainFor(directory: string): LoadedConfig[] {
    if (this.options.noConfig) return [];
    if (this.options.configFile) {
      const path = resolve(this.options.configFile);
      const cached = this.chains.get(`--config:${path}`);
      if (cached) return cached;
      const config = loadConfigFile(path);
      const chain = config ? [{ config, source: path, directory: dirname(path) }] : [];
      this.chains.set(`--config:${path}`, chain);
      return chain;
    }
    const cached = this.chains.get(directory);
    if (cached) return cached;
    let chain: LoadedConfig[] = [];
    const found = findConfigIn(directory);
    if (found?.config.root) chain = [found];
    else {
      const parent = dirname(directory);
      const above = parent === directory ? [] : this.chainFor(parent);
      chain = found ? [...above, found] : above;
    }
    this.chains.set(directory, chain);
    return chain;
  }
}

function findConfigIn(directory: string): LoadedConfig | undefined {
  for (const name of CONFIG_FILES) {
    const path = join(directory, name);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue;
    }
    if (!isFile) continue;
    const config = loadConfigFile(path);
    if (config) return { config, source: path, directory };
  }
  return undefined;
}

/** Resolves a config object given directly (API, `--print-config`). */
export function resolveConfigObject(config: Config | ResolvedConfig | undefined, filePath?: string): ResolvedConfig {
  if (!config) return presetConfig('mtlint:recommended');
  if ((config as ResolvedConfig).rules instanceof Map) return config as ResolvedConfig;
  validateConfig(config, '<config>');
  return resolveChain([{ config: config as Config, source: '<config>', directory: process.cwd() }], { filePath });
}

/** A JSON-friendly view of a resolved config (`--print-config`). */
export function serializeConfig(config: ResolvedConfig): Config {
  const out: Record<string, RuleSettingInput> = {};
  for (const [id, setting] of [...config.rules].sort(([a], [b]) => a.localeCompare(b))) {
    out[id] = Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity;
  }
  const serialized: Config = { language: config.language };
  if (config.extensions) serialized.extensions = config.extensions;
  if (config.noInlineConfig) serialized.noInlineConfig = true;
  if (config.reportUnusedDisableDirectives) {
    serialized.reportUnusedDisableDirectives = config.reportUnusedDisableDirectives;
  }
  serialized.rules = out;
  return serialized;
}
