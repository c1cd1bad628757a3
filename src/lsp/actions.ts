/**
 * Code action edits, computed on plain text: quick fixes from findings, one
 * minimal edit for "fix all", and the disable comments of Markdown and HTML.
 * Offsets here are offsets into the document text (byte order mark included).
 */
import type { FormatName } from '../formats/index.js';
import { changeBetween } from '../formats/markdown-edit.js';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** A short human title for an edit: "Replace `. .` with `.`". */
export function describeEdit(original: string, replacement: string): string {
  if (replacement === '') return `Remove ${show(original)}`;
  if (original === '') return `Insert ${show(replacement)}`;
  return `Replace ${show(original)} with ${show(replacement)}`;
}

function show(text: string): string {
  if (/^ +$/.test(text)) return text.length === 1 ? 'the space' : 'the spaces';
  if (/^\s+$/.test(text)) return 'the white space';
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `\`${shown.replace(/\s+/g, ' ')}\``;
}

/** The smallest single edit that turns `before` into `after` (`undefined`: equal). */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  const change = changeBetween(before, after);
  let prefix = change.start;
  let suffix = before.length - change.oldEnd;
  // Never split a surrogate pair.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Disable comments exist in Markdown and HTML only. */
export function supportsDisableComments(format: FormatName): boolean {
  return format === 'md' || format === 'html';
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
}

function lineAt(text: string, offset: number): Line {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

function previousLine(text: string, line: Line): Line | undefined {
  if (line.start === 0) return undefined;
  let end = line.start - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return lineAt(text, end);
}

function lineBreakOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** True when `offset` is inside an HTML tag (`<p class="a` … `>`). */
function insideTag(text: string, offset: number): boolean {
  return text.lastIndexOf('<', offset - 1) > text.lastIndexOf('>', offset - 1);
}

const LIST_OR_CONTAINER = /^(?:[-+*]\s|\d{1,9}[.)]\s|>|\||\s)/;

/**
 * "Disable <rule> for this line". The comment goes on its own line above when
 * that line starts a block (`mtlint-disable-next-line`), and at the end of
 * the line otherwise (`mtlint-disable-line`), so a paragraph, list or table
 * is never split by the comment.
 */
export function disableLineEdit(text: string, format: FormatName, offset: number, ruleId: string): OffsetEdit {
  const line = lineAt(text, offset);
  const content = text.slice(line.start, line.end);
  const before = previousLine(text, line);
  const startsBlock = before === undefined || text.slice(before.start, before.end).trim() === '';
  const ownLine =
    format === 'md'
      ? startsBlock && !LIST_OR_CONTAINER.test(content)
      : !insideTag(text, line.start + indentOf(content));
  if (ownLine) {
    const indent = format === 'html' ? content.slice(0, indentOf(content)) : '';
    return {
      start: line.start,
      end: line.start,
      text: `${indent}<!-- mtlint-disable-next-line ${ruleId} -->${lineBreakOf(text)}`,
    };
  }
  let at = line.end;
  while (at > line.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  if (format === 'md') {
    // Keep a hard break (`\` at the end) and stay inside a table's last cell.
    if (text[at - 1] === '\\' && text[at - 2] !== '\\') at--;
    else if (text[at - 1] === '|' && text[at - 2] !== '\\' && /^\s*\|/.test(content)) at--;
    while (at > line.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  }
  return { start: at, end: at, text: ` <!-- mtlint-disable-line ${ruleId} -->` };
}

function indentOf(content: string): number {
  return content.length - content.trimStart().length;
}

const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HTML_PROLOGUE = /^(?:\s*<\?xml[^>]*>)?(?:\s*<!doctype[^>]*>)?[ \t]*(?:\r?\n)?/i;
const FILE_DISABLE = /^<!--[ \t]*mtlint-disable[ \t]([^>]*)>/;

/**
 * "Disable <rule> for this file": `<!-- mtlint-disable rule -->` at the top
 * (after front matter or a doctype), or the rule added to such a comment.
 */
export function disableFileEdit(text: string, format: FormatName, ruleId: string): OffsetEdit {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = text.slice(bom);
  const skipped = (format === 'md' ? FRONT_MATTER : HTML_PROLOGUE).exec(head)?.[0].length ?? 0;
  const at = bom + skipped;
  const existing = FILE_DISABLE.exec(text.slice(at, at + 1000));
  const list = existing?.[1].endsWith('--') ? existing[1].slice(0, -2).trimEnd() : '';
  if (existing && list.trim().length > 0 && !list.includes('--')) {
    // Add the rule to the comment already there.
    const end = at + existing[0].indexOf(existing[1]) + list.length;
    return { start: end, end, text: list.split(/[\s,]+/).includes(ruleId) ? '' : ` ${ruleId}` };
  }
  return { start: at, end: at, text: `<!-- mtlint-disable ${ruleId} -->${lineBreakOf(text)}` };
}
