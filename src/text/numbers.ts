/**
 * The one number tokenizer every number rule uses.
 *
 * parse-english splits `1,500` into three nodes and `$500` into two, so number
 * rules work on flattened text (see `src/nlcst/flat.ts`) and read numbers from
 * it with `scanNumbers`: one linear pass, no backtracking regular expressions.
 * A token is a numeral (digits with group separators and a decimal mark) plus
 * what is attached to it: a sign, a currency symbol or ISO code before or
 * after, a percent sign, a unit, an ordinal suffix, a scale word (`million`),
 * and whether letters or hyphens glue it to a word (`K562`, `COVID-19`,
 * `3-year`). Neighbouring numerals are linked into times (`10:30`), ranges
 * (`10–20`, `2019-2020`), scores (`3-1`) and dates (`15.09.2020`).
 *
 * Offsets are indices into the scanned string; map them back with the
 * `FlatText` the string came from.
 */
import type { Paragraph } from 'nlcst';
import { type FlatText, flatten } from '../nlcst/flat.js';

export type NumberKind =
  | 'cardinal'
  | 'decimal'
  | 'ordinal'
  | 'percent'
  | 'money'
  | 'quantity'
  | 'year'
  | 'time'
  | 'range'
  | 'score'
  | 'date'
  | 'identifier'
  | 'other';

/** How the digits are grouped and which decimal mark they use. */
export type NumberStyle =
  /** Digits only: `1500`, `250000`. */
  | 'plain'
  /** English: `1,500`, `1,500.25`, `3.5`. */
  | 'english'
  /** Thousands with full stops: `1.500.000`, `1.500,25`. */
  | 'dot-groups'
  /** A decimal comma: `3,5`, `0,05`. */
  | 'decimal-comma'
  /** One full stop before exactly three digits: `1.500` (a decimal or a German thousand). */
  | 'dot-three'
  /** Groups separated by spaces: `1 500`, `1 500 000` (also thin and no-break spaces). */
  | 'space-groups'
  /** Groups separated by apostrophes: `1'500`. */
  | 'apostrophe-groups'
  /** Anything else: `1.2.3`, `1,2,3`, `2019,2020`. */
  | 'other';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Attachment extends Span {
  /** White space between the numeral and the attachment (`''` when closed up). */
  gap: string;
}

export interface NumberToken {
  /** Start of the whole token (sign, currency before). */
  start: number;
  /** End of the whole token (currency, percent, unit, ordinal suffix after). */
  end: number;
  /** The numeral alone (digits, separators, decimal mark). */
  numeral: Span;
  kind: NumberKind;
  style: NumberStyle;
  /** Value read the English way (`1,500` → 1500, `3.5` → 3.5); undefined when not a plain number. */
  value: number | undefined;
  /** Value read the continental way when `style` is foreign (`1.500` → 1500, `3,5` → 3.5). */
  foreignValue?: number;
  /** Digits of the integer part. */
  integerDigits: number;
  sign?: Span;
  currency?: Attachment & { position: 'before' | 'after'; code: boolean };
  percent?: Attachment;
  unit?: Attachment;
  ordinal?: Span;
  /** `million`, `billion`, `bn`, `m` after the numeral (`$5m`). */
  scale?: Attachment;
  /** Letters glued on the left (`in2020`, `K562`). */
  gluedBefore: string;
  /** Letters glued on the right that are not a unit, ordinal or scale (`5G`, `2020the`). */
  gluedAfter: string;
  /** A hyphen joins a word on the left (`COVID-19`, `SH-4`). */
  hyphenWordBefore: boolean;
  /** A hyphen joins a word on the right (`3-year`, `20-man`). */
  hyphenWordAfter: boolean;
  /** Index of the other numeral of a time, range, score or date (first one of the group). */
  group?: number;
}

const ISO_CODES = new Set(
  'USD EUR GBP JPY CNY RMB CHF RUB BYN BYR INR AUD CAD HKD SGD KRW TRY UAH PLN SEK NOK DKK BRL MXN ZAR CZK HUF NZD ILS THB VND PHP IDR MYR TWD SAR AED KZT'.split(
    ' ',
  ),
);
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥', '₹', '₽', '₩', '₺', '₪', '₴', '₦', '฿', '₫', '₱', '元']);
/** Letters that may precede `$`: `US$`, `HK$`, `A$`, `R$`. */
const DOLLAR_PREFIXES = new Set(['US', 'HK', 'A', 'AU', 'C', 'CA', 'NZ', 'S', 'R', 'NT', 'MX']);

/** Units (case-sensitive) recognised after a numeral, closed up or spaced. */
export const UNITS: ReadonlySet<string> = new Set(
  (
    'km m cm mm nm µm μm kg g mg µg μg ng t lb lbs oz l L ml mL dl dL µl μl µL μL kWh kW MW GW TW MWh GWh W V mV kV Hz kHz MHz GHz ' +
    'mph kph km/h m/s ft mi yd ha km² km2 m² m2 cm² cm3 cm³ m³ h hr hrs min sec ms µs mmol mol µmol μmol mM µM μM nM pM IU ' +
    'Mbps Gbps kbps Kbps bpm mmHg Gy mSv cGy kcal kJ cal MB GB TB KB kB Mb Gb kb bp kbp Mbp px dB °C °F K'
  ).split(' '),
);
/** Units that are also words or letters, recognised only when closed up (`5s`, `10in`) — not after a space. */
const CLOSED_ONLY_UNITS = new Set(['s', 'in', 'K', 'bp']);
const SCALES = new Set(['million', 'billion', 'trillion', 'thousand', 'hundred', 'bn', 'mn', 'm', 'k', 'K', 'B', 'tn']);
const LONG_SCALES = new Set(['million', 'billion', 'trillion', 'thousand', 'hundred', 'bn', 'mn', 'tn']);
const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);

const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetterChar = (char: string) => /\p{L}/u.test(char);
const GROUP_SPACES = new Set(['\u00a0', '\u202f', '\u2009']);

interface RawNumeral {
  start: number;
  end: number;
  groups: string[];
  separators: string[];
}

/** Reads a numeral at `index` (a digit): digit runs joined by single separators. */
function readNumeral(text: string, index: number): RawNumeral {
  const groups: string[] = [];
  const separators: string[] = [];
  let position = index;
  for (;;) {
    const from = position;
    while (position < text.length && isDigit(text.charCodeAt(position))) position++;
    groups.push(text.slice(from, position));
    const separator = text[position];
    const next = text.charCodeAt(position + 1);
    if ((separator === ',' || separator === '.' || separator === "'" || GROUP_SPACES.has(separator)) && isDigit(next)) {
      separators.push(separator);
      position++;
      continue;
    }
    break;
  }
  return { start: index, end: position, groups, separators };
}

function toNumber(digits: string): number {
  return Number(digits);
}

/** Classifies the separators of a numeral and reads its value. */
function readStyle(raw: RawNumeral): { style: NumberStyle; value?: number; foreignValue?: number } {
  const { groups, separators } = raw;
  if (separators.length === 0) return { style: 'plain', value: toNumber(groups[0]) };
  const head = groups[0];
  const tail = groups.slice(1);
  const headOk = head.length >= 1 && head.length <= 3;
  const threes = (list: string[]) => list.every((group) => group.length === 3);
  const same = separators.every((separator) => separator === separators[0]);
  const first = separators[0];
  if (same && first === ',') {
    if (headOk && threes(tail)) return { style: 'english', value: toNumber(groups.join('')) };
    if (separators.length === 1 && tail[0].length <= 2)
      return { style: 'decimal-comma', foreignValue: Number(`${head}.${tail[0]}`) };
    return { style: 'other' };
  }
  if (same && first === '.') {
    if (separators.length === 1) {
      const value = Number(`${head}.${tail[0]}`);
      if (headOk && tail[0].length === 3 && head !== '0')
        return { style: 'dot-three', value, foreignValue: toNumber(head + tail[0]) };
      return { style: 'english', value };
    }
    if (headOk && threes(tail)) return { style: 'dot-groups', foreignValue: toNumber(groups.join('')) };
    return { style: 'other' };
  }
  if (same && (first === "'" || GROUP_SPACES.has(first))) {
    if (headOk && threes(tail)) {
      const value = toNumber(groups.join(''));
      return first === "'" ? { style: 'apostrophe-groups', foreignValue: value } : { style: 'space-groups', value };
    }
    return { style: 'other' };
  }
  // Mixed: `1,500.25` (English) or `1.500,25` (continental).
  const last = separators[separators.length - 1];
  const inner = separators.slice(0, -1);
  const innerGroups = groups.slice(1, -1);
  if (headOk && threes(innerGroups)) {
    if (last === '.' && inner.every((separator) => separator === ','))
      return { style: 'english', value: Number(`${groups.slice(0, -1).join('')}.${groups[groups.length - 1]}`) };
    if (last === ',' && inner.every((separator) => separator === '.'))
      return {
        style: 'dot-groups',
        foreignValue: Number(`${groups.slice(0, -1).join('')}.${groups[groups.length - 1]}`),
      };
  }
  return { style: 'other' };
}

/** Letters (and `/`, `²`, `³`, `°`) starting at `index`. */
function readWordAt(text: string, index: number): string {
  let position = index;
  while (position < text.length) {
    const char = text[position];
    if (isLetterChar(char) || char === '²' || char === '³' || (char === '°' && position === index)) position++;
    else if (char === '/' && position > index && isLetterChar(text[position + 1] ?? '')) position++;
    else break;
  }
  return text.slice(index, position);
}

function readWordBefore(text: string, index: number): string {
  let position = index;
  while (position > 0 && isLetterChar(text[position - 1])) position--;
  return text.slice(position, index);
}

/** Horizontal white space (one or more spaces, tabs, no-break spaces) starting at `index`. */
function spaceAt(text: string, index: number): string {
  let position = index;
  while (position < text.length && (text[position] === ' ' || text[position] === '\t' || text[position] === '\u00a0'))
    position++;
  return text.slice(index, position);
}

function spaceBefore(text: string, index: number): string {
  let position = index;
  while (position > 0 && (text[position - 1] === ' ' || text[position - 1] === '\t' || text[position - 1] === '\u00a0'))
    position--;
  return text.slice(position, index);
}

const isBoundary = (char: string | undefined) => char === undefined || !/[\p{L}\p{N}]/u.test(char);

/** Finds every number in `text`, in order. */
export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isDigit(text.charCodeAt(index))) {
      index++;
      continue;
    }
    // A digit glued to a previous numeral's letters (`COVID19x2`) is still a numeral of its own.
    const raw = readNumeral(text, index);
    tokens.push(describe(text, raw));
    index = raw.end;
  }
  linkGroups(text, tokens);
  return tokens;
}

function describe(text: string, raw: RawNumeral): NumberToken {
  const { style, value, foreignValue } = readStyle(raw);
  const numeralText = text.slice(raw.start, raw.end);
  const token: NumberToken = {
    start: raw.start,
    end: raw.end,
    numeral: { start: raw.start, end: raw.end, text: numeralText },
    kind: 'cardinal',
    style,
    value,
    integerDigits: raw.groups[0].length,
    gluedBefore: '',
    gluedAfter: '',
    hyphenWordBefore: false,
    hyphenWordAfter: false,
  };
  if (foreignValue !== undefined) token.foreignValue = foreignValue;
  if (style === 'english' || style === 'space-groups') {
    const integer = numeralText.split('.')[0];
    token.integerDigits = integer.replace(/\D/g, '').length;
  }

  // Left side: sign, currency, glued letters, hyphen.
  let left = raw.start;
  const before = text[left - 1];
  if ((before === '-' || before === '−' || before === '+') && !/[\p{L}\p{N}]/u.test(text[left - 2] ?? '')) {
    token.sign = { start: left - 1, end: left, text: before };
    left--;
  }
  const gapLeft = spaceBefore(text, left);
  const symbolAt = left - gapLeft.length - 1;
  const symbol = text[symbolAt];
  if (symbol !== undefined && CURRENCY_SYMBOLS.has(symbol) && gapLeft.length <= 1) {
    let symbolStart = symbolAt;
    const prefix = readWordBefore(text, symbolAt);
    if (symbol === '$' && DOLLAR_PREFIXES.has(prefix)) symbolStart -= prefix.length;
    if (isBoundary(text[symbolStart - 1]) || symbolStart < symbolAt) {
      token.currency = {
        start: symbolStart,
        end: symbolAt + 1,
        text: text.slice(symbolStart, symbolAt + 1),
        gap: gapLeft,
        position: 'before',
        code: false,
      };
      token.start = symbolStart;
    }
  } else {
    const word = readWordBefore(text, left - gapLeft.length);
    const wordStart = left - gapLeft.length - word.length;
    if (ISO_CODES.has(word) && isBoundary(text[wordStart - 1]) && gapLeft.length <= 1) {
      token.currency = {
        start: wordStart,
        end: wordStart + word.length,
        text: word,
        gap: gapLeft,
        position: 'before',
        code: true,
      };
      token.start = wordStart;
    } else if (gapLeft === '' && word.length > 0) {
      token.gluedBefore = word;
    } else if (gapLeft === '' && (before === '-' || before === '‐') && !token.sign) {
      token.hyphenWordBefore = /\p{L}/u.test(text[left - 2] ?? '');
    }
  }

  // Right side: ordinal, percent, currency, scale, unit, glued letters, hyphen.
  let right = raw.end;
  const gap = spaceAt(text, right);
  const after = text[right];
  const closedWord = readWordAt(text, right);
  if (closedWord && ORDINALS.has(closedWord.toLowerCase()) && style === 'plain') {
    token.ordinal = { start: right, end: right + closedWord.length, text: closedWord };
    token.kind = 'ordinal';
    right += closedWord.length;
  } else if (
    after === '%' ||
    after === '‰' ||
    ((text[right + gap.length] === '%' || text[right + gap.length] === '‰') && gap.length <= 1)
  ) {
    const at = right + gap.length;
    token.percent = { start: at, end: at + 1, text: text[at], gap: text.slice(right, at) };
    token.kind = 'percent';
    right = at + 1;
  } else {
    const symbolAfter = text[right + gap.length];
    const wordAfter = readWordAt(text, right + gap.length);
    if (
      !token.currency &&
      symbolAfter !== undefined &&
      CURRENCY_SYMBOLS.has(symbolAfter) &&
      gap.length <= 1 &&
      isBoundary(text[right + gap.length + 1]) &&
      // `2021 $ 500`: a sign between two figures belongs to the one after it, as English writes it.
      !startsFigure(text, right + gap.length + 1)
    ) {
      const at = right + gap.length;
      token.currency = { start: at, end: at + 1, text: symbolAfter, gap, position: 'after', code: false };
      right = at + 1;
    } else if (
      !token.currency &&
      ISO_CODES.has(wordAfter) &&
      gap.length <= 1 &&
      !startsFigure(text, right + gap.length + wordAfter.length)
    ) {
      const at = right + gap.length;
      token.currency = { start: at, end: at + wordAfter.length, text: wordAfter, gap, position: 'after', code: true };
      right = at + wordAfter.length;
    } else if (
      wordAfter &&
      SCALES.has(wordAfter) &&
      gap.length <= 1 &&
      isBoundary(text[right + gap.length + wordAfter.length]) &&
      (LONG_SCALES.has(wordAfter) || token.currency)
    ) {
      const at = right + gap.length;
      token.scale = { start: at, end: at + wordAfter.length, text: wordAfter, gap };
    } else if (
      wordAfter &&
      UNITS.has(wordAfter) &&
      gap.length <= 1 &&
      isBoundary(text[right + gap.length + wordAfter.length]) &&
      !(gap && CLOSED_ONLY_UNITS.has(wordAfter))
    ) {
      const at = right + gap.length;
      token.unit = { start: at, end: at + wordAfter.length, text: wordAfter, gap };
      token.kind = 'quantity';
      right = at + wordAfter.length;
    } else if (closedWord) {
      token.gluedAfter = closedWord;
    } else if ((after === '-' || after === '‐') && isLetterChar(text[right + 1] ?? '')) {
      token.hyphenWordAfter = true;
    }
  }
  token.end = right;

  // Currency after a scale word: `$5 million` keeps its currency; `5 million dollars` is prose.
  if (token.currency) token.kind = 'money';
  else if (token.gluedBefore || token.hyphenWordBefore) token.kind = 'identifier';
  if (token.kind === 'cardinal') {
    if (token.gluedAfter && !token.ordinal) token.kind = 'identifier';
    else if (
      style === 'plain' &&
      raw.groups[0].length === 4 &&
      !token.sign &&
      value !== undefined &&
      value >= 1000 &&
      value <= 2100
    )
      token.kind = 'year';
    else if (style === 'english' && numeralText.includes('.')) token.kind = 'decimal';
    else if (style === 'other') token.kind = 'other';
  }
  return token;
}

/** Links numerals joined by `:`, `-`, `–`, `/`, `.` into times, ranges, scores and dates. */
function linkGroups(text: string, tokens: NumberToken[]): void {
  for (let index = 1; index < tokens.length; index++) {
    const previous = tokens[index - 1];
    const current = tokens[index];
    const between = text.slice(previous.end, current.start);
    if (between.length === 0 || between.length > 3) continue;
    const joiner = between.trim();
    if (joiner.length !== 1 || (between.length > 1 && joiner !== '–' && joiner !== '—')) continue;
    const first = previous.group ?? index - 1;
    const chain = index - first + 1;
    if (joiner === ':' && previous.numeral.text.length <= 2 && /^\d\d$/.test(current.numeral.text)) {
      setKind(tokens, first, index, chain > 2 ? 'time' : 'time');
    } else if (joiner === '-' || joiner === '–' || joiner === '—' || joiner === '/') {
      if (previous.hyphenWordBefore || previous.gluedBefore) {
        setKind(tokens, first, index, 'identifier');
      } else if (chain >= 3) setKind(tokens, first, index, 'date');
      else if (joiner === '/' && previous.numeral.text.length <= 2 && current.numeral.text.length <= 2)
        setKind(tokens, first, index, 'date');
      else if (
        (joiner === '-' || joiner === '–') &&
        previous.numeral.text.length <= 2 &&
        current.numeral.text.length <= 2 &&
        previous.kind === 'cardinal'
      )
        setKind(tokens, first, index, 'score');
      else setKind(tokens, first, index, 'range');
    } else if (joiner === '.' && between.length === 1) {
      setKind(tokens, first, index, 'date');
    } else continue;
    current.group = first;
    previous.group = first;
  }
}

function setKind(tokens: NumberToken[], from: number, to: number, kind: NumberKind): void {
  for (let index = from; index <= to; index++) {
    const token = tokens[index];
    // Money, percentages and quantities keep their kind inside a range (`$5–10`, `5–10%`).
    if (kind === 'range' && (token.currency || token.percent || token.unit)) continue;
    token.kind = kind;
  }
}

export interface ParagraphNumbers {
  flat: FlatText;
  numbers: NumberToken[];
}

const cache = new WeakMap<Paragraph, ParagraphNumbers>();

/** The flat text and numbers of a paragraph, computed once and shared by every number rule. */
export function numbersOf(paragraph: Paragraph): ParagraphNumbers {
  let entry = cache.get(paragraph);
  if (!entry) {
    const flat = flatten(paragraph);
    entry = { flat, numbers: scanNumbers(flat.text) };
    cache.set(paragraph, entry);
  }
  return entry;
}

/** True when the paragraph text has a digit at all (cheap pre-check). */
export function hasDigit(text: string): boolean {
  return /\d/.test(text);
}

/** The word ending right before `index`, skipping white space (`''` when punctuation intervenes). */
export function previousWord(text: string, index: number): Span | undefined {
  let position = index;
  while (position > 0 && (text[position - 1] === ' ' || text[position - 1] === '\u00a0')) position--;
  const end = position;
  while (position > 0 && (isLetterChar(text[position - 1]) || text[position - 1] === "'")) position--;
  if (position === end) return undefined;
  return { start: position, end, text: text.slice(position, end) };
}

/** The word starting after `index`, skipping white space. */
export function nextWord(text: string, index: number): Span | undefined {
  let position = index;
  while (position < text.length && (text[position] === ' ' || text[position] === '\u00a0')) position++;
  const start = position;
  while (position < text.length && isLetterChar(text[position])) position++;
  if (position === start) return undefined;
  return { start, end: position, text: text.slice(start, position) };
}

/**
 * Pairs of numerals written with a plain space between thousands groups
 * (`1 500`, `12 500 000`): the first has one to three digits, every later one
 * exactly three. Returns `[first, last]` token indices. `500 500` (the same
 * group twice) is a repetition, not a grouping, and is left out.
 */
export function spaceGroupRuns(text: string, tokens: readonly NumberToken[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const simple = (token: NumberToken) =>
    token.style === 'plain' && !token.gluedBefore && !token.hyphenWordBefore && token.group === undefined;
  for (let index = 0; index < tokens.length - 1; index++) {
    const first = tokens[index];
    if (!simple(first) || first.numeral.text.length > 3 || first.end !== first.numeral.end) continue;
    if (first.currency?.position === 'after' || first.percent || first.unit) continue;
    let last = index;
    while (last + 1 < tokens.length) {
      const current = tokens[last];
      const next = tokens[last + 1];
      if (text.slice(current.numeral.end, next.numeral.start) !== ' ') break;
      if (!simple(next) || next.numeral.text.length !== 3 || next.start !== next.numeral.start) break;
      if (next.numeral.text === current.numeral.text) break;
      last++;
      if (next.end !== next.numeral.end) break;
    }
    if (last > index) {
      runs.push([index, last]);
      index = last;
    }
  }
  return runs;
}

/** Formats an integer the English way: `250000` → `250,000`. */
export function groupThousands(digits: string): string {
  let result = '';
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) result += ',';
    result += digits[index];
  }
  return result;
}

/** Whether a figure starts at `at`, after at most one space. */
function startsFigure(text: string, at: number): boolean {
  const next = text[at] === ' ' || text[at] === '\u00a0' ? text[at + 1] : text[at];
  return next !== undefined && next >= '0' && next <= '9';
}
