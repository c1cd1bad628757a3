/**
 * One input line of a JSONL stream → the document to lint, or the reason it
 * cannot be linted. Field names are configurable (`--jsonl-map`), since
 * archives call their text `content` or `body` and their id `url`.
 */
import { type FormatName, isFormatName } from '../formats/index.js';

/** Where each field of a record is read from: a key, or a dotted path into nested objects. */
export interface FieldMap {
  id: string;
  text: string;
  format: string;
  language: string;
  source: string;
  srcLang: string;
  tgtLang: string;
}

export const DEFAULT_FIELDS: Readonly<FieldMap> = Object.freeze({
  id: 'id',
  text: 'text',
  format: 'format',
  language: 'language',
  source: 'source',
  srcLang: 'srcLang',
  tgtLang: 'tgtLang',
});

export type RecordId = string | number | null;

/** A document read from one line. */
export interface StreamRecord {
  id: RecordId;
  text: string;
  format: FormatName;
  /** The document language (primary subtag, lower case), when the record gives one. */
  language?: string;
  /** The source text the document translates, and its language: the bilingual rules compare the two. */
  source?: string;
  sourceLanguage?: string;
}

/** A line that cannot be linted, with the id when it could be read. */
export interface RecordError {
  id: RecordId;
  error: string;
}

/**
 * Parses `--jsonl-map text=content,id=url` (and the shorthands
 * `--jsonl-field`/`--jsonl-id`) over the default field names.
 */
export function fieldMapOf(options: { map?: string[]; text?: string; id?: string }): FieldMap {
  const fields: FieldMap = { ...DEFAULT_FIELDS };
  for (const entry of (options.map ?? []).flatMap((value) => value.split(','))) {
    const equals = entry.indexOf('=');
    const key = entry.slice(0, equals).trim();
    const path = entry.slice(equals + 1).trim();
    if (equals <= 0 || path === '')
      throw new FieldMapError(`--jsonl-map expects field=name pairs such as text=content,id=url, got "${entry}"`);
    if (!Object.hasOwn(DEFAULT_FIELDS, key))
      throw new FieldMapError(
        `--jsonl-map: unknown field "${key}" (expected ${Object.keys(DEFAULT_FIELDS).join(', ')})`,
      );
    fields[key as keyof FieldMap] = path;
  }
  if (options.text !== undefined) fields.text = nonEmpty(options.text, '--jsonl-field');
  if (options.id !== undefined) fields.id = nonEmpty(options.id, '--jsonl-id');
  return fields;
}

export class FieldMapError extends Error {
  override name = 'FieldMapError';
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new FieldMapError(`${flag} expects a field name`);
  return value.trim();
}

/** Reads a field: the key itself, else a dotted path (`meta.url`). */
export function fieldOf(object: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(object, path)) return object[path];
  if (!path.includes('.')) return undefined;
  let value: unknown = object;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const LANGUAGE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;

export function parseRecord(line: string, fields: FieldMap, defaultFormat: FormatName): StreamRecord | RecordError {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return { id: recoverId(line, fields), error: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { id: null, error: `expected a JSON object, got ${kindOf(data)}` };
  const object = data as Record<string, unknown>;
  const rawId = fieldOf(object, fields.id);
  if (rawId !== undefined && rawId !== null && typeof rawId !== 'string' && typeof rawId !== 'number')
    return { id: null, error: `"${fields.id}" must be a string or a number, got ${kindOf(rawId)}` };
  const id: RecordId = rawId ?? null;
  const fail = (error: string): RecordError => ({ id, error });

  const text = fieldOf(object, fields.text);
  if (text === undefined)
    return fail(`no "${fields.text}" field (name the text field with --jsonl-field or --jsonl-map text=NAME)`);
  if (typeof text !== 'string') return fail(`"${fields.text}" must be a string, got ${kindOf(text)}`);

  let format = defaultFormat;
  const rawFormat = fieldOf(object, fields.format);
  if (rawFormat !== undefined && rawFormat !== null) {
    if (typeof rawFormat !== 'string' || !isFormatName(rawFormat))
      return fail(`"${fields.format}" must be "txt", "md" or "html", got ${JSON.stringify(rawFormat)}`);
    format = rawFormat;
  }
  const record: StreamRecord = { id, text, format };

  const language = languageOf(object, fields.language) ?? languageOf(object, fields.tgtLang);
  if (language instanceof Error) return fail(language.message);
  if (language) record.language = language;

  const source = fieldOf(object, fields.source);
  if (source !== undefined && source !== null) {
    if (typeof source !== 'string') return fail(`"${fields.source}" must be a string, got ${kindOf(source)}`);
    record.source = source;
  }
  const sourceLanguage = languageOf(object, fields.srcLang);
  if (sourceLanguage instanceof Error) return fail(sourceLanguage.message);
  if (sourceLanguage) record.sourceLanguage = sourceLanguage;
  return record;
}

function languageOf(object: Record<string, unknown>, path: string): string | undefined | Error {
  const value = fieldOf(object, path);
  if (value === undefined || value === null) return undefined;
  const match = typeof value === 'string' ? LANGUAGE_TAG.exec(value) : null;
  if (!match)
    return new Error(`"${path}" must be a language tag such as "en" or "en-GB", got ${JSON.stringify(value)}`);
  return match[1].toLowerCase();
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * The id of a line that is not valid JSON (or too long to parse), when the
 * id is a string or number and the first key of the object: enough to find the
 * document in the archive.
 */
export function recoverId(head: string, fields: FieldMap): RecordId {
  if (fields.id.includes('.')) return null;
  const key = JSON.stringify(fields.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // redos-safe: anchored at the start (one attempt), the key escaped, the string bounded to 1,000 characters.
  const match = new RegExp(`^\\s*\\{\\s*${key}\\s*:\\s*("(?:[^"\\\\\\n]|\\\\.){0,1000}"|-?\\d{1,20})`).exec(head);
  if (!match) return null;
  try {
    const id = JSON.parse(match[1]) as unknown;
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}
