/**
 * `mtlint --init`: writes a commented starter `.mtlintrc.json` in the working
 * folder. It never overwrites: a folder that already has a config (any of the
 * files the config search reads) is a usage error, exit code 2.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES, loadConfigFile } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';

export const INIT_FILE = '.mtlintrc.json';
/** The schema inside an installed package, relative to the project folder. */
const LOCAL_SCHEMA = './node_modules/mtlint/schema/mtlintrc.schema.json';
/** The schema's `$id`: for a project that runs mtlint with npx, without installing it. */
const REMOTE_SCHEMA = 'https://raw.githubusercontent.com/mtlint/mtlint/main/schema/mtlintrc.schema.json';

/** The starter config: the default preset spelt out, with a comment on each key. */
export function starterConfig(schema: string): string {
  return `{
  // The JSON Schema of this file: editors complete rule ids, options and severities.
  "$schema": "${schema}",
  // Do not look for more config files in the folders above this one.
  "root": true,
  // Where to start: "mtlint:recommended" (the default), "mtlint:strict" (a copy-editor's
  // set, with more false alarms) or "mtlint:all".
  "extends": "mtlint:recommended",
  // Turn rules "off", "warn" or "error", or give [severity, { options }].
  // \`npx mtlint --list-rules\` lists the rules and their options.
  "rules": {
    // "space-before-punctuation": "error",
    // "unit-spacing": ["warn", { "percent": "closed" }],
  },
  // Settings for some files only; globs are relative to this file's folder.
  "overrides": [
    // { "files": ["news/**/*.md"], "rules": { "repeated-words": "off" } },
  ],
}
`;
}

/** Writes the starter config in `cwd`; returns the line to print. */
export function initConfig(cwd: string): string {
  for (const name of CONFIG_FILES) {
    const path = join(cwd, name);
    if (!existsSync(path)) continue;
    // A package.json is a config only when it has an `mtlint` key.
    if (name === 'package.json' && loadConfigFile(path) === undefined) continue;
    throw new UsageError(`--init: ${name} already exists here; edit it instead (--init never overwrites a config)`);
  }
  const schema = existsSync(join(cwd, LOCAL_SCHEMA)) ? LOCAL_SCHEMA : REMOTE_SCHEMA;
  try {
    writeFileSync(join(cwd, INIT_FILE), starterConfig(schema), { flag: 'wx' });
  } catch (error) {
    throw new UsageError(`--init: cannot write ${INIT_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return `Wrote ${INIT_FILE}: the recommended rules, with comments on what to change.\n`;
}
