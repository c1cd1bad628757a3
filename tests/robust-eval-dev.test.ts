/**
 * Every segment of the dev set (`../shared/eval/dev/*.jsonl`: real MT output
 * and its source, in English, German and Chinese) through every rule, as
 * plain text, wrapped in Markdown (paragraph, heading, list item, block quote,
 * table cell, emphasis) and wrapped in HTML (escaped, in p/h2/li/td/em):
 * nothing throws, no rule reports an internal error, every range lies in the
 * document and every fix stays inside the segment's own prose.
 *
 * Segments are linted many at a time (one document per batch) so the whole
 * set runs in well under a minute. Without the data the test fails in CI
 * (CI=true) and is skipped locally.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { type Config, type FormatName, lint } from '../src/index.js';

// `../shared/eval/dev` from the repository (found walking up, so worktrees work too), or MTLINT_EVAL_DIR.
const DEV = defaultDevDir(join(import.meta.dirname, '..'));
const haveData = existsSync(DEV);
const BATCH = 250;

interface Segment {
  id: string;
  source: string;
  target: string;
  lp?: string;
}

function readSegments(file: string): Segment[] {
  return readFileSync(join(DEV, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Segment);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of prose: newlines inside a segment would change the surrounding structure. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

const MD_WRAPPERS = [
  (text: string) => text,
  (text: string) => `## ${text}`,
  (text: string) => `- ${text}`,
  (text: string) => `> ${text}`,
  (text: string) => `| ${text.replace(/\|/g, '\\|')} | x |\n|---|---|`,
  (text: string) => `Intro *${text}* end.`,
];
const HTML_WRAPPERS = [
  (text: string) => `<p>${text}</p>`,
  (text: string) => `<h2>${text}</h2>`,
  (text: string) => `<ul><li>${text}</li></ul>`,
  (text: string) => `<table><tr><td>${text}</td></tr></table>`,
  (text: string) => `<p>Intro <em>${text}</em> end.</p>`,
];

/** A document of many segments, with the range each segment's text occupies. */
function buildDocument(texts: string[], format: FormatName): { text: string; ranges: Array<[number, number]> } {
  const parts: string[] = [];
  const ranges: Array<[number, number]> = [];
  let length = 0;
  texts.forEach((raw, index) => {
    const text = oneLine(raw);
    let block: string;
    if (format === 'txt') block = text;
    else if (format === 'md') block = MD_WRAPPERS[index % MD_WRAPPERS.length](text);
    else block = HTML_WRAPPERS[index % HTML_WRAPPERS.length](escapeHtml(text));
    ranges.push([length, length + block.length]);
    parts.push(block);
    length += block.length + 2;
  });
  return { text: parts.join('\n\n'), ranges };
}

function check(text: string, format: FormatName, config: Config, ranges: Array<[number, number]>): void {
  const { findings } = lint(text, { format, config });
  for (const finding of findings) {
    expect(finding.ruleId).not.toBe('internal-error');
    expect(finding.message).not.toMatch(/^Internal error/);
    expect(finding.offset).toBeGreaterThanOrEqual(0);
    expect(finding.endOffset).toBeGreaterThanOrEqual(finding.offset);
    expect(finding.endOffset).toBeLessThanOrEqual(text.length);
    if (finding.fix) {
      // A fix stays inside one segment's block: never in the glue between documents.
      const [start, end] = finding.fix.range;
      expect(ranges.some(([from, to]) => start >= from && end <= to)).toBe(true);
    }
  }
}

describe('the dev set through every rule in every format', () => {
  it('has the data (required in CI)', () => {
    if (!haveData && process.env.CI) throw new Error(`${DEV} is missing: the dev-set robustness test cannot run`);
    if (haveData) expect(readdirSync(DEV).filter((file) => file.endsWith('.jsonl')).length).toBeGreaterThan(0);
  });

  const files = haveData ? readdirSync(DEV).filter((file) => file.endsWith('.jsonl')) : [];
  for (const file of files) {
    for (const format of ['txt', 'md', 'html'] as FormatName[]) {
      it(`${file}: every target and source as ${format}`, () => {
        const segments = readSegments(file);
        expect(segments.length).toBeGreaterThan(100);
        const byPair = new Map<string, Segment[]>();
        for (const segment of segments)
          byPair.set(segment.lp ?? 'en-en', [...(byPair.get(segment.lp ?? 'en-en') ?? []), segment]);
        for (const [pair, group] of byPair) {
          const [sourceLanguage, targetLanguage] = pair.split('-');
          for (const [field, language] of [
            ['target', targetLanguage],
            ['source', sourceLanguage],
          ] as const) {
            const config: Config = { extends: 'mtlint:all', language: /^[a-z]{2,3}$/.test(language) ? language : 'en' };
            // Sources repeat across systems: lint each distinct text once.
            const texts = [...new Set(group.map((segment) => segment[field]).filter((text) => text))];
            for (let start = 0; start < texts.length; start += BATCH) {
              const { text, ranges } = buildDocument(texts.slice(start, start + BATCH), format);
              check(text, format, config, ranges);
            }
          }
        }
      }, 300_000);
    }
  }
});
