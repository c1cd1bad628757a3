/**
 * Results never depend on where the engine cut a document into chunks (the
 * document phase of src/shared/rule.ts): every sample and every documented
 * example, and a long generated document, give the same findings with tiny
 * chunks (one paragraph each) and larger ones as in one piece, with every rule
 * on (`mtlint:all`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleDocs } from '../scripts/rule-docs.js';
import { type Finding, type FormatName, lint, presetConfig } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
/** Chunk sizes in characters of prose: 1 gives every paragraph its own tree. */
const CHUNK_SIZES = [1, 200, 1000, 4000];

function formatOf(name: string): FormatName {
  const extension = extname(name);
  return extension === '.md' ? 'md' : extension === '.html' ? 'html' : 'txt';
}

function shown(findings: Finding[]): string[] {
  return findings.map(
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

  it('a long generated document: the same findings in chunks of every size', () => {
    const text = generatedDocument();
    const options = { filePath: 'long.txt', format: 'txt' as const, config };
    const whole = shown(lint(text, options).findings);
    // Each rule that moved to a document phase finds something here, so a difference would show.
    const rules = new Set(whole.map((line) => line.split(' ')[1].replace(/:$/, '')));
    for (const id of ['dash-style', 'unit-spacing', 'number-format', 'punctuation-quote-order', 'sentence-case'])
      expect(rules, id).toContain(id);
    for (const id of ['missing-final-punctuation', 'dropped-quotes', 'stray-punctuation', 'quote-style'])
      expect(rules, id).toContain(id);
    for (const chunkSize of [1, 100, 500, 2000, 10_000])
      expect(shown(lint(text, { ...options, chunkSize }).findings)).toEqual(whole);
  });

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

/**
 * The sample article's paragraphs among paragraphs whose findings depend on
 * other paragraphs (a house style of dashes, percents, grouped thousands and
 * quoted punctuation; a sentence split across paragraphs; speech without
 * quotation marks), in a fixed shuffled order: 400 paragraphs.
 */
function generatedDocument(): string {
  const sample = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8')
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim().length > 0);
  const crafted = [
    'The opposition — led by her husband — rejected the vote on Sunday.',
    'The opposition - led by her husband - rejected the vote, the observers said.',
    'Prices rose by 5% in May, the statistics office said on Monday.',
    'Prices rose by 7 % in June, the statistics office said on Friday.',
    'More than 1,500 migrants crossed the border from Belarus on Monday.',
    'About 1200 migrants were taken to a camp near Grodno, the ministry said.',
    'She called the vote “a farce,” and he called it “a crime.”',
    'The minister called it “a provocation”, the agency reported.',
    'The talks ended late in the evening. then the delegations left the city.',
    'The delegations met again on Tuesday and the talks went on until the',
    'early hours of the morning, when both sides signed the declaration.',
    'The border between Belarus and Poland stayed closed on Monday, the ministry said',
    'Do you mind if I sit here? Kayel asked.',
    'We will never give up our country, we will fight to the end, Tsikhanouskaya said.',
    ', the ministry said on Thursday that the border with Poland would stay closed.',
    'The sanctions were announced on Monday. the rich left the country. Then they came back in May.',
    'The patients with pulmonary embolism (pe) were treated. the others were sent home on Friday.',
    '“We will not leave,” the protesters said. "Never."',
    'He said "no" to the deal, "never" to the talks and "not now" to the vote.',
  ];
  const paragraphs: string[] = [];
  let seed = 17;
  for (let index = 0; index < 400; index++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const pool = seed % 3 === 0 ? sample : crafted;
    paragraphs.push(pool[Math.floor(seed / 3) % pool.length]);
  }
  return `${paragraphs.join('\n\n')}\n`;
}
