/**
 * samples/README.md says what `npx mtlint samples/` shows on each article:
 * every snippet it quotes in that column is where the default preset reports
 * a finding, so the page cannot drift from the tool.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const samples = join(import.meta.dirname, '..', 'samples');
const table = readFileSync(join(samples, 'README.md'), 'utf8');

/** The snippets a row quotes as shown (before "; nothing from ..."). */
function claimed(file: string): string[] {
  const row = table.split('\n').find((line) => line.startsWith(`| \`${file}\` |`));
  if (!row) throw new Error(`no row for ${file}`);
  const shows = row.split(' | ')[2].split('; nothing')[0];
  return [...shows.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

describe('samples/README.md', () => {
  it.each(['belarus-mt-article.txt', 'belarus-mt-article.md', 'belarus-mt-article.html'])(
    '%s: each snippet it says the default shows is in a finding',
    (file) => {
      const text = readFileSync(join(samples, file), 'utf8');
      const { findings } = lint(text, { filePath: file });
      const snippets = claimed(file);
      expect(snippets.length).toBeGreaterThanOrEqual(3);
      for (const snippet of snippets) {
        const places = [...text.matchAll(new RegExp(snippet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(
          (match) => [match.index, match.index + snippet.length],
        );
        expect(places.length, `${snippet} is not in ${file}`).toBeGreaterThan(0);
        const reported = places.some(([start, end]) =>
          findings.some((finding) => finding.offset < end && start < finding.endOffset),
        );
        expect(reported, `no finding at ${snippet} in ${file}`).toBe(true);
      }
    },
  );
});
