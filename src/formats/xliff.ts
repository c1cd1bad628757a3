/**
 * XLIFF 1.2 and 2.x (`.xlf`, `.xliff`) → prose blocks: each `<target>` is a
 * block whose source is the `<source>` of the same unit (1.2 `trans-unit`;
 * 2.x `unit`/`segment`). A 1.2 target segmented with `<mrk mtype="seg">`
 * (Okapi, Trados) gives a block per segment, paired with the `<seg-source>`
 * segment of the same `mid`.
 *
 * Inline codes that stand for something (`<x/>`, `<bx/>`, `<ex/>`, `<ph>`,
 * `<bpt>`, `<ept>`, `<it>`, 2.x `<sc/>`, `<ec/>`) become one atomic
 * placeholder character each (U+FFFC, as inline code in Markdown): rules see
 * neither letters nor punctuation in them and `--fix` never edits them.
 * Codes that wrap text (`<g>`, `<pc>`, `<mrk>`) add nothing; their content is
 * prose. Character references are decoded into atomic runs, CDATA sections
 * are prose at their own offsets.
 *
 * Languages: 1.2 `source-language`/`target-language` of the first `<file>`,
 * 2.x `srcLang`/`trgLang` of `<xliff>`. Units with `translate="no"` and
 * empty targets are skipped. When the XML is not well-formed, each unit is
 * read on its own: the readable ones are linted and the others listed in one
 * file-level warning; a file with no readable unit is an input error.
 */
import type { Element, ElementContent, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { InputError } from './errors.js';
import { BlockMapping, PLACEHOLDER } from './mapping.js';
import { unreadableWarning } from './po.js';
import {
  type BlockSource,
  type ControlComment,
  type ExtractedDocument,
  type ProseBlock,
  parseControlComment,
} from './types.js';

/** Inline codes that stand for markup or data, not text: one placeholder each. */
const CODES = new Set(['x', 'bx', 'ex', 'ph', 'bpt', 'ept', 'it', 'sc', 'ec', 'sub', 'data']);
/** Annotation boundaries (2.x `<sm/>`/`<em/>`): nothing at all. */
const MARKERS = new Set(['sm', 'em']);

interface Reader {
  text: string;
  /** Added to every offset of the tree being read (a unit parsed on its own). */
  base: number;
  blocks: ProseBlock[];
  controls: ControlComment[];
  problems: { message: string; at: number }[];
  sourceLanguage?: string;
  targetLanguage?: string;
}

export function extractXliff(text: string): ExtractedDocument {
  const reader: Reader = { text, base: 0, blocks: [], controls: [], problems: [] };
  let tree: Root | undefined;
  let failure: { message: string; at: number } | undefined;
  try {
    tree = fromXml(text);
  } catch (error) {
    failure = xmlProblem(error, 0);
  }
  if (tree) {
    const root = tree.children.find((child): child is Element => child.type === 'element');
    if (!root || localName(root.name) !== 'xliff') {
      const name = root ? `<${root.name}>` : 'none';
      throw new InputError(`not an XLIFF file (the root element is ${name})`, offsetOf(reader, root, 'start'));
    }
    readLanguages(reader, root);
    walk(reader, tree.children);
  } else {
    recoverUnits(reader, failure as { message: string; at: number });
  }
  const document: ExtractedDocument = { format: 'xliff', blocks: reader.blocks, controls: reader.controls };
  if (reader.targetLanguage) document.targetLanguage = reader.targetLanguage;
  if (reader.sourceLanguage) document.sourceLanguage = reader.sourceLanguage;
  if (reader.problems.length > 0) document.warnings = [unreadableWarning(text, reader.problems, 'unit', 'units')];
  return document;
}

function xmlProblem(error: unknown, base: number): { message: string; at: number } {
  const cause = (error as { cause?: { message?: string; pos?: number } }).cause;
  const message = (cause?.message ?? (error as Error).message).split('\n')[0].replace(/ \(line \d+, column \d+\)$/, '');
  return { message: `not well-formed XML: ${message}`, at: base + (cause?.pos ?? 0) };
}

/**
 * The XML is broken somewhere: read each `<trans-unit>`/`<unit>` on its own,
 * so one bad unit costs only itself.
 */
function recoverUnits(reader: Reader, failure: { message: string; at: number }): void {
  const { text } = reader;
  // redos-safe: `name` is a literal attribute name; the value class is bounded to 35 characters.
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"'<>]{1,35})["']`).exec(text)?.[1];
  reader.sourceLanguage = attribute('source-language') ?? attribute('srcLang');
  reader.targetLanguage = attribute('target-language') ?? attribute('trgLang');
  let readable = 0;
  const failed: { message: string; at: number }[] = [];
  let index = nextUnitStart(text, 0);
  while (index >= 0) {
    const name = text.startsWith('<trans-unit', index) ? 'trans-unit' : 'unit';
    const close = text.indexOf(`</${name}`, index);
    const closeEnd = close < 0 ? -1 : text.indexOf('>', close);
    if (closeEnd < 0) {
      failed.push({ message: `no \`</${name}>\``, at: index });
      break;
    }
    const chunk = text.slice(index, closeEnd + 1);
    let unit: Root | undefined;
    try {
      unit = fromXml(chunk);
    } catch (error) {
      failed.push(xmlProblem(error, index));
    }
    if (unit) {
      readable++;
      reader.base = index;
      walk(reader, unit.children);
      reader.base = 0;
    }
    index = nextUnitStart(text, closeEnd + 1);
  }
  if (readable === 0) throw new InputError(failure.message, failure.at);
  reader.problems.push(...failed);
}

function nextUnitStart(text: string, from: number): number {
  const pattern = /<(?:trans-unit|unit)[\s>/]/g;
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function offsetOf(reader: Reader, node: { position?: Root['position'] } | undefined, side: 'start' | 'end'): number {
  return reader.base + (node?.position?.[side].offset ?? 0);
}

function readLanguages(reader: Reader, root: Element): void {
  const attributes = root.attributes;
  reader.sourceLanguage = attributes.srcLang ?? undefined;
  reader.targetLanguage = attributes.trgLang ?? undefined;
  if (reader.sourceLanguage || reader.targetLanguage) return;
  const file = childElements(root).find((child) => localName(child.name) === 'file');
  if (file) {
    reader.sourceLanguage = file.attributes['source-language'] ?? undefined;
    reader.targetLanguage = file.attributes['target-language'] ?? undefined;
  }
}

function childElements(element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element');
}

/** Finds units anywhere below `nodes` (files, groups, bodies), iteratively. */
function walk(reader: Reader, nodes: Array<RootContent | ElementContent>): void {
  const stack: Array<RootContent | ElementContent> = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'comment') {
      const control = parseControlComment(`<!--${node.value}-->`, offsetOf(reader, node, 'start'));
      if (control) reader.controls.push(control);
      continue;
    }
    if (node.type !== 'element') continue;
    const name = localName(node.name);
    if (node.attributes.translate === 'no') continue;
    if (name === 'trans-unit') readTransUnit(reader, node);
    else if (name === 'unit') readUnit(reader, node);
    else for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]);
  }
}

/** XLIFF 1.2: `<trans-unit>` with `<source>`, optional `<seg-source>`, `<target>`. */
function readTransUnit(reader: Reader, unit: Element): void {
  const children = childElements(unit);
  const source = children.find((child) => localName(child.name) === 'source');
  const segSource = children.find((child) => localName(child.name) === 'seg-source');
  const target = children.find((child) => localName(child.name) === 'target');
  if (!target) return;
  const targetSegments = segmentsOf(target);
  if (targetSegments.size > 0) {
    const sourceSegments = segSource ? segmentsOf(segSource) : new Map<string, Element>();
    for (const [mid, segment] of targetSegments) addBlock(reader, segment, sourceSegments.get(mid));
    return;
  }
  addBlock(reader, target, source);
}

/** The `<mrk mtype="seg" mid="…">` segments directly inside an element, by `mid`. */
function segmentsOf(element: Element): Map<string, Element> {
  const segments = new Map<string, Element>();
  for (const child of childElements(element)) {
    if (localName(child.name) === 'mrk' && child.attributes.mtype === 'seg') {
      segments.set(child.attributes.mid ?? String(segments.size), child);
    }
  }
  return segments;
}

/** XLIFF 2.x: `<unit>` with `<segment>`s (and `<ignorable>`s, which are not linted). */
function readUnit(reader: Reader, unit: Element): void {
  for (const child of childElements(unit)) {
    if (localName(child.name) !== 'segment') continue;
    const parts = childElements(child);
    const source = parts.find((part) => localName(part.name) === 'source');
    const target = parts.find((part) => localName(part.name) === 'target');
    if (target) addBlock(reader, target, source);
  }
}

function addBlock(reader: Reader, target: Element, source: Element | undefined): void {
  const mapping = new BlockMapping();
  addInline(reader, target.children, mapping);
  if (mapping.text.trim().length === 0) return;
  const block: ProseBlock = { kind: 'paragraph', mapping };
  if (source) {
    const sourceMapping = new BlockMapping();
    addInline(reader, source.children, sourceMapping);
    const runs = sourceMapping.runs;
    const contentStart = source.children[0] ? offsetOf(reader, source.children[0], 'start') : undefined;
    const start = runs[0]?.originalStart ?? contentStart;
    const last = runs[runs.length - 1];
    const blockSource: BlockSource = { text: sourceMapping.text };
    if (reader.sourceLanguage) blockSource.language = reader.sourceLanguage;
    if (start !== undefined) {
      blockSource.start = start;
      blockSource.end = last ? last.originalStart + last.originalLength : start;
    }
    block.source = blockSource;
  }
  reader.blocks.push(block);
}

/** Adds the content of a `<source>`/`<target>` (or a segment of one) to `mapping`. */
function addInline(reader: Reader, nodes: ElementContent[], mapping: BlockMapping): void {
  const { text } = reader;
  for (const node of nodes) {
    const start = offsetOf(reader, node, 'start');
    const end = offsetOf(reader, node, 'end');
    if (node.type === 'text') {
      if (node.position) mapping.addAligned(node.value, text.slice(start, end), start);
      continue;
    }
    if (node.type === 'cdata') {
      const contentStart = start + '<![CDATA['.length;
      if (text.slice(contentStart, contentStart + node.value.length) === node.value)
        mapping.addContiguous(node.value, contentStart);
      else mapping.addAtomic(node.value, start, end);
      continue;
    }
    if (node.type !== 'element') continue;
    const name = localName(node.name);
    if (MARKERS.has(name)) continue;
    if (name === 'cp') {
      // 2.x: a character XML cannot carry, by its code point.
      const code = Number.parseInt(node.attributes.hex ?? '', 16);
      const value = Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : PLACEHOLDER;
      mapping.addAtomic(value, start, end);
      continue;
    }
    const protectedMark =
      name === 'mrk' && (node.attributes.translate === 'no' || node.attributes.mtype === 'protected');
    if (CODES.has(name) || protectedMark) {
      mapping.addAtomic(PLACEHOLDER, start, end);
      continue;
    }
    // `<g>`, `<pc>`, `<mrk>` and unknown wrappers: their content is text.
    addInline(reader, node.children, mapping);
  }
}
