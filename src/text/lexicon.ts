/**
 * Word lists as data: `src/text/lexicon/<name>.txt`, one entry a line, one list
 * per concept. Lines starting with `#` say where the list came from and are
 * skipped, as are blank lines. Lists are read once, on first use, so a rule
 * that never runs never pays for its data.
 *
 * The build copies the folder next to the compiled module
 * (`scripts/copy-lexicon.mjs`); a bundler can hand the files in through
 * `registerWordLists` instead of the file system.
 */
import { readFileSync } from 'node:fs';

const loaded = new Map<string, ReadonlySet<string>>();
const registered = new Map<string, string>();

/** The entries of a list file's text: trimmed, without comments and blank lines. */
export function parseWordList(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry !== '' && !entry.startsWith('#')) entries.push(entry);
  }
  return entries;
}

/** The named list as a set (entries exactly as written; lists of words are written in lower case). */
export function wordList(name: string): ReadonlySet<string> {
  let list = loaded.get(name);
  if (!list) {
    list = new Set(parseWordList(registered.get(name) ?? readListFile(name)));
    loaded.set(name, list);
  }
  return list;
}

/** For bundles without a file system: the list texts by name, given before any rule runs. */
export function registerWordLists(texts: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(texts)) {
    registered.set(name, text);
    loaded.delete(name);
  }
}

function readListFile(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid word list name \`${name}\``);
  return readFileSync(new URL(`./lexicon/${name}.txt`, import.meta.url), 'utf8');
}
