/**
 * The JSON Schema of `.mtlintrc.json` / `.mtlintrc.yaml`, derived from the rule
 * registry so that editors complete rule ids and options and show each rule's
 * description. `npm run docs` writes it to `schema/mtlintrc.schema.json`; the
 * config validation in `config.ts` stays the authority (it also checks what a
 * schema cannot, such as an `extends` file inside the project).
 */
import { rules } from '../rules/index.js';
import { PRESETS } from './config.js';

export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/mtlint/mtlint/main/schema/mtlintrc.schema.json';

type Schema = Record<string, unknown>;

export function configSchema(): Schema {
  const ruleProperties: Record<string, Schema> = {};
  for (const rule of rules) {
    const { id, description, defaultOptions, optionValues } = rule.meta;
    const optionSchemas: Record<string, Schema> = {};
    for (const [name, value] of Object.entries(defaultOptions as Record<string, unknown>)) {
      const values = (optionValues as Record<string, readonly string[] | undefined> | undefined)?.[name];
      optionSchemas[name] = { ...valueSchema(value, values), default: value };
    }
    const withOptions: Schema = {
      type: 'array',
      items: [
        { $ref: '#/definitions/severity' },
        { type: 'object', properties: optionSchemas, additionalProperties: false },
      ],
      minItems: 1,
      maxItems: 2,
    };
    ruleProperties[id] = {
      description: `${description} (${rule.meta.url})`,
      anyOf: [{ $ref: '#/definitions/severity' }, withOptions],
    };
  }
  const globs = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
  const extendsEntry = {
    anyOf: [
      { enum: [...PRESETS], description: 'A built-in preset' },
      { type: 'string', pattern: '\\.(json|ya?ml)$', description: 'A relative path to a JSON or YAML config file' },
    ],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'mtlint configuration',
    description: 'Configuration of mtlint, the machine-translation artefact linter (.mtlintrc.json or .yaml).',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in parent folders.' },
      extends: {
        description: 'Presets or files this config builds on, farther first.',
        anyOf: [extendsEntry, { type: 'array', items: extendsEntry }],
      },
      language: {
        type: 'string',
        pattern: '^[a-z]{2,3}$',
        default: 'en',
        description: 'The document language (BCP 47 primary subtag).',
      },
      extensions: {
        type: 'array',
        items: { type: 'string', pattern: '^\\.[A-Za-z0-9][\\w.-]*$' },
        description: 'More extensions a folder walk lints (as `--ext`): `.mdx` as Markdown, others as plain text.',
      },
      noInlineConfig: {
        type: 'boolean',
        default: false,
        description: 'Ignore `mtlint-disable` comments in the linted files (as `--no-inline-config`).',
      },
      reportUnusedDisableDirectives: {
        enum: ['off', 'warn', 'error'],
        default: 'off',
        description: 'Report `mtlint-disable` comments that silence nothing (as `--report-unused-disable-directives`).',
      },
      rules: { $ref: '#/definitions/rules' },
      sources: {
        type: 'object',
        description:
          'Bilingual mode: a glob of translated files (relative to this file) → the path of their source, with {path} (the path below the glob\'s folders), {dir}, {file} and {stem}. Example: {"content/en/**/*.md": "content/ru/{path}"}.',
        additionalProperties: { type: 'string', pattern: '^(?:[^{}]|\\{(?:path|dir|file|stem)\\})+$' },
      },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: { files: globs, excludedFiles: globs, rules: { $ref: '#/definitions/rules' } },
        },
      },
    },
    definitions: {
      severity: {
        description: '"off" (0), "warn" (1) or "error" (2)',
        enum: ['off', 'warn', 'error', 0, 1, 2],
      },
      rules: { type: 'object', additionalProperties: false, properties: ruleProperties },
    },
  };
}

/** The shape `sameShape` in `config.ts` accepts for an option whose default is `value`. */
function valueSchema(value: unknown, values: readonly string[] | undefined): Schema {
  if (values) return { enum: [...values] };
  if (Array.isArray(value)) {
    const sample = value[0];
    return { type: 'array', items: { type: sample === undefined ? 'string' : typeof sample } };
  }
  if (value === null) return {};
  if (typeof value === 'object') return { type: 'object' };
  return { type: typeof value };
}
