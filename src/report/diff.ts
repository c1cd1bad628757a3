/**
 * A unified diff (`diff -u`, three lines of context) of a file and its fixed
 * text: what `--fix-dry-run` shows a person at the default format. Lines are
 * compared with Myers' algorithm, which is quick when the texts differ little,
 * as a file and its fixes do.
 */

const CONTEXT = 3;

type Edit = { kind: ' ' | '-' | '+'; line: string };

/** The diff of `before` and `after` under `--- name` / `+++ name (fixed)`; empty when they are equal. */
export function unifiedDiff(before: string, after: string, name: string, color = false): string {
  if (before === after) return '';
  const edits = lineEdits(splitLines(before), splitLines(after));
  const paint = (kind: Edit['kind'], text: string) =>
    !color || kind === ' ' ? text : `\u001b[${kind === '-' ? 31 : 32}m${text}\u001b[39m`;
  const out = [paint('-', `--- ${name}`), paint('+', `+++ ${name} (fixed)`)];
  for (const hunk of hunksOf(edits)) {
    out.push(color ? `\u001b[36m${hunk.header}\u001b[39m` : hunk.header);
    for (const edit of hunk.edits) out.push(paint(edit.kind, `${edit.kind}${edit.line}`));
  }
  return `${out.join('\n')}\n`;
}

/** Lines with their ends kept apart: a last line without a newline is marked as `diff` marks it. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/**
 * Kept, removed and added lines. Fixes mostly edit within lines: when both
 * texts have as many lines, line i is paired with line i. Otherwise the lines
 * between the common start and end go through Myers' shortest edit script.
 */
function lineEdits(a: string[], b: string[]): Edit[] {
  if (a.length === b.length) {
    return a.flatMap((line, index): Edit[] =>
      line === b[index]
        ? [{ kind: ' ', line }]
        : [
            { kind: '-', line },
            { kind: '+', line: b[index] },
          ],
    );
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const kept = (lines: string[]): Edit[] => lines.map((line) => ({ kind: ' ', line }));
  return [
    ...kept(a.slice(0, head)),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...kept(a.slice(a.length - tail)),
  ];
}

/** Myers (1986): the shortest edit script; the trace keeps, for each step d, the 2d + 1 diagonals it reached. */
function myers(a: string[], b: string[]): Edit[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const goesDown = (reached: (k: number) => number, k: number, d: number) =>
    k === -d || (k !== d && reached(k - 1) < reached(k + 1));
  search: for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = goesDown((diagonal) => frontier[offset + diagonal], k, d)
        ? frontier[offset + k + 1]
        : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= a.length && y >= b.length) break search;
    }
  }
  // Back from the end: at each step, the diagonal it came from and the snake of equal lines it followed.
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const previous = trace[d];
    const reached = (diagonal: number) => previous[diagonal + d];
    const k = x - y;
    const down = goesDown(reached, k, d);
    const fromK = down ? k + 1 : k - 1;
    const fromX = d === 0 ? 0 : reached(fromK);
    const fromY = d === 0 ? 0 : fromX - fromK;
    while (x > fromX && y > fromY) {
      x--;
      y--;
      edits.push({ kind: ' ', line: a[x] });
    }
    if (d === 0) break;
    if (down) edits.push({ kind: '+', line: b[--y] });
    else edits.push({ kind: '-', line: a[--x] });
  }
  return edits.reverse();
}

/** Groups the changes with `CONTEXT` lines around them into `@@ -start,count +start,count @@` hunks. */
function hunksOf(edits: Edit[]): Array<{ header: string; edits: Edit[] }> {
  const hunks: Array<{ header: string; edits: Edit[] }> = [];
  const changed = edits.flatMap((edit, index) => (edit.kind === ' ' ? [] : [index]));
  // How many lines of each text come before each edit: where a hunk starts.
  const linesBefore = [{ old: 0, new: 0 }];
  for (const edit of edits) {
    const last = linesBefore[linesBefore.length - 1];
    linesBefore.push({ old: last.old + (edit.kind === '+' ? 0 : 1), new: last.new + (edit.kind === '-' ? 0 : 1) });
  }
  let cursor = 0;
  while (cursor < changed.length) {
    const start = Math.max(0, changed[cursor] - CONTEXT);
    let end = changed[cursor];
    // Changes closer than twice the context share a hunk.
    while (cursor + 1 < changed.length && changed[cursor + 1] - end <= 2 * CONTEXT) end = changed[++cursor];
    cursor++;
    const last = Math.min(edits.length, end + CONTEXT + 1);
    const slice = edits.slice(start, last);
    const oldStart = linesBefore[start].old;
    const newStart = linesBefore[start].new;
    const oldCount = slice.filter((edit) => edit.kind !== '+').length;
    const newCount = slice.filter((edit) => edit.kind !== '-').length;
    const range = (from: number, count: number) => `${count === 0 ? from : from + 1}${count === 1 ? '' : `,${count}`}`;
    hunks.push({ header: `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, edits: slice });
  }
  return hunks;
}
