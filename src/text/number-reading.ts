/**
 * Numbers by value, for comparing a translation with its source: every way a
 * numeral may be read in any of the languages it could be in (`1.500` is 1500
 * in German and 1.5 in English), scale words (`25万`, `3,5 Mio.`, `2 million`),
 * Chinese numerals (`三千五百万`, `二〇二二`), and number words (`three`,
 * `a dozen`, `fünfundzwanzig`). A mention lists all its readings: two mentions
 * match when they share one, so a reading the writer did not mean can only
 * hide a mismatch, never invent one.
 *
 * Mentions written in digits are `digits: true`: only those are reported by
 * `number-mismatch`; words and Chinese numerals are read so that a digit on
 * the other side can be matched (`three` ↔ `3`, `三千五百万` ↔ `35 million`),
 * because they are also idioms (`一个`, `one of`) that a translation drops.
 */
import { wordList } from './lexicon.js';

export interface NumberMention {
  start: number;
  end: number;
  /** The mention as written (numeral with its scale word or percent sign). */
  text: string;
  /** Every value the mention may stand for. */
  values: number[];
  /** Written with digits (Arabic numerals), not words or Chinese numerals. */
  digits: boolean;
  /** The numeral had group separators (`1,500`, `1 500`): the target's format should group too. */
  grouped: boolean;
  /** A scale word or suffix multiplied it (`3 Mio.`, `25万`, `10k`). */
  scaled: boolean;
  /** The factor of that scale word (`25万`: 10000). */
  scale?: number;
  /** Letters or a hyphen glue it to a word: `ACE2`, `COVID-19`, `H1N1`. */
  identifier: boolean;
  /** Part of a larger expression that another mention carries (the `20` of `20世纪70年代`): never reported. */
  soft?: boolean;
  /** The unit word after it, lower case, when there is one (`ft`, `degrees`). */
  unit?: string;
}

const GROUP_SPACE = /[ \u00a0\u202f\u2009'’]/;
const SUPPORTED = new Set(['en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'zh']);

interface WordTable {
  values: Map<string, number>;
}

const tables = new Map<string, WordTable>();

/** The number words of a language (`number-words-<lang>.txt`); English words are read in every language. */
function wordTable(language: string): WordTable {
  let table = tables.get(language);
  if (!table) {
    const values = new Map<string, number>();
    const names = language === 'en' || !SUPPORTED.has(language) ? ['en'] : ['en', language];
    for (const name of names) {
      for (const entry of wordList(`number-words-${name}`)) {
        const [word, value] = entry.split(/\s+/);
        const number = Number(value);
        if (word && Number.isFinite(number)) values.set(word.toLowerCase(), number);
      }
    }
    table = { values };
    tables.set(language, table);
  }
  return table;
}

/** Values that act as a multiplier after a numeral (`3 million`, `2 Mrd.`, `5 тыс.`). */
function isScale(value: number): boolean {
  return value === 100 || value === 1000 || value === 1e6 || value === 1e9 || value === 1e12;
}

const CJK_DIGITS = '零〇一二两三四五六七八九';
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CJK_NUMERAL = /[零〇一二两三四五六七八九十百千万萬亿億]/;

/** Value of a run of Chinese numerals: digit by digit (`二〇二二`) or with units (`三千五百万`). */
export function chineseNumeralValue(run: string): number | undefined {
  const table = wordTable('zh').values;
  const chars = Array.from(run);
  if (chars.length === 0) return undefined;
  if (chars.length >= 2 && chars.every((char) => CJK_DIGITS.includes(char) && char !== '两')) {
    return Number(chars.map((char) => String(table.get(char) ?? 0)).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of chars) {
    const unit = CJK_UNITS[char];
    if (unit === undefined) {
      const value = table.get(char);
      if (value === undefined) return undefined;
      digit = value;
      continue;
    }
    if (unit >= 1e4) {
      section += digit ?? 0;
      total = (total + section) * unit;
      if (total === 0) total = unit;
      section = 0;
    } else section += (digit ?? 1) * unit;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/** Readings of a numeral's digits and separators: English, continental, or both when ambiguous. */
export function numeralReadings(raw: string): { values: number[]; grouped: boolean } {
  const normalised = raw.replace(/[ \u00a0\u202f\u2009'’]/g, ' ');
  const spaced = normalised.includes(' ');
  const compact = normalised.replace(/ /g, '');
  const dots = (compact.match(/\./g) ?? []).length;
  const commas = (compact.match(/,/g) ?? []).length;
  const values = new Set<number>();
  const groupsOf = (separator: string) => compact.split(separator);
  const isGrouping = (parts: string[]) => parts.slice(1).every((part) => part.length === 3) && parts[0].length <= 3;
  let grouped = spaced;
  if (dots === 0 && commas === 0) values.add(Number(compact));
  else if (dots > 0 && commas > 0) {
    // The later mark is the decimal one: `1,500.25` or `1.500,25`.
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    values.add(Number(compact.split(group).join('').replace(',', '.')));
    grouped = true;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const parts = groupsOf(mark);
    if (parts.length === 2) {
      values.add(Number(`${parts[0]}.${parts[1]}`));
      // `1,2` may be a list written without spaces.
      if (mark === ',' && parts[1].length !== 3) for (const part of parts) values.add(Number(part));
      if (parts[1].length === 3 && parts[0] !== '0') {
        values.add(Number(parts.join('')));
        grouped = true;
      }
    } else if (isGrouping(parts)) {
      values.add(Number(parts.join('')));
      grouped = true;
    }
  }
  return { values: [...values].filter((value) => Number.isFinite(value)), grouped };
}

/**
 * Reads the digits at `index`: digit runs joined by one `.` or `,`, and
 * groups of exactly three digits after a space or apostrophe when the first
 * group has at most three digits (`1 500 000`, not `2019 200`). A run of
 * more than one `.` or `,` that is not digit grouping (`15.09.2020`, `1.2.3`)
 * ends before its second mark, so each part is read on its own.
 */
function numeralEnd(text: string, index: number): number {
  let end = index;
  while (end < text.length && isAsciiDigit(text, end)) end++;
  const firstGroup = end - index;
  const firstEnd = end;
  // The second or third part of a date or list (`09` and `2020` of `15.09.2020`): digits only.
  if (index >= 2 && (text[index - 1] === '.' || text[index - 1] === ',') && isAsciiDigit(text, index - 2)) return end;
  let marks = 0;
  let spaceGroups = firstGroup <= 3;
  for (;;) {
    const char = text[end];
    if ((char === '.' || char === ',') && isAsciiDigit(text, end + 1)) {
      let next = end + 1;
      while (next < text.length && isAsciiDigit(text, next)) next++;
      const length = next - end - 1;
      // A second mark not grouping thousands: a date or a list (`15.09.2020`, `1,2,4`), each part on its own.
      if (marks >= 1 && length !== 3) return marks === 1 ? firstEnd : end;
      marks++;
      spaceGroups = false;
      end = next;
      continue;
    }
    if (spaceGroups && char !== undefined && GROUP_SPACE.test(char) && isAsciiDigit(text, end + 1)) {
      let next = end + 1;
      while (next < text.length && isAsciiDigit(text, next)) next++;
      if (next - end - 1 !== 3) break;
      end = next;
      continue;
    }
    break;
  }
  return end;
}

function isAsciiDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** A word: letters and marks, not Chinese characters (a Chinese numeral run may follow any of them). */
const WORD = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}])+/uy;

/** The word starting at `index` (letters only), or undefined. */
function wordAt(text: string, index: number): { word: string; end: number } | undefined {
  WORD.lastIndex = index;
  const match = WORD.exec(text);
  return match ? { word: match[0], end: index + match[0].length } : undefined;
}

/** A letter of an alphabet (not a Chinese or Japanese character, which may close up to a number). */
const LATIN_LIKE_LETTER = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\p{L}/u;

/** `3 p.m.`, `5:30 pm`: the hour after noon (the minutes are a figure of their own). */
const HOUR_AFTER = /^(?::[0-5]\d)?\s?(?:p\.\s?m\.|pm\b)/i;
/** `the 80s`, `the '80s`, German `die 80er Jahre`. */
const DECADE_AFTER = /^(?:\s?'?s\b|er\b)/;
/** `20世纪70年代`: the century of a decade is part of the decade. */
const CENTURY_OF_DECADE = /^世纪\d{1,2}年代/;

/** Number mentions of `text` in `language` (primary subtag), in order. */
export function readNumbers(text: string, language: string): NumberMention[] {
  const table = wordTable(language).values;
  const mentions: NumberMention[] = [];
  for (let index = 0; index < text.length; ) {
    const char = text[index];
    if (isAsciiDigit(text, index)) {
      // Letters before it, closed up or with a hyphen, make it part of a name: `ACE2`, `COVID-19`, `kg/m2`.
      const before = text[index - 1] === '-' ? text[index - 2] : text[index - 1];
      const identifier = before !== undefined && LATIN_LIKE_LETTER.test(before);
      const numeralStop = numeralEnd(text, index);
      const raw = text.slice(index, numeralStop);
      const { values, grouped } = numeralReadings(raw);
      const readings = new Set(values);
      let end = numeralStop;
      let scaled = false;
      let scaleFactor: number | undefined;
      let unit: string | undefined;
      // What follows: a percent sign, a scale word or suffix, an ordinal suffix, a unit.
      const rest = text.slice(end, end + 24);
      const gap = /^[ \u00a0\u202f\u2009]?/.exec(rest)?.[0].length ?? 0;
      const after = wordAt(text, end + gap);
      const cjkScale = CJK_UNITS[text[end]];
      if (cjkScale && cjkScale >= 100) {
        // `25万`, `3千`, `1.2亿` (and `3千万`: a unit after a unit multiplies again).
        let factor = cjkScale;
        let stop = end + 1;
        const again = CJK_UNITS[text[stop]];
        if (again && again > factor) {
          factor *= again;
          stop++;
        }
        for (const value of values) readings.add(value * factor);
        scaled = true;
        scaleFactor = factor;
        end = stop;
      } else if (text[end] === 'k' || text[end] === 'K') {
        if (!/\p{L}/u.test(text[end + 1] ?? '')) {
          for (const value of values) readings.add(value * 1000);
          scaled = true;
          scaleFactor = 1000;
          end++;
        }
      } else if (after && (gap > 0 || !/\p{L}/u.test(text[end - 1] ?? ''))) {
        const scale = table.get(after.word.toLowerCase());
        if (scale !== undefined && isScale(scale) && after.word.length > 1) {
          for (const value of values) readings.add(value * scale);
          scaled = true;
          scaleFactor = scale;
          end = after.end + (text[after.end] === '.' ? 1 : 0);
        } else if (/^(?:st|nd|rd|th|er|e|ème|º|ª)$/i.test(after.word) && gap === 0) end = after.end;
        else unit = after.word.toLowerCase();
      }
      if (!scaled && !unit && /^\s?(?:°|℃|℉)/.test(rest)) unit = '°';
      if (HOUR_AFTER.test(rest)) for (const value of values) if (value < 12) readings.add(value + 12);
      if (DECADE_AFTER.test(rest) || text.startsWith('年代', end)) {
        for (const value of values) if (value < 100 && value % 10 === 0) readings.add(1900 + value);
        const century = /(\d{1,2})世纪$/.exec(text.slice(Math.max(0, index - 6), index));
        if (century) for (const value of values) readings.add((Number(century[1]) - 1) * 100 + value);
      }
      if (text[end] === '%' || text[end] === '‰') end++;
      else if (/^[ \u00a0\u202f\u2009][%‰]/.test(text.slice(end, end + 2))) end += 2;
      mentions.push({
        start: index,
        end,
        text: text.slice(index, end),
        values: [...readings],
        digits: true,
        grouped,
        scaled,
        ...(scaleFactor ? { scale: scaleFactor } : {}),
        ...(CENTURY_OF_DECADE.test(text.slice(end, end + 8)) ? { soft: true } : {}),
        identifier,
        ...(unit ? { unit } : {}),
      });
      index = Math.max(end, numeralStop);
      continue;
    }
    if (text.startsWith('百分之', index) || text.startsWith('千分之', index)) {
      // `百分之五十` is 50 per cent: the `百` is not a hundred.
      index += 3;
      continue;
    }
    if (CJK_NUMERAL.test(char)) {
      let end = index;
      while (end < text.length && CJK_NUMERAL.test(text[end])) end++;
      const value = chineseNumeralValue(text.slice(index, end));
      if (value !== undefined) {
        mentions.push({
          start: index,
          end,
          text: text.slice(index, end),
          values: [value],
          digits: false,
          grouped: false,
          scaled: false,
          identifier: false,
        });
      }
      index = end;
      continue;
    }
    const roman =
      ROMAN.exec(text.slice(index, index + 8)) ??
      (LONE_ROMAN_AFTER.test(text.slice(Math.max(0, index - 12), index))
        ? LONE_ROMAN.exec(text.slice(index, index + 2))
        : null);
    if (roman && (index === 0 || !/\p{L}/u.test(text[index - 1]))) {
      // `clase II`, `stage IV`: read to match `2`, `4` on the other side, never reported.
      const value = romanValue(roman[0]);
      if (value) {
        mentions.push({
          start: index,
          end: index + roman[0].length,
          text: roman[0],
          values: [value],
          digits: false,
          grouped: false,
          scaled: false,
          identifier: false,
        });
      }
      index += roman[0].length;
      continue;
    }
    const word =
      /\p{L}/u.test(char) && (index === 0 || !/\p{L}/u.test(text[index - 1])) ? wordAt(text, index) : undefined;
    if (word) {
      const oneMeasure = language === 'en' ? ARTICLE_MEASURE.exec(text.slice(index, index + 24)) : null;
      if (oneMeasure) {
        // `about a foot` is one foot: read so that `30 cm` on the other side is a conversion, never reported.
        mentions.push({
          start: index,
          end: index + oneMeasure[0].length,
          text: oneMeasure[0],
          values: [1],
          digits: false,
          grouped: false,
          scaled: false,
          identifier: false,
          unit: oneMeasure[1].toLowerCase(),
        });
        index += oneMeasure[0].length;
        continue;
      }
      const compound = wordValues(text, index, table, language);
      if (compound) {
        mentions.push({
          start: index,
          end: compound.end,
          text: text.slice(index, compound.end),
          values: compound.values,
          digits: false,
          grouped: false,
          scaled: false,
          identifier: false,
        });
        index = compound.end;
        continue;
      }
      index = word.end;
      continue;
    }
    index++;
  }
  shareScales(text, mentions);
  shareCentury(text, mentions);
  return mentions;
}

/** `a foot`, `an inch`: one unit of measurement, written with the article. */
const ARTICLE_MEASURE =
  /^an? (foot|inch|mile|yard|pound|ounce|gallon|acre|metre|meter|kilometre|kilometer|kilo|kilogram|litre|liter|hectare)(?!\p{L})/iu;

/** An upper-case Roman numeral of two or more letters (`II`, `XIV`); a lone `I` is a pronoun in English. */
const ROMAN = /^[IVX]{2,5}(?![\p{L}\p{N}])/u;

/** `clase I`, `Typ V`, `stage X`: a lone Roman numeral after a word that numbers classes. */
const LONE_ROMAN = /^[IVX](?![\p{L}\p{N}])/u;
const LONE_ROMAN_AFTER =
  /\b(?:class|clase|classe|klasse|type|typ|tipo|grade|grado|grad|stage|stadium|estadio|phase|fase|level|nivel|группа|класс|степень)\s$/iu;

function romanValue(numeral: string): number | undefined {
  const digits: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let index = 0; index < numeral.length; index++) {
    const value = digits[numeral[index]];
    const next = digits[numeral[index + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 40 ? total : undefined;
}

/** Between the two ends of a range: `4 to 6 million`, `400万至600万`, `3–5 Mio.`. */
const RANGE_JOINER = /^(?:to|-|–|—|and|or|bis|und|oder|à|a|y|e|et|о|до|и|或|至|到|~|～)(?: ?[A-Z]{0,3}[$€£¥])?$/i;

/** The first end of a range takes the scale of the second: `4 to 6 million` is 4 million to 6 million. */
function shareScales(text: string, mentions: NumberMention[]): void {
  for (let index = 0; index + 1 < mentions.length; index++) {
    const first = mentions[index];
    const second = mentions[index + 1];
    if (!first.digits || first.scaled || !second.scaled) continue;
    const between = text.slice(first.end, second.start).trim();
    if (between.length > 12 || !RANGE_JOINER.test(between)) continue;
    const scale = second.scale;
    if (!scale) continue;
    first.values = [...new Set([...first.values, ...first.values.map((value) => value * scale)])];
  }
}

/** Between the two years of a span written closed up: `2019/20`, `2019-20`, `2019–20`. */
const YEAR_SPAN_JOINER = /^[/\-–—]$/;

/** The second year of `2019/20` is 2020: it takes the century of the first (`2019–2020` on the other side). */
function shareCentury(text: string, mentions: NumberMention[]): void {
  for (let index = 1; index < mentions.length; index++) {
    const first = mentions[index - 1];
    const second = mentions[index];
    if (!first.digits || !second.digits || !/^\d{4}$/.test(first.text) || !/^\d{2}$/.test(second.text)) continue;
    if (!YEAR_SPAN_JOINER.test(text.slice(first.end, second.start))) continue;
    const year = Number(first.text);
    const short = Number(second.text);
    const century = Math.floor(year / 100) * 100;
    // The second year follows the first (`1999/00` is 2000).
    const full = century + short > year ? century + short : century + 100 + short;
    if (full - year <= 10) second.values = [...new Set([...second.values, full])];
  }
}

/**
 * Number words from `index`: one word, or a compound written with hyphens,
 * spaces and `and` (`twenty-five`, `three hundred and two`, `a dozen`), or a
 * German compound (`fünfundzwanzig`, `zweihundert`). All readings: the whole
 * and each word alone (so `two hundred` matches 200 and 2).
 */
function wordValues(
  text: string,
  index: number,
  table: ReadonlyMap<string, number>,
  language: string,
): { end: number; values: number[] } | undefined {
  const parts: number[] = [];
  let end = index;
  let cursor = index;
  let article = false;
  for (;;) {
    const word = wordAt(text, cursor);
    if (!word) break;
    const lower = word.word.toLowerCase();
    let value = table.get(lower);
    if (value === undefined && (language === 'de' || language === 'it')) value = compoundValue(lower, table);
    if (value === undefined) {
      if (parts.length === 0 && (lower === 'a' || lower === 'an') && !article) {
        article = true;
        const gap = /^ /.test(text.slice(word.end, word.end + 1)) ? 1 : 0;
        if (gap === 0) break;
        cursor = word.end + gap;
        continue;
      }
      if (parts.length > 0 && lower === 'and' && text[word.end] === ' ') {
        const next = wordAt(text, word.end + 1);
        if (next && table.has(next.word.toLowerCase())) {
          cursor = word.end + 1;
          continue;
        }
      }
      break;
    }
    parts.push(value);
    end = word.end;
    const joiner = text[end];
    if ((joiner === '-' || joiner === ' ') && /\p{L}/u.test(text[end + 1] ?? '')) cursor = end + 1;
    else break;
  }
  if (parts.length === 0) return undefined;
  const values = new Set<number>(parts);
  values.add(combine(parts));
  // `half`, `die Hälfte`, `a quarter`: also the per cent a translation may write (`50%`).
  for (const part of parts) if (part > 0 && part < 1) values.add(part * 100);
  return { end, values: [...values] };
}

/** `twenty five` → 25, `three hundred two` → 302, `two thousand five hundred` → 2500. */
function combine(parts: readonly number[]): number {
  let total = 0;
  let current = 0;
  for (const value of parts) {
    if (value === 100) current = (current || 1) * 100;
    else if (value >= 1000 && isScale(value)) {
      total += (current || 1) * value;
      current = 0;
    } else current += value;
  }
  return total + current;
}

/**
 * A numeral written as one word: German `fünfundzwanzig` = 5 + 20,
 * `dreihundert` = 3 × 100; Italian `trentotto` = 30 + 8 (the tens' stems are
 * in the word list: `trent`).
 */
function compoundValue(word: string, table: ReadonlyMap<string, number>): number | undefined {
  if (word.length < 7) return undefined;
  const pieces: number[] = [];
  let rest = word;
  while (rest.length > 0 && pieces.length < 6) {
    if (rest.startsWith('und') && pieces.length > 0) {
      rest = rest.slice(3);
      continue;
    }
    let found = 0;
    for (let length = Math.min(rest.length, 10); length >= 3; length--) {
      if (table.has(rest.slice(0, length))) {
        found = length;
        break;
      }
    }
    if (found === 0) return undefined;
    pieces.push(table.get(rest.slice(0, found)) as number);
    rest = rest.slice(found);
  }
  if (rest.length > 0 || pieces.length < 2) return undefined;
  // `fünfundzwanzig`: unit before tens.
  if (pieces.length === 2 && pieces[0] < 10 && pieces[1] >= 20 && pieces[1] < 100) return pieces[0] + pieces[1];
  return combine(pieces);
}
