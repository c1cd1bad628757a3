/** Files that are not UTF-8: the error says how to convert them, and `--encoding` reads (and fixes) them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode, EncodingError, encode, FileError } from '../src/engine/files.js';
import { runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-encoding-');
});
afterEach(() => dir.cleanup());

/** What Word saves as "Western European (Windows)": curly quotes at 0x93 and 0x94, `é` at 0xE9. */
const WINDOWS_1252 = Buffer.from([
  ...Buffer.from('The caf', 'latin1'),
  0xe9,
  ...Buffer.from(' said ', 'latin1'),
  0x93,
  ...Buffer.from('yes', 'latin1'),
  0x94,
  ...Buffer.from(' , then left.\n', 'latin1'),
]);

describe('a Latin-1 file', () => {
  it('without --encoding: one line that says how to convert it or read it, exit 2', () => {
    writeFileSync(join(dir.path, 'word.txt'), WINDOWS_1252);
    const run = runMtlint(['word.txt'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `mtlint: word.txt: invalid UTF-8 at byte 7, skipped; if it is Latin-1, convert it ` +
        '(iconv -f latin1 -t utf-8 FILE > FILE.new) or read it with --encoding latin1\n',
    );
  });

  it('--encoding latin1 reads it as Windows-1252 (curly quotes included) at the right columns', () => {
    writeFileSync(join(dir.path, 'word.txt'), WINDOWS_1252);
    const run = runMtlint(['--encoding', 'latin1', '-f', 'json', 'word.txt'], { cwd: dir.path });
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout);
    expect(result.messages).toMatchObject([{ ruleId: 'space-before-punctuation', line: 1, column: 20 }]);
    // Read as plain Latin-1, 0x93 and 0x94 would be control characters and quote-balance would see no quotes.
    const dryRun = JSON.parse(
      runMtlint(['--encoding', 'windows-1252', '--fix-dry-run', '-f', 'json', 'word.txt'], { cwd: dir.path }).stdout,
    );
    expect(dryRun[0].output).toBe('The café said “yes”, then left.\n');
  });

  it('--fix writes it back in Windows-1252, changing only the fixed bytes', () => {
    writeFileSync(join(dir.path, 'word.txt'), WINDOWS_1252);
    const run = runMtlint(['--encoding', 'latin1', '--fix', 'word.txt'], { cwd: dir.path });
    expect(run.code).toBe(0);
    const fixed = readFileSync(join(dir.path, 'word.txt'));
    const expected = Buffer.concat([WINDOWS_1252.subarray(0, 19), WINDOWS_1252.subarray(20)]);
    expect(fixed.equals(expected)).toBe(true);
  });

  it('standard input too', () => {
    const run = runMtlint(['-', '--encoding', 'latin1', '-f', 'json'], { input: WINDOWS_1252 });
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ column: 20 });
  });
});

describe('--encoding', () => {
  it('utf-16le reads a file without a byte order mark, and --fix keeps it without one', () => {
    const text = 'Hello , world.\n';
    writeFileSync(join(dir.path, 'wide.txt'), Buffer.from(text, 'utf16le'));
    const plain = runMtlint(['wide.txt'], { cwd: dir.path });
    expect(plain.stderr).toContain('binary file');
    const run = runMtlint(['--encoding', 'utf-16le', '--fix', 'wide.txt'], { cwd: dir.path });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir.path, 'wide.txt')).equals(Buffer.from('Hello, world.\n', 'utf16le'))).toBe(true);
  });

  it('an unknown encoding is a usage error naming the ones there are', () => {
    const run = runMtlint(['--encoding', 'koi8-r', '.'], { cwd: dir.path });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('mtlint: --encoding: unknown encoding "koi8-r" (expected utf-8, latin1, utf-16le)\n');
  });

  it('a fix Windows-1252 cannot hold is refused, never written as `?`', () => {
    expect(() => encode('a → b', 'latin1')).toThrow(EncodingError);
    expect(() => encode('a → b', 'latin1')).toThrow('the fix needs `→` (U+2192), which Latin-1 cannot hold');
    expect(encode('“é€”', 'latin1')).toEqual(Buffer.from([0x93, 0xe9, 0x80, 0x94]));
  });

  it('a UTF-16 byte order mark wins over --encoding latin1; an odd number of bytes is not UTF-16', () => {
    const marked = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi', 'utf16le')]);
    expect(decode(marked, 'x.txt', 'latin1')).toEqual({ text: '\uFEFFHi', encoding: 'utf16le' });
    expect(() => decode(Buffer.from([0x48, 0, 0x69]), 'x.txt', 'utf-16le')).toThrow(FileError);
  });
});
