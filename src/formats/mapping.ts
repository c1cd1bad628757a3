/**
 * Maps the prose text that the English parser sees ("virtual" text: Markdown or
 * HTML with markup removed and entities decoded) back to offsets in the
 * original file, so every finding and fix points at the file the user has.
 *
 * A run maps `length` virtual characters either one-to-one onto original
 * characters (editable prose) or, when `atomic`, all onto one original range
 * (an entity like `&amp;`, a placeholder for inline code): such ranges are
 * reported but never edited.
 */
import { lazyModule } from '../shared/lazy.js';

/** The entity table (2,000 names) loads with the first `&name;` in Markdown or HTML. */
const entities = lazyModule<typeof import('decode-named-character-reference')>('decode-named-character-reference');

export interface Run {
  virtualStart: number;
  originalStart: number;
  /** Virtual length. */
  length: number;
  /** Original length (equals `length` unless atomic). */
  originalLength: number;
  atomic: boolean;
}

/** Stands for inline code, images and inline HTML, so sentences stay whole. */
export const PLACEHOLDER = '\uFFFC';

export class BlockMapping {
  readonly runs: Run[] = [];
  private parts: string[] = [];
  private virtualLength = 0;

  get text(): string {
    return this.parts.join('');
  }

  get length(): number {
    return this.virtualLength;
  }

  /** Virtual text copied as is from `originalStart`. */
  addContiguous(value: string, originalStart: number): void {
    if (value.length === 0) return;
    const last = this.runs[this.runs.length - 1];
    if (
      last &&
      !last.atomic &&
      last.virtualStart + last.length === this.virtualLength &&
      last.originalStart + last.originalLength === originalStart
    ) {
      last.length += value.length;
      last.originalLength += value.length;
    } else {
      this.runs.push({
        virtualStart: this.virtualLength,
        originalStart,
        length: value.length,
        originalLength: value.length,
        atomic: false,
      });
    }
    this.parts.push(value);
    this.virtualLength += value.length;
  }

  /** Virtual text that stands for the original range `[originalStart, originalEnd)` as a whole. */
  addAtomic(value: string, originalStart: number, originalEnd: number): void {
    if (value.length === 0) return;
    this.runs.push({
      virtualStart: this.virtualLength,
      originalStart,
      length: value.length,
      originalLength: Math.max(0, originalEnd - originalStart),
      atomic: true,
    });
    this.parts.push(value);
    this.virtualLength += value.length;
  }

  /**
   * Adds `value`, which a parser derived from `source` (the original text from
   * `sourceStart`) by dropping characters (block-quote markers, indentation),
   * resolving escapes (`\*`) and decoding character references (`&amp;`).
   * Greedy alignment: equal characters map one-to-one; anything else is atomic.
   */
  addAligned(value: string, source: string, sourceStart: number): void {
    if (value === source) {
      this.addContiguous(value, sourceStart);
      return;
    }
    let i = 0;
    let j = 0;
    while (j < value.length) {
      if (i >= source.length) {
        this.addAtomic(value.slice(j), sourceStart + source.length, sourceStart + source.length);
        return;
      }
      if (source[i] === value[j]) {
        let k = 0;
        while (i + k < source.length && j + k < value.length && source[i + k] === value[j + k]) k++;
        this.addContiguous(value.slice(j, j + k), sourceStart + i);
        i += k;
        j += k;
        continue;
      }
      if (source[i] === '&') {
        const semicolon = source.indexOf(';', i);
        if (semicolon > i && semicolon - i <= 32) {
          // A character reference: find how much of `value` it produced (1–2 code units).
          const decodedLength = referenceLength(source.slice(i, semicolon + 1));
          if (decodedLength > 0) {
            this.addAtomic(value.slice(j, j + decodedLength), sourceStart + i, sourceStart + semicolon + 1);
            i = semicolon + 1;
            j += decodedLength;
            continue;
          }
        }
      }
      if (source[i] === '\\' && source[i + 1] === value[j]) {
        this.addAtomic(value[j], sourceStart + i, sourceStart + i + 2);
        i += 2;
        j += 1;
        continue;
      }
      // Dropped from the source (markers, indentation): skip it.
      i++;
    }
  }

  /**
   * Replaces the virtual text of every one-to-one run by the characters of
   * `original` at the same offsets: after parsing a guarded copy of a file
   * (see `guard.ts`), the prose shows the file's own characters.
   */
  restore(original: string): void {
    const current = this.text;
    const parts: string[] = [];
    for (const run of this.runs) {
      parts.push(
        run.atomic
          ? current.slice(run.virtualStart, run.virtualStart + run.length)
          : original.slice(run.originalStart, run.originalStart + run.length),
      );
    }
    this.parts = parts;
  }

  /** The same prose `by` characters later (or earlier) in the original: an edit before it moved it. */
  shifted(by: number): BlockMapping {
    const moved = new BlockMapping();
    for (const run of this.runs) moved.runs.push({ ...run, originalStart: run.originalStart + by });
    moved.parts = this.parts.slice();
    moved.virtualLength = this.virtualLength;
    return moved;
  }

  /** Original offset of a virtual start position. */
  toOriginalStart(virtual: number): number {
    const run = this.findRun(virtual);
    if (!run) return this.endOriginal();
    if (run.atomic) return run.originalStart;
    return run.originalStart + (virtual - run.virtualStart);
  }

  /** Original offset of a virtual end position (exclusive). */
  toOriginalEnd(virtual: number): number {
    if (virtual <= 0) return this.runs[0]?.originalStart ?? 0;
    const run = this.findRun(virtual - 1);
    if (!run) return this.endOriginal();
    if (run.atomic) return run.originalStart + run.originalLength;
    return run.originalStart + (virtual - run.virtualStart);
  }

  private endOriginal(): number {
    const last = this.runs[this.runs.length - 1];
    return last ? last.originalStart + last.originalLength : 0;
  }

  private findRun(virtual: number): Run | undefined {
    const runs = this.runs;
    let low = 0;
    let high = runs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const run = runs[mid];
      if (virtual < run.virtualStart) high = mid - 1;
      else if (virtual >= run.virtualStart + run.length) low = mid + 1;
      else return run;
    }
    return runs[Math.min(low, runs.length - 1)];
  }
}

/** Number of UTF-16 code units a character reference such as `&amp;` or `&#x1F600;` decodes to, or 0. */
function referenceLength(reference: string): number {
  const numeric = /^&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));$/i.exec(reference);
  if (numeric) {
    const code = numeric[1] ? Number.parseInt(numeric[1], 16) : Number.parseInt(numeric[2], 10);
    if (code > 0x10ffff) return 1;
    return code > 0xffff ? 2 : 1;
  }
  const named = decodeNamed(reference.slice(1, -1));
  return named === false ? 0 : named.length;
}

function decodeNamed(name: string): string | false {
  return entities().decodeNamedCharacterReference(name);
}

/** Editable ranges of a whole document: the non-atomic runs of all its blocks, in original order. */
export class EditableIndex {
  private starts: number[] = [];
  private ends: number[] = [];

  add(mapping: BlockMapping): void {
    for (const run of mapping.runs) {
      if (run.atomic) continue;
      const last = this.ends.length - 1;
      if (last >= 0 && this.ends[last] === run.originalStart) this.ends[last] = run.originalStart + run.length;
      else {
        this.starts.push(run.originalStart);
        this.ends.push(run.originalStart + run.length);
      }
    }
  }

  /** True when `[start, end)` lies inside one stretch of plain prose. */
  isEditable(start: number, end: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (start < this.starts[mid]) high = mid - 1;
      else if (start > this.ends[mid]) low = mid + 1;
      else return end <= this.ends[mid];
    }
    return false;
  }
}
