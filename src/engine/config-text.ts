/**
 * Config files as text: JSON (with comments and trailing commas, as in
 * `tsconfig.json` and VS Code's settings) or YAML, parsed with the offsets of
 * every key kept, so an error can name the line and column a person must edit
 * instead of "at position 34".
 */
import { createRequire } from 'node:module';
import jsonc from 'jsonc-parser';

export interface Position {
  line: number;
  column: number;
}

export interface ConfigText {
  /** The parsed value. */
  data: unknown;
  /** Where the key (or, for a list item, the value) at a key path such as `overrides[0].rules.x` starts. */
  locate(keyPath: string): Position | undefined;
}

/** A syntax error, at the place the parser stopped. */
export class ConfigSyntaxError extends Error {
  constructor(
    readonly position: Position,
    problem: string,
  ) {
    super(problem);
    this.name = 'ConfigSyntaxError';
  }
}

export function parseConfigText(path: string, raw: string): ConfigText {
  const text = raw.replace(/^\uFEFF/, '');
  return path.endsWith('.yaml') || path.endsWith('.yml') ? parseYaml(text) : parseJson(text);
}

/** `rules.x.option` and `overrides[0].files` → `['rules', 'x', 'option']`, `['overrides', 0, 'files']`. */
export function keyPathSegments(keyPath: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of keyPath.split('.')) {
    // Split at the first `[` instead of a lazy regex, which backtracks quadratically on long keys.
    const bracket = part.indexOf('[');
    const name = bracket < 0 ? part : part.slice(0, bracket);
    if (name) segments.push(name);
    if (bracket < 0) continue;
    for (const index of part.slice(bracket).matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function parseJson(text: string): ConfigText {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const offset = first?.offset ?? text.length;
    const problem = first ? describeJsonError(first.error) : 'empty file';
    throw new ConfigSyntaxError(positionAt(text, offset), `invalid JSON: ${problem}`);
  }
  return {
    data: jsonc.getNodeValue(tree),
    locate: (keyPath) =>
      nearest(keyPathSegments(keyPath), (segments) => {
        const node = jsonc.findNodeAtLocation(tree, segments);
        if (!node) return undefined;
        const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
        return positionAt(text, (key ?? node).offset);
      }),
  };
}

function parseYaml(text: string): ConfigText {
  const { LineCounter, parseDocument, isMap } = yaml();
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml reports its warnings through process.emitWarning, which prints a
  // Node warning banner on stderr; the config validation reports what matters as one line.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ConfigSyntaxError({ line, column: col }, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    data: document.toJS({ maxAliasCount: 100 }),
    locate: (keyPath) =>
      nearest(keyPathSegments(keyPath), (segments) => {
        const last = segments.at(-1);
        const parent = segments.length > 1 ? document.getIn(segments.slice(0, -1), true) : document.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
          const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
          if (range) return at(range[0]);
        }
        const node = document.getIn(segments, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? at(node.range[0]) : undefined;
      }),
  };
}

/**
 * The place of the longest prefix of the key path that the file has: rule
 * options sit inside `[severity, {options}]`, so `rules.x.option` points at
 * the rule's line.
 */
function nearest(
  segments: (string | number)[],
  find: (segments: (string | number)[]) => Position | undefined,
): Position | undefined {
  for (let length = segments.length; length > 0; length--) {
    const position = find(segments.slice(0, length));
    if (position) return position;
  }
  return undefined;
}

function describeJsonError(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  // `PropertyNameExpected` → `property name expected`
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** `yaml` (CommonJS build) loads only when a YAML config is read: most runs have none. */
function yaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}
