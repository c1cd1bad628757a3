import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedReadme } from '../scripts/readme.js';

const root = join(import.meta.dirname, '..');

describe('README', () => {
  it('has the rules table and figures generated from the registry (run `npm run docs`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(generatedReadme(readme, root)).toBe(readme);
  });

  it('starts with the two commands a fresh machine needs', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npx mtlint samples/');
    expect(firstBlock).toContain('npm test');
  });

  it('names no path outside the repository (a reader has only the repository)', () => {
    for (const name of ['README.md', join('samples', 'README.md')]) {
      const text = readFileSync(join(root, name), 'utf8');
      expect(text.match(/(?:^|[\s(`'"])\.\.\/[^\s)`'"]*/gm) ?? [], name).toEqual([]);
    }
  });
});
