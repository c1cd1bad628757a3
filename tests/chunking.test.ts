/**
 * Results never depend on where the engine cut a document into chunks (the
 * document phase of src/shared/rule.ts): every sample and every documented
 * example gives the same findings with tiny chunks (one paragraph each) as in
 * one piece.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleDocs } from '../scripts/rule-docs.js';
import { type Finding, type FormatName, lint, presetConfig } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
/** Chunk sizes in characters of prose: 1 gives every paragraph its own tree. */
const CHUNK_SIZES = [1, 200, 1000, 4000];
/**
 * Rules that still decide from one chunk what depends on the whole document,
 * not yet moved to a document phase (the next step of #17): dropped-quotes,
 * missing-final-punctuation and sentence-case read the neighbouring
 * paragraph, stray-punctuation whether the document lower-cases sentence
 * starts, and quote-style reports per paragraph from a document-wide count of
 * styles (it needs its reports computed for either style until the end).
 */
const NOT_YET_DOCUMENT_RULES = new Set([
  'dropped-quotes',
  'missing-final-punctuation',
  'sentence-case',
  'stray-punctuation',
  'quote-style',
]);

function formatOf(name: string): FormatName {
  const extension = extname(name);
  return extension === '.md' ? 'md' : extension === '.html' ? 'html' : 'txt';
}

function shown(findings: Finding[]): string[] {
  return findings
    .filter((finding) => !NOT_YET_DOCUMENT_RULES.has(finding.ruleId))
    .map(
      (finding) =>
        `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId}: ${finding.message}`,
    );
}

describe('chunk sizes', () => {
  const config = presetConfig('mtlint:all');

  // The articles at the top of samples/ (samples/bilingual/ holds pairs, linted with their sources elsewhere).
  const articles = readdirSync(join(ROOT, 'samples'), { withFileTypes: true }).filter((entry) => entry.isFile());
  for (const { name } of articles) {
    it(`samples/${name}: the same findings in chunks of ${CHUNK_SIZES.join(', ')} characters`, () => {
      const text = readFileSync(join(ROOT, 'samples', name), 'utf8');
      const options = { filePath: name, format: formatOf(name), config };
      const whole = shown(lint(text, options).findings);
      if (name.endsWith('.txt')) expect(whole.length).toBeGreaterThan(10);
      for (const chunkSize of CHUNK_SIZES) expect(shown(lint(text, { ...options, chunkSize }).findings)).toEqual(whole);
    });
  }

  it("quote-balance's ok example passes with a paragraph per chunk", () => {
    const doc = readRuleDocs(join(ROOT, 'src', 'rules')).find((entry) => entry.id === 'quote-balance');
    const ok = doc?.examples.find((example) => example.name === 'ok.txt');
    expect(ok?.text).toContain('does not close.');
    const quoteBalance = { extends: [], rules: { 'quote-balance': 'warn' } } as const;
    expect(lint(ok?.text ?? '', { config: quoteBalance, chunkSize: 1 }).findings).toEqual([]);
  });

  it('every documented example gives its findings with a paragraph per chunk', () => {
    const differences: string[] = [];
    for (const doc of readRuleDocs(join(ROOT, 'src', 'rules'))) {
      if (NOT_YET_DOCUMENT_RULES.has(doc.id)) continue;
      for (const example of doc.examples.filter((entry) => entry.label !== 'output' && entry.label !== 'fixed')) {
        const rules = { [doc.id]: example.config ? ['warn', example.config] : 'warn' };
        const options = { filePath: example.name, format: formatOf(example.name), config: { extends: [], rules } };
        const whole = shown(lint(example.text, options).findings);
        const chunked = shown(lint(example.text, { ...options, chunkSize: 1 }).findings);
        if (JSON.stringify(chunked) !== JSON.stringify(whole))
          differences.push(`${doc.id} ${example.name}: ${JSON.stringify(chunked)} instead of ${JSON.stringify(whole)}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
