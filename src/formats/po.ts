/**
 * PO / gettext catalogs (`.po`, `.pot`) → prose blocks: each translated
 * `msgstr` (or `msgstr[n]` of a plural entry) is a block whose source is the
 * entry's `msgid` (`msgid_plural` for `msgstr[1]` and up). Strings spread over
 * several quoted lines are joined, and escapes (`\n`, `\"`, `\t`, `\\`, octal,
 * hex) are decoded into atomic runs, so every position points at the
 * characters in the file and `--fix` never edits inside an escape.
 *
 * Skipped: the header entry (`msgid ""`, read for its `Language:`), obsolete
 * entries (`#~`), untranslated entries (empty `msgstr`). Fuzzy entries are
 * linted: they are translations waiting for review. An entry that cannot be
 * read is skipped and listed in one file-level warning; a file with no
 * readable entry at all is an input error.
 *
 * A small reader of our own: no PO parser on npm keeps offsets.
 */
import { InputError } from './errors.js';
import { BlockMapping } from './mapping.js';
import type { ExtractedDocument, ProseBlock } from './types.js';

/** One quoted string of a field: its decoded pieces with their place in the file. */
interface QuotedString {
  /** Offset just after the opening quote and of the closing quote. */
  start: number;
  end: number;
}

interface Field {
  keyword: string;
  /** Offset of the keyword (for messages). */
  at: number;
  strings: QuotedString[];
}

interface Entry {
  fields: Field[];
  obsolete: boolean;
  /** Offset of the entry's first line. */
  at: number;
  /** Why the entry cannot be read, if it cannot. */
  problem?: { message: string; at: number };
}

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d{1,3})\])?)(?=[ \t"])/;

export function extractPo(text: string): ExtractedDocument {
  const entries = readEntries(text);
  const blocks: ProseBlock[] = [];
  const problems: { message: string; at: number }[] = [];
  let targetLanguage: string | undefined;
  let sourceLanguage: string | undefined;
  let readable = 0;
  for (const entry of entries) {
    if (entry.obsolete) continue;
    const problem = entry.problem ?? checkEntry(entry);
    if (problem) {
      problems.push(problem);
      continue;
    }
    readable++;
    const msgctxt = entry.fields.find((field) => field.keyword === 'msgctxt');
    const msgid = entry.fields.find((field) => field.keyword === 'msgid') as Field;
    const plural = entry.fields.find((field) => field.keyword === 'msgid_plural');
    if (!msgctxt && msgid.strings.every((string) => string.start === string.end)) {
      // The header: `Language: de\n` and friends.
      const header = decodeField(
        text,
        entry.fields.find((field) => field.keyword === 'msgstr'),
      );
      targetLanguage = headerValue(header, 'Language') ?? targetLanguage;
      sourceLanguage = headerValue(header, 'X-Source-Language') ?? sourceLanguage;
      continue;
    }
    for (const field of entry.fields) {
      if (!field.keyword.startsWith('msgstr')) continue;
      const mapping = new BlockMapping();
      for (const string of field.strings) addString(text, string, mapping);
      if (mapping.length === 0) continue;
      const index = field.keyword === 'msgstr' ? 0 : Number(field.keyword.slice(7, -1));
      const sourceField = index >= 1 && plural ? plural : msgid;
      // A multi-line string starts with `""` by convention: the source starts at its first character.
      const first = sourceField.strings.find((string) => string.end > string.start) ?? sourceField.strings[0];
      const last = sourceField.strings[sourceField.strings.length - 1];
      blocks.push({
        kind: 'paragraph',
        mapping,
        source: { text: decodeField(text, sourceField), start: first.start, end: last.end },
      });
    }
  }
  if (readable === 0 && problems.length > 0) {
    const first = problems[0];
    throw new InputError(`not a readable PO file: ${first.message}`, first.at);
  }
  for (const block of blocks) {
    if (block.source && sourceLanguage) block.source.language = sourceLanguage;
  }
  const document: ExtractedDocument = { format: 'po', blocks, controls: [] };
  if (targetLanguage) document.targetLanguage = targetLanguage;
  if (sourceLanguage) document.sourceLanguage = sourceLanguage;
  if (problems.length > 0) document.warnings = [unreadableWarning(text, problems, 'entry', 'entries')];
  return document;
}

/** One warning that lists every unreadable unit by line: the file's other units are linted as usual. */
export function unreadableWarning(
  text: string,
  problems: { message: string; at: number }[],
  singular: string,
  plural: string,
): { message: string; start: number; end: number } {
  const shown = problems.slice(0, 5).map((problem) => `line ${lineOf(text, problem.at)} (${problem.message})`);
  const more = problems.length > 5 ? `, and ${problems.length - 5} more` : '';
  const count = problems.length === 1 ? `1 ${singular}` : `${problems.length} ${plural}`;
  const at = problems[0].at;
  const lineEnd = text.indexOf('\n', at);
  return {
    message: `${count} could not be read and ${problems.length === 1 ? 'was' : 'were'} not linted: ${shown.join(', ')}${more}`,
    start: at,
    end: lineEnd < 0 ? text.length : lineEnd,
  };
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function checkEntry(entry: Entry): { message: string; at: number } | undefined {
  const msgid = entry.fields.find((field) => field.keyword === 'msgid');
  if (!msgid) return { message: `\`${entry.fields[0].keyword}\` without \`msgid\``, at: entry.fields[0].at };
  const plural = entry.fields.some((field) => field.keyword === 'msgid_plural');
  const strs = entry.fields.filter((field) => field.keyword.startsWith('msgstr'));
  if (strs.length === 0) return { message: '`msgid` without `msgstr`', at: msgid.at };
  if (plural && strs.some((field) => field.keyword === 'msgstr'))
    return { message: '`msgid_plural` with `msgstr` instead of `msgstr[0]`', at: strs[0].at };
  if (!plural && strs.some((field) => field.keyword !== 'msgstr'))
    return { message: '`msgstr[n]` without `msgid_plural`', at: strs[0].at };
  return undefined;
}

/**
 * Splits the file into entries. An entry ends at a blank line, or where a
 * `msgctxt`/`msgid` follows a `msgstr` (entries need not be blank-separated).
 */
function readEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let field: Field | undefined;
  const close = () => {
    if (entry && (entry.fields.length > 0 || entry.problem)) entries.push(entry);
    entry = undefined;
    field = undefined;
  };
  const open = (at: number): Entry => {
    entry ??= { fields: [], obsolete: false, at };
    return entry;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let start = lineStart;
    while (start < contentEnd && (text[start] === ' ' || text[start] === '\t')) start++;
    const line = text.slice(start, contentEnd);
    if (line.length === 0) close();
    else if (line.startsWith('#~')) {
      // Obsolete: kept by gettext for reuse, not part of the catalog.
      if (entry && entry.fields.length > 0 && !entry.obsolete) close();
      open(start).obsolete = true;
    } else if (line.startsWith('#')) {
      if (entry?.fields.some((candidate) => candidate.keyword.startsWith('msgstr'))) close();
      open(start);
    } else {
      const keyword = KEYWORD.exec(line);
      const name = keyword?.[1];
      if (
        entry?.obsolete ||
        ((name === 'msgctxt' || name === 'msgid') &&
          entry?.fields.some((candidate) => candidate.keyword.startsWith('msgstr')))
      )
        close();
      const current = open(start);
      if (!current.problem) {
        if (name) {
          field = { keyword: name, at: start, strings: [] };
          current.fields.push(field);
          readString(text, start + name.length, contentEnd, field, current);
        } else if (line.startsWith('"') && field) {
          readString(text, start, contentEnd, field, current);
        } else {
          current.problem = {
            message: line.startsWith('"')
              ? 'a string outside any keyword'
              : `unexpected \`${line.slice(0, 20)}${line.length > 20 ? '…' : ''}\``,
            at: start,
          };
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  close();
  return entries;
}

/** Reads `"…"` from `from` (after white space) to the line's end into `field`; sets a problem if malformed. */
function readString(text: string, from: number, end: number, field: Field, entry: Entry): void {
  let index = from;
  while (index < end && (text[index] === ' ' || text[index] === '\t')) index++;
  if (text[index] !== '"') {
    entry.problem = { message: `\`${field.keyword}\` without a quoted string`, at: field.at };
    return;
  }
  const start = index + 1;
  for (index = start; index < end; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '"') break;
  }
  if (index >= end) {
    entry.problem = { message: 'unterminated string', at: start - 1 };
    return;
  }
  const after = text.slice(index + 1, end).trim();
  if (after.length > 0 && !after.startsWith('#')) {
    entry.problem = { message: `unexpected \`${after.slice(0, 20)}\` after a string`, at: index + 1 };
    return;
  }
  field.strings.push({ start, end: index });
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  "'": "'",
  '?': '?',
};

/** Adds one quoted string's characters to `mapping`: plain runs one-to-one, each escape atomic. */
function addString(text: string, string: QuotedString, mapping: BlockMapping): void {
  let runStart = string.start;
  let index = string.start;
  while (index < string.end) {
    if (text[index] !== '\\') {
      index++;
      continue;
    }
    if (index > runStart) mapping.addContiguous(text.slice(runStart, index), runStart);
    const [value, length] = decodeEscape(text, index, string.end);
    mapping.addAtomic(value, index, index + length);
    index += length;
    runStart = index;
  }
  if (index > runStart) mapping.addContiguous(text.slice(runStart, index), runStart);
}

/** The character an escape at `at` stands for, and the escape's length in the file. */
function decodeEscape(text: string, at: number, end: number): [string, number] {
  const next = text[at + 1];
  if (next === undefined || at + 1 >= end) return ['\\', 1];
  if (next in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[next], 2];
  const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1, Math.min(end, at + 4)));
  if (octal) return [String.fromCharCode(Number.parseInt(octal[0], 8)), 1 + octal[0].length];
  const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(at + 2, Math.min(end, at + 4))) : null;
  if (hex) return [String.fromCharCode(Number.parseInt(hex[0], 16)), 2 + hex[0].length];
  // An unknown escape: gettext keeps the character.
  return [next, 2];
}

function decodeField(text: string, field: Field | undefined): string {
  if (!field) return '';
  const mapping = new BlockMapping();
  for (const string of field.strings) addString(text, string, mapping);
  return mapping.text;
}

function headerValue(header: string, name: string): string | undefined {
  // redos-safe: `name` is a literal header name (`Language`, `X-Source-Language`); one bounded class after it.
  const match = new RegExp(`^${name}:[ \\t]*([^\\n]*)$`, 'im').exec(header);
  const value = match?.[1].trim();
  return value ? value.replace(/_/g, '-') : undefined;
}

/** `--fix` text for inside a PO string: quotes, backslashes and control characters escaped. */
export function escapePo(value: string): string {
  return value.replace(/[\\"\n\t\r]/g, (char) =>
    char === '\n' ? '\\n' : char === '\t' ? '\\t' : char === '\r' ? '\\r' : `\\${char}`,
  );
}
