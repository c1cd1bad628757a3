/**
 * Offsets in the evaluation data count Unicode code points (they come from
 * Python); offsets in mtlint's findings count UTF-16 code units (JavaScript).
 * They differ as soon as a text holds an astral character (emoji, rare CJK,
 * mathematical letters). `OffsetMap` converts between the two for one string.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

export class OffsetMap {
  /** UTF-16 offset of each code point index (only when the text has astral characters). */
  private readonly utf16At: number[] | undefined;
  /** Number of code points. */
  readonly length: number;

  constructor(readonly text: string) {
    if (!SURROGATE.test(text)) {
      this.utf16At = undefined;
      this.length = text.length;
      return;
    }
    const table: number[] = [];
    let unit = 0;
    for (const char of text) {
      table.push(unit);
      unit += char.length;
    }
    table.push(unit);
    this.utf16At = table;
    this.length = table.length - 1;
  }

  /** UTF-16 offset of code point index `point` (clamped to the text). */
  toUtf16(point: number): number {
    const clamped = Math.max(0, Math.min(point, this.length));
    return this.utf16At ? this.utf16At[clamped] : clamped;
  }

  /**
   * Code point index of UTF-16 offset `unit` (clamped). An offset inside a
   * surrogate pair rounds down for a start (`'start'`) and up for an end
   * (`'end'`), so a converted range always covers what the original covered.
   */
  toCodePoint(unit: number, side: 'start' | 'end' = 'start'): number {
    const table = this.utf16At;
    if (!table) return Math.max(0, Math.min(unit, this.length));
    if (unit <= 0) return 0;
    if (unit >= table[this.length]) return this.length;
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (table[middle] <= unit) low = middle;
      else high = middle - 1;
    }
    if (table[low] === unit || side === 'start') return low;
    return low + 1;
  }
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  return SURROGATE.test(text) ? new OffsetMap(text).length : text.length;
}
