/** The output formats (`--format`). */
import { checkstyle } from './checkstyle.js';
import { compact, unix } from './compact.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { ReportContext, Reporter } from './types.js';

export const reporters: Readonly<Record<string, Reporter>> = Object.freeze({
  stylish,
  json,
  sarif,
  github,
  junit,
  checkstyle,
  gitlab,
  compact,
  unix,
});

export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}
