import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWordList, registerWordLists, wordList } from '../src/text/lexicon.js';

const folder = new URL('../src/text/lexicon/', import.meta.url);

describe('word lists as data', () => {
  it('reads one entry a line, skipping comments and blank lines', () => {
    expect(parseWordList('# where from\n\nduran\r\n  bora  \n#x\n')).toEqual(['duran', 'bora']);
  });

  it('loads a shipped list by name', () => {
    expect(wordList('doubled-names').has('duran')).toBe(true);
    expect(wordList('doubled-names').has('the')).toBe(false);
  });

  it('every shipped list says where it came from and has no duplicate entries', () => {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(new URL(name, folder), 'utf8');
      expect(text.startsWith('#'), `${name} starts with a comment saying where it came from`).toBe(true);
      const entries = parseWordList(text);
      expect(new Set(entries).size, `${name} has duplicates`).toBe(entries.length);
    }
  });

  it('takes lists handed in by a bundle instead of the file system', () => {
    registerWordLists({ 'test-only-list': '# test\nalpha\nbeta\n' });
    expect([...wordList('test-only-list')]).toEqual(['alpha', 'beta']);
  });

  it('refuses a name that could leave the folder', () => {
    expect(() => wordList('../package')).toThrow(/Invalid word list name/);
  });
});
