/**
 * Windows-1252, the superset of Latin-1 that browsers read `latin1` as (the
 * WHATWG Encoding standard). Our own table: Node's TextDecoder decodes
 * `windows-1252` as plain Latin-1 (0x93 becomes U+0093, not `“`), which would
 * turn a Word document's quotation marks into invisible control characters.
 */

/** Characters of bytes 0x80-0x9F; the five bytes Windows-1252 leaves free map to the C1 controls, as in WHATWG. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

let byCharacter: Map<string, number> | undefined;

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (control) => HIGH[control.charCodeAt(0) - 0x80]);
}

/** The bytes of `text`, or the index of the first character Windows-1252 cannot hold. */
export function encodeWindows1252(text: string): Uint8Array | number {
  if (!byCharacter) {
    byCharacter = new Map();
    for (let byte = 0; byte < 256; byte++) {
      byCharacter.set(byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] : String.fromCharCode(byte), byte);
    }
  }
  const bytes = Buffer.alloc(text.length);
  for (let index = 0; index < text.length; index++) {
    const byte = byCharacter.get(text[index]);
    if (byte === undefined) return index;
    bytes[index] = byte;
  }
  return bytes;
}
