/**
 * Splits a byte stream into lines without ever holding more than one line
 * (and at most `maxLineBytes` of it): a JSONL archive of any size is read in
 * constant memory, and a line over the limit is reported, not buffered.
 */

/** One line of input: its text, or the fact that it was too long or not UTF-8. */
export type StreamLine =
  | { kind: 'line'; number: number; text: string }
  /** A line over the limit: its length, and its first bytes (to recover the record's id). */
  | { kind: 'overlong'; number: number; bytes: number; head: string }
  | { kind: 'invalid-utf8'; number: number; head: string };

/** How much of an overlong or undecodable line is kept, to find its id. */
const HEAD_BYTES = 4096;

const NEWLINE = 0x0a;

/**
 * Yields the lines of `input` (split at `\n`, a trailing `\r` dropped, the
 * first line's byte order mark dropped). Blank lines are skipped, as JSONL
 * readers do. Line numbers are 1-based and count every line, blank or not.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Buffer[] = [];
  let size = 0;
  /** Set while the rest of an overlong line is being skipped. */
  let overlong: { bytes: number; head: string } | undefined;
  let number = 0;

  /** Ends the current line with its last piece (a view of the chunk, not kept). */
  const finish = (last: Buffer): StreamLine | undefined => {
    let bytes: Buffer;
    if (size === 0 && !overlong && last.length <= maxLineBytes) bytes = last;
    else {
      take(last);
      number++;
      if (overlong) {
        const line: StreamLine = { kind: 'overlong', number, ...overlong };
        overlong = undefined;
        return line;
      }
      bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
      parts = [];
      size = 0;
      return decodeLine(bytes, number);
    }
    number++;
    return decodeLine(bytes, number);
  };

  const decodeLine = (line: Buffer, lineNumber: number): StreamLine | undefined => {
    let bytes = line;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (lineNumber === 1 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      bytes = bytes.subarray(3);
    if (isBlank(bytes)) return undefined;
    try {
      return { kind: 'line', number: lineNumber, text: decoder.decode(bytes) };
    } catch {
      return { kind: 'invalid-utf8', number: lineNumber, head: bytes.subarray(0, HEAD_BYTES).toString('utf8') };
    }
  };

  const take = (piece: Buffer): void => {
    if (piece.length === 0) return;
    if (overlong) {
      overlong.bytes += piece.length;
      return;
    }
    if (size + piece.length > maxLineBytes) {
      const head = Buffer.concat([...parts, piece.subarray(0, HEAD_BYTES)]).subarray(0, HEAD_BYTES);
      overlong = { bytes: size + piece.length, head: head.toString('utf8') };
      parts = [];
      size = 0;
      return;
    }
    // A chunk is a view of the stream's buffer: copy the piece so the chunk can be freed.
    parts.push(Buffer.from(piece));
    size += piece.length;
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const end = buffer.indexOf(NEWLINE, start);
      if (end === -1) {
        take(buffer.subarray(start));
        break;
      }
      const line = finish(buffer.subarray(start, end));
      if (line) yield line;
      start = end + 1;
    }
  }
  if (size > 0 || overlong) {
    const line = finish(Buffer.alloc(0));
    if (line) yield line;
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}
