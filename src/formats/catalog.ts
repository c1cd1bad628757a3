/**
 * JSON and YAML message catalogs (i18next, vue-i18n, Rails, Symfony,
 * FormatJS): every string value is a block, named by its key path
 * (`nav.home`, `errors[2]`). Linted against a source catalog, each block gets
 * the source value at the same key path. A catalog whose root is one locale
 * key (`de:` in Rails) is read below it, so `de.greeting` pairs with
 * `en.greeting`, and the keys give the languages.
 *
 * Positions: jsonc-parser and `yaml` give each value's range; escapes
 * (`\n`, `\"`, `\u00e9`) are decoded into atomic runs, so positions are exact
 * and `--fix` never edits inside an escape. Catalogs are linted only when
 * named (a path or glob) or mapped by a config's `sources`: a folder walk
 * does not read every `package.json` as prose.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { InputError } from './errors.js';
import { BlockMapping } from './mapping.js';
import { lineOf } from './po.js';
import type { ExtractedDocument, ProseBlock } from './types.js';

export interface CatalogSource {
  text: string;
  filePath: string;
  name?: string;
  format: 'json' | 'yaml';
}

interface Entry {
  /** Key path segments, the root locale key left out. */
  path: Array<string | number>;
  mapping: BlockMapping;
}

interface Catalog {
  entries: Entry[];
  locale?: string;
  warnings: { message: string; start: number; end: number }[];
}

const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4}){0,2}$/;

export function extractCatalog(text: string, format: 'json' | 'yaml', source?: CatalogSource): ExtractedDocument {
  const catalog = readCatalog(text, format);
  const blocks: ProseBlock[] = catalog.entries.map((entry) => ({ kind: 'paragraph', mapping: entry.mapping }));
  const document: ExtractedDocument = { format, blocks, controls: [] };
  if (catalog.locale) document.targetLanguage = catalog.locale;
  const warnings = [...catalog.warnings];
  if (source) {
    const sourceCatalog = readCatalog(source.text, source.format);
    if (sourceCatalog.locale) document.sourceLanguage = sourceCatalog.locale;
    const byKey = new Map(sourceCatalog.entries.map((entry) => [JSON.stringify(entry.path), entry]));
    const unpaired: Entry[] = [];
    catalog.entries.forEach((entry, index) => {
      const from = byKey.get(JSON.stringify(entry.path));
      if (!from) {
        unpaired.push(entry);
        return;
      }
      const runs = from.mapping.runs;
      const last = runs[runs.length - 1];
      blocks[index].source = {
        text: from.mapping.text,
        file: source.filePath,
        start: runs[0]?.originalStart ?? 0,
        end: last ? last.originalStart + last.originalLength : 0,
        ...(sourceCatalog.locale ? { language: sourceCatalog.locale } : {}),
      };
    });
    if (unpaired.length > 0) {
      const keys = unpaired.slice(0, 5).map((entry) => `\`${keyName(entry.path)}\``);
      const more = unpaired.length > 5 ? ` and ${unpaired.length - 5} more` : '';
      const at = unpaired[0].mapping.runs[0]?.originalStart ?? 0;
      warnings.push({
        message: `${unpaired.length === 1 ? '1 key has' : `${unpaired.length} keys have`} no source in ${source.name ?? source.filePath}: ${keys.join(', ')}${more}`,
        start: at,
        end: at,
      });
    }
  }
  if (warnings.length > 0) document.warnings = warnings;
  return document;
}

function keyName(path: Array<string | number>): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

function readCatalog(text: string, format: 'json' | 'yaml'): Catalog {
  return format === 'json' ? readJson(text) : readYaml(text);
}

function readJson(text: string): Catalog {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || (errors.length > 0 && root.type !== 'object' && root.type !== 'array')) {
    const at = errors[0]?.offset ?? 0;
    throw new InputError(`not a JSON catalog: ${errors[0] ? describeJsonError(errors[0]) : 'empty'}`, at);
  }
  const entries: Entry[] = [];
  const stack: Array<{ node: JsonNode; path: Array<string | number> }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: JsonNode; path: Array<string | number> };
    if (node.type === 'string') {
      const mapping = new BlockMapping();
      addJsonString(text, node.offset + 1, node.offset + node.length - 1, mapping);
      if (mapping.text.trim().length > 0) entries.push({ path, mapping });
    } else if (node.type === 'object') {
      const children = node.children ?? [];
      for (let index = children.length - 1; index >= 0; index--) {
        const [key, value] = children[index].children ?? [];
        if (key && value) stack.push({ node: value, path: [...path, String(key.value)] });
      }
    } else if (node.type === 'array') {
      const children = node.children ?? [];
      for (let index = children.length - 1; index >= 0; index--)
        stack.push({ node: children[index], path: [...path, index] });
    }
  }
  const warnings = errors.slice(0, 1).map((error) => ({
    message: `${errors.length === 1 ? '1 syntax error' : `${errors.length} syntax errors`} (the first: ${describeJsonError(error)} at line ${lineOf(text, error.offset)}): the values around it may be missing`,
    start: error.offset,
    end: error.offset + error.length,
  }));
  return withLocale(entries, warnings);
}

function describeJsonError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** JSON string content `[start, end)`: plain runs one-to-one, each escape atomic. */
function addJsonString(text: string, start: number, end: number, mapping: BlockMapping): void {
  addEscaped(text, start, end, mapping, (at) => {
    const next = text[at + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)))
      return [String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16)), 6];
    return [JSON_ESCAPES[next] ?? next ?? '\\', next === undefined ? 1 : 2];
  });
}

const YAML_ESCAPES: Record<string, string> = {
  ...JSON_ESCAPES,
  '0': '\0',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  ' ': ' ',
  '\t': '\t',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

function addYamlDoubleQuoted(text: string, start: number, end: number, mapping: BlockMapping): void {
  addEscaped(text, start, end, mapping, (at) => {
    const next = text[at + 1];
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = text.slice(at + 2, at + 2 + width);
      const code = Number.parseInt(hex, 16);
      if (/^[0-9a-fA-F]+$/.test(hex) && code <= 0x10ffff) return [String.fromCodePoint(code), 2 + width];
    }
    return [YAML_ESCAPES[next] ?? next ?? '\\', next === undefined ? 1 : 2];
  });
}

function addEscaped(
  text: string,
  start: number,
  end: number,
  mapping: BlockMapping,
  decode: (at: number) => [string, number],
): void {
  let runStart = start;
  let index = start;
  while (index < end) {
    if (text[index] !== '\\') {
      index++;
      continue;
    }
    if (index > runStart) mapping.addContiguous(text.slice(runStart, index), runStart);
    const [value, length] = decode(index);
    mapping.addAtomic(value, index, Math.min(end, index + length));
    index += length;
    runStart = index;
  }
  if (end > runStart) mapping.addContiguous(text.slice(runStart, end), runStart);
}

function readYaml(text: string): Catalog {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0 && !isMap(document.contents) && !isSeq(document.contents)) {
    const error = document.errors[0];
    throw new InputError(
      `not a YAML catalog: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      error.pos[0],
    );
  }
  const entries: Entry[] = [];
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: document.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: YamlNode | null; path: Array<string | number> };
    if (isScalar(node)) {
      if (typeof node.value !== 'string' || !node.range) continue;
      const mapping = new BlockMapping();
      addYamlScalar(text, node, mapping);
      if (mapping.text.trim().length > 0) entries.push({ path, mapping });
    } else if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        const pair = node.items[index];
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--)
        stack.push({ node: node.items[index], path: [...path, index] });
    }
  }
  const warnings = document.errors.slice(0, 1).map((error) => ({
    message: `${document.errors.length === 1 ? '1 syntax error' : `${document.errors.length} syntax errors`} (the first: ${error.message.split('\n')[0]}): the values around it may be missing`,
    start: error.pos[0],
    end: error.pos[1],
  }));
  return withLocale(entries, warnings);
}

function addYamlScalar(text: string, node: Scalar, mapping: BlockMapping): void {
  const [start, valueEnd] = node.range as [number, number, number];
  const value = node.value as string;
  const raw = text.slice(start, valueEnd);
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      if (raw.includes('\n')) mapping.addAtomic(value, start, valueEnd);
      else addYamlDoubleQuoted(text, start + 1, valueEnd - 1, mapping);
      return;
    case Scalar.QUOTE_SINGLE:
      mapping.addAligned(value, text.slice(start + 1, valueEnd - 1), start + 1);
      return;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      // The content starts on the line after the `|` or `>` header.
      const body = text.indexOf('\n', start) + 1;
      if (body <= 0 || body > valueEnd) mapping.addAtomic(value, start, valueEnd);
      else mapping.addAligned(value, text.slice(body, valueEnd), body);
      return;
    }
    default:
      mapping.addAligned(value, raw, start);
  }
}

/** A catalog whose root is one locale key is read below it. */
function withLocale(entries: Entry[], warnings: Catalog['warnings']): Catalog {
  const first = entries[0]?.path[0];
  if (
    typeof first === 'string' &&
    LOCALE.test(first) &&
    entries.every((entry) => entry.path[0] === first && entry.path.length > 1)
  ) {
    for (const entry of entries) entry.path = entry.path.slice(1);
    return { entries, warnings, locale: first.replace(/_/g, '-') };
  }
  return { entries, warnings };
}

/** `--fix` text for inside a JSON string. */
export function escapeJson(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * `--fix` text for inside a YAML scalar, or `undefined` when it could change
 * what the YAML means in some scalar style (a quote, `#`, `:`, a backslash or
 * a line break): such a fix is left to a person.
 */
export function escapeYaml(value: string): string | undefined {
  return /["'#:\\\n\r]/.test(value) ? undefined : value;
}
