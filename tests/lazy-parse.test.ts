/**
 * The lazy parse (issue #18): a paragraph is parsed into sentences and words
 * only where an enabled rule needs them, and a rule with a `meta.trigger`
 * sees only the paragraphs its trigger lets through. Neither may change a
 * finding: with and without the prefilter (`lint(…, { prefilter: false })`
 * parses everything for every rule) the findings are identical on every
 * sample, on the dev corpus as text and as Markdown, with every preset, on
 * documents with injected artefacts and on generated text. A trigger that
 * stops covering what its rule reports fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import fc from 'fast-check';
import type { Paragraph } from 'nlcst';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { INJECTION_KINDS, inject, prng } from '../bench/eval/noise.js';
import { buildTrees, LineIndex, textBlocks, textControls } from '../src/formats/index.js';
import { type Config, type Finding, type FormatName, lint } from '../src/index.js';
import { flatten } from '../src/nlcst/flat.js';
import { rules } from '../src/rules/index.js';
import { documentInfoFor } from '../src/shared/rule.js';
import { isWordUnit, mayRepeatPhrase, mayRepeatWord } from '../src/text/triggers.js';

const ROOT = join(import.meta.dirname, '..');
const DEV_DIR = defaultDevDir(ROOT);
const PRESETS = ['mtlint:recommended', 'mtlint:strict', 'mtlint:all'] as const;

function configOf(preset: string, language = 'en'): Config {
  return { root: true, extends: preset, language } as Config;
}

function shown(findings: Finding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.offset}-${finding.endOffset} ${finding.ruleId} ${finding.message}${finding.fix ? ` fix:${JSON.stringify(finding.fix)}` : ''}`,
  );
}

/** Findings with the prefilter and without, for `expect(a).toEqual(b)`. */
function bothWays(text: string, config: Config, format: FormatName = 'txt'): [string[], string[]] {
  const lazy = shown(lint(text, { config, format }).findings);
  const eager = shown(lint(text, { config, format, prefilter: false }).findings);
  return [lazy, eager];
}

/** Dev-set targets (deduplicated), grouped into documents of about 5 KB of paragraphs. */
function devDocuments(file: string): string[] {
  const seen = new Set<string>();
  const documents: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of readFileSync(join(DEV_DIR, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const target = (JSON.parse(line) as { target?: string }).target?.trim();
    if (!target || seen.has(target)) continue;
    seen.add(target);
    current.push(target);
    size += target.length;
    if (size >= 5000) {
      documents.push(current.join('\n\n'));
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) documents.push(current.join('\n\n'));
  return documents;
}

/** The MT output files (the clean English file has no targets). */
const DEV_FILES = existsSync(DEV_DIR) ? readdirSync(DEV_DIR).filter((name) => /^mqm_.*\.jsonl$/.test(name)) : [];

describe('findings with and without the prefilter', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((name) => /\.(txt|md|html)$/.test(name));

  it.each(samples)('are the same on samples/%s with every preset', (name) => {
    const text = readFileSync(join(ROOT, 'samples', name), 'utf8');
    const format = extname(name).slice(1) as FormatName;
    for (const preset of PRESETS) {
      const [lazy, eager] = bothWays(text, configOf(preset), format);
      expect(lazy).toEqual(eager);
    }
  });

  it('finds the dev corpus', () => {
    expect(DEV_FILES.length).toBeGreaterThanOrEqual(3);
  });

  // Every document with all rules as text, every second as Markdown; the narrower presets (fewer rules, so
  // fewer paragraphs parsed) on every fourth, to keep the suite's time.
  it.each(DEV_FILES)(
    'are the same on the dev targets of %s, as text and as Markdown, with every preset',
    (file) => {
      // German targets are linted as German as well: some rules read other languages differently.
      const language = file.includes('ende') ? 'de' : 'en';
      const documents = devDocuments(file);
      let findings = 0;
      for (const preset of PRESETS) {
        for (const format of ['txt', 'md'] as const) {
          documents.forEach((document, index) => {
            const every = preset !== 'mtlint:all' ? 4 : format === 'md' ? 2 : 1;
            if (index % every !== 0) return;
            const [lazy, eager] = bothWays(document, configOf(preset, language), format);
            expect(lazy).toEqual(eager);
            findings += eager.length;
          });
        }
      }
      expect(findings).toBeGreaterThan(0);
    },
    600_000,
  );

  it('are the same on dev paragraphs with every kind of injected artefact', () => {
    // Four documents of about 5 KB; every paragraph gets the artefact where it applies.
    const hosts = devDocuments('mqm_zhen.dev.jsonl')
      .slice(0, 4)
      .map((document) => document.split('\n\n'));
    const random = prng(18);
    let changed = 0;
    for (const kind of INJECTION_KINDS) {
      for (const paragraphs of hosts) {
        const injected = paragraphs.map((paragraph) => inject(kind, paragraph, random)?.text ?? paragraph);
        changed += injected.filter((paragraph, index) => paragraph !== paragraphs[index]).length;
        for (const preset of PRESETS) {
          const [lazy, eager] = bothWays(injected.join('\n\n'), configOf(preset));
          expect(lazy, kind).toEqual(eager);
        }
      }
    }
    expect(changed).toBeGreaterThan(1000);
  }, 600_000);

  it('are the same on generated text full of repeats, scripts, quotes and odd white space', () => {
    const words = [
      'the',
      'The',
      'THE',
      'in',
      'In',
      'city',
      'U.S.',
      'ΟΔΟΣ',
      'οδος',
      'Мinsk',
      'Минск',
      '208',
      'İs',
      'is',
    ];
    const glue = [' ', '  ', '\u00a0', '\u2009', '\n', ', ', '. ', '“', '” ', ' — ', '-', "'", '\u3000', '(', ') '];
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...glue));
    const paragraph = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const [lazy, eager] = bothWays(paragraphs.join('\n\n'), configOf('mtlint:all'));
        expect(lazy).toEqual(eager);
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});

describe('dropped-quotes on paragraphs it does not parse', () => {
  // A first-person essay with one attributed speech: whether `We will cooperate …` is reported depends on
  // the narrator's share of the document's sentences. Only dropped-quotes runs, so the paragraphs without a
  // speech verb stay unparsed until its end, where their sentences are counted from the text: one each is
  // not enough to settle the share, so the count decides (three narrator sentences in 29 are a narrative,
  // in 34 not).
  const narrator =
    'I grew up in a small town near Minsk. We had a garden behind the house. My father worked at the tractor factory.';
  const speech = 'At the factory gate the director told reporters, We will cooperate with everyone who comes here.';
  const town =
    'The town had two schools and a library. The river froze in winter. Buses ran twice a day. The market opened on Saturdays. Most families kept chickens.';
  const config = { root: true, extends: [], language: 'en', rules: { 'dropped-quotes': 'warn' } } as Config;

  it.each([
    [5, []],
    [6, ['Speech introduced by `told` has no quotation marks']],
  ])('with %i paragraphs of five sentences, reports %j, as with every paragraph parsed', (paragraphs, expected) => {
    const text = [narrator, speech, ...Array<string>(paragraphs).fill(town)].join('\n\n');
    const [lazy, eager] = bothWays(text, config);
    expect(lazy).toEqual(eager);
    expect(lint(text, { config }).findings.map((finding) => finding.message)).toEqual(expected);
  });
});

describe('the triggers', () => {
  it("use parse-latin's word characters", async () => {
    // The parser's own table, to compare each UTF-16 code unit (not a public export).
    const path = join(ROOT, 'node_modules', 'parse-latin', 'lib', 'expressions.js');
    const { word } = (await import(path)) as { word: RegExp };
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (isWordUnit(char, 0) !== word.test(char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('let through every repeat and hold back text without one', () => {
    expect(mayRepeatWord('Police raided the the homes')).toBe(true);
    expect(mayRepeatWord('In in 1876, “the” The end')).toBe(true);
    expect(mayRepeatWord('She lives in the U.S. U.S. troops left')).toBe(true);
    expect(mayRepeatWord('Police raided the homes of dozens of organizations.')).toBe(false);
    expect(mayRepeatWord('to on, as is')).toBe(false);
    expect(mayRepeatWord('e.g. a.b. U.S. A.B.')).toBe(false);
    expect(mayRepeatPhrase('in the city in the city')).toBe(true);
    expect(mayRepeatPhrase('a process of learning, a process of growing, a process of')).toBe(true);
    expect(mayRepeatPhrase('(In the city In the city')).toBe(true);
    expect(mayRepeatPhrase('raids on the homes of the homes of activists')).toBe(true);
    expect(mayRepeatPhrase('it rose fast, it rose, it rose again')).toBe(true);
    // A pair that comes back once, neither back to back nor as a loop.
    expect(mayRepeatPhrase('one of the best of the year')).toBe(false);
    expect(mayRepeatPhrase('on the one hand, on the other hand')).toBe(false);
    expect(mayRepeatPhrase('The city council met in the town hall on Monday.')).toBe(false);
    expect(mayRepeatPhrase('in the city and then, many words later, after a long detour, in the city')).toBe(false);
  });
});

describe('rules that read only text', () => {
  const textOnly = rules.filter((rule) => rule.meta.needsTree === false);

  it('are most of the recommended rules', () => {
    expect(textOnly.length).toBeGreaterThan(20);
  });

  it.each(textOnly.map((rule) => rule.meta.id))('%s never makes the engine parse a paragraph', (id) => {
    const rule = rules.find((candidate) => candidate.meta.id === id);
    const text = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8');
    const lines = new LineIndex(text);
    const file = new VFile({ value: text });
    documentInfoFor(file).prefilter = true;
    let parsed = 0;
    const processor = unified().use(rule?.plugin as never, ['warn', {}] as never);
    for (const tree of buildTrees(textBlocks(text, textControls(text)), lines, undefined, true)) {
      for (const child of tree.children) {
        const lazy = Object.getOwnPropertyDescriptor(child, 'children');
        if (!lazy?.get) continue;
        Object.defineProperty(child, 'children', {
          get() {
            parsed++;
            return lazy.get?.call(child);
          },
          set: lazy.set,
        });
      }
      processor.runSync(tree as never, file);
    }
    expect(parsed).toBe(0);
  });
});

describe('a paragraph not parsed yet', () => {
  it('has the text, offsets, position and data of the parsed one', () => {
    const text = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8');
    const lines = new LineIndex(text);
    const eager = [...buildTrees(textBlocks(text, textControls(text)), lines)].flatMap((tree) => tree.children);
    const lazy = [...buildTrees(textBlocks(text, textControls(text)), lines, undefined, true)].flatMap(
      (tree) => tree.children,
    );
    expect(lazy.length).toBe(eager.length);
    let deferred = 0;
    lazy.forEach((paragraph, index) => {
      const parsed = eager[index] as Paragraph;
      if (Object.getOwnPropertyDescriptor(paragraph, 'children')?.get) deferred++;
      const flat = flatten(paragraph);
      const reference = flatten(parsed);
      expect(flat.text).toBe(reference.text);
      for (let at = 0; at <= flat.text.length; at += 7) {
        expect(flat.startAt(at)).toBe(reference.startAt(at));
        expect(flat.endAt(at)).toBe(reference.endAt(at));
      }
      expect(paragraph.position).toEqual(parsed.position);
      expect(paragraph.data).toEqual(parsed.data);
      // Reading the children parses it: the same sentences and words.
      expect(JSON.parse(JSON.stringify((paragraph as Paragraph).children))).toEqual(
        JSON.parse(JSON.stringify(parsed.children)),
      );
    });
    expect(deferred).toBeGreaterThan(10);
  });
});
