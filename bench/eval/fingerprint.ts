/**
 * A fingerprint of the code the eval figures depend on: every file under
 * `src/rules` and `src/text` (word lists included). `npm run eval` writes it
 * into `bench/results/eval.json`, and `tests/preset-policy.test.ts` fails
 * when the committed figures were measured with other code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const FINGERPRINTED = ['src/rules', 'src/text'];

/**
 * The line of a rule's doc that `npm run docs` writes from the figures
 * (`scripts/readme.ts`): not part of the fingerprint, or writing the figures
 * into the docs would make them stale. The blank doc line after it goes with it.
 */
export const MEASURED_LINE = /^ \* Measured by `npm run eval`.*\n \*\n/gm;

function filesUnder(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** sha256 over the sorted relative paths and contents of the fingerprinted folders of the repository at `root`. */
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = FINGERPRINTED.flatMap((folder) => filesUnder(join(root, folder)))
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    const content = readFileSync(join(root, file));
    hash.update(file.endsWith('.ts') ? content.toString('utf8').replace(MEASURED_LINE, '') : content);
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}
