/**
 * Offset ↔ line/column for the original text. `vfile-location` scans lines
 * linearly per lookup; this one searches, so huge files stay linear overall.
 * Lines end at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 code units,
 * 1-based, as ESLint and vfile do.
 */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10) this.starts.push(index + 1);
      else if (code === 13) {
        if (text.charCodeAt(index + 1) === 10) index++;
        this.starts.push(index + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line (0-based) of the last lookup: consecutive lookups are mostly on the same line. */
  private hint = 0;

  toPoint(offset: number): Point {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    const starts = this.starts;
    const hinted = this.hint;
    if (starts[hinted] <= clamped && (hinted + 1 >= starts.length || clamped < starts[hinted + 1])) {
      return { line: hinted + 1, column: clamped - starts[hinted] + 1, offset: clamped };
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    this.hint = low;
    return { line: low + 1, column: clamped - this.starts[low] + 1, offset: clamped };
  }

  /** Sets `point` to `offset` (already within the text) and its line and column, without allocating. */
  place(point: Point, offset: number): void {
    const starts = this.starts;
    let line = this.hint;
    if (!(starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1]))) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      this.hint = line = low;
    }
    point.line = line + 1;
    point.column = offset - starts[line] + 1;
    point.offset = offset;
  }

  /** Offset of a 1-based line and column; clamped into the text. */
  toOffset(line: number, column: number): number {
    const lineIndex = Math.min(Math.max(1, line), this.starts.length) - 1;
    const start = this.starts[lineIndex];
    const next = lineIndex + 1 < this.starts.length ? this.starts[lineIndex + 1] : this.text.length;
    return Math.min(start + Math.max(0, column - 1), next);
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(1, line), this.starts.length) - 1];
  }
}
