/**
 * The audit of unmatched findings (bench/eval/audit/<rule>.jsonl): the files'
 * schema, that each line quotes the text it judged, and how audited precision
 * and the clean English figures are scored.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AuditIndex,
  checkAuditLine,
  type LoadedAuditLine,
  loadAudit,
  overlappingLines,
  parseAuditFile,
  pruneAudit,
  sameSpan,
} from '../bench/eval/audit.js';
import { defaultDevDir, loadCorpus, parseCorpus } from '../bench/eval/data.js';
import { sourceId } from '../bench/eval/documents.js';
import { runEval } from '../bench/eval/run.js';
import { rules } from '../src/rules/index.js';

const ROOT = join(import.meta.dirname, '..');
const AUDIT_DIR = join(ROOT, 'bench', 'eval', 'audit');
const fixtures = join(import.meta.dirname, 'fixtures', 'eval');

const line = (fields: Partial<LoadedAuditLine>): LoadedAuditLine => ({
  id: 'a',
  rule: 'doubled-punctuation',
  start: 0,
  end: 1,
  text: ',',
  verdict: 'real',
  reason: 'a reason',
  file: 'f',
  line: 1,
  ...fields,
});

describe('audit files (bench/eval/audit/<rule>.jsonl)', () => {
  const files = existsSync(AUDIT_DIR) ? readdirSync(AUDIT_DIR).filter((name) => name.endsWith('.jsonl')) : [];
  const known = new Set(rules.map((rule) => rule.meta.id));

  it('are named after known rules and every line follows the schema', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(known, name).toContain(name.replace(/\.jsonl$/, ''));
    // loadAudit throws `file:line: reason` on the first bad line.
    expect(loadAudit(AUDIT_DIR).length).toBeGreaterThan(0);
  });

  it('hold one line per finding: no two lines of a record and rule overlap', () => {
    const pairs = overlappingLines(loadAudit(AUDIT_DIR)).map(
      ([a, b]) =>
        `${(a as LoadedAuditLine).file}:${(a as LoadedAuditLine).line} and line ${(b as LoadedAuditLine).line}`,
    );
    expect(pairs).toEqual([]);
  });

  it('quote the text of the data at their span (when the dev split is here)', () => {
    const dev = defaultDevDir(ROOT);
    if (!existsSync(dev)) return;
    const texts = new Map<string, string>();
    for (const name of readdirSync(dev).filter((file) => file.endsWith('.jsonl'))) {
      const corpus = loadCorpus(join(dev, name));
      if (corpus.kind === 'clean') for (const paragraph of corpus.paragraphs) texts.set(paragraph.id, paragraph.text);
      else
        for (const record of corpus.records) {
          texts.set(record.id, record.target);
          if (record.lp.startsWith('en-')) texts.set(sourceId(record), record.source);
        }
    }
    const wrong: string[] = [];
    for (const entry of loadAudit(AUDIT_DIR)) {
      const text = texts.get(entry.id);
      const quoted = text === undefined ? undefined : Array.from(text).slice(entry.start, entry.end).join('');
      if (quoted !== entry.text) wrong.push(`${entry.file}:${entry.line} ${JSON.stringify(quoted)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('audit lines', () => {
  it('reject a line without a verdict, reason or valid span, with the reason', () => {
    const good = { id: 'x', rule: 'r', start: 1, end: 2, text: 'a', verdict: 'false', reason: 'why' };
    expect(checkAuditLine(good)).toEqual(good);
    expect(checkAuditLine({ ...good, verdict: 'maybe' })).toMatch(/verdict/);
    expect(checkAuditLine({ ...good, reason: ' ' })).toMatch(/reason/);
    expect(checkAuditLine({ ...good, end: 0 })).toMatch(/before/);
    expect(checkAuditLine({ ...good, extra: 1 })).toMatch(/unknown key `extra`/);
    expect(() => parseAuditFile('{"id": 1}\n', 'r.jsonl', 'r')).toThrow(/^r\.jsonl:1: `id` must be a string/);
    expect(() => parseAuditFile('not json\n', 'r.jsonl', 'r')).toThrow(/^r\.jsonl:1: invalid JSON/);
    expect(() => parseAuditFile(`${JSON.stringify(good)}\n`, 'other.jsonl', 'other')).toThrow(
      /rule `r` in the audit file of `other`/,
    );
  });

  it('match a finding of the same record and rule whose span overlaps, and report the rest as stale', () => {
    expect(sameSpan({ start: 3, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(sameSpan({ start: 3, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(sameSpan({ start: 4, end: 4 }, { start: 4, end: 4 })).toBe(true);
    expect(sameSpan({ start: 4, end: 4 }, { start: 3, end: 5 })).toBe(true);
    const used = line({ start: 10, end: 12 });
    const stale = line({ start: 30, end: 31, line: 2 });
    const index = new AuditIndex([used, stale]);
    expect(index.find('a', 'doubled-punctuation', { start: 11, end: 13 })).toBe(used);
    expect(index.find('a', 'other-rule', { start: 11, end: 13 })).toBeUndefined();
    expect(index.find('b', 'doubled-punctuation', { start: 11, end: 13 })).toBeUndefined();
    expect(index.stale()).toEqual([stale]);
  });
});

describe('--prune-stale', () => {
  it('removes exactly the stale lines and keeps the others as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtlint-audit-'));
    try {
      const keep = { id: 'a', rule: 'r', start: 0, end: 1, text: 'x', verdict: 'real', reason: 'kept' };
      const gone = { ...keep, id: 'b', reason: 'stale' };
      writeFileSync(join(dir, 'r.jsonl'), `${JSON.stringify(keep)}\n${JSON.stringify(gone)}\n`);
      const lines = loadAudit(dir);
      expect(pruneAudit(dir, lines, ['r.jsonl:2'])).toBe(1);
      expect(readFileSync(join(dir, 'r.jsonl'), 'utf8')).toBe(`${JSON.stringify(keep)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audited precision and clean English in runEval', () => {
  const fixture = join(fixtures, 'mini.jsonl');
  const clean = join(fixtures, 'clean-en.jsonl');

  it('reads native English paragraphs ({id, set, domain, doc, seg, text}) as clean English', () => {
    const corpus = parseCorpus(readFileSync(clean, 'utf8'), clean);
    expect(corpus.kind).toBe('clean');
    expect(() => parseCorpus('{"id": "a", "text": "x"}\n{"id": "b"}\n', 'c.jsonl')).toThrow(
      /^c\.jsonl:1: not a clean English paragraph/,
    );
  });

  it('counts audited real findings as correct, and unclear or unread ones as wrong', () => {
    // mini: doubled-punctuation finds `said,,` (marked) and `left,,` (not marked).
    const base = { files: [fixture], rules: ['doubled-punctuation'], perKind: 0 };
    const unread = runEval(base);
    const doubled = (result: typeof unread.result) => result.rules.find((rule) => rule.id === 'doubled-punctuation');
    expect(doubled(unread.result)).toMatchObject({ findings: 2, hits: 1, unmatched: 1, unaudited: 1 });
    expect(doubled(unread.result)?.auditedPrecision).toBe(0.5);
    expect(unread.unread).toMatchObject([{ id: 'zh-en|t|sysA|d1|2', start: 14, end: 16, text: ',,', side: 'target' }]);

    const real = line({ id: 'zh-en|t|sysA|d1|2', start: 14, end: 16, text: ',,' });
    const audited = runEval({ ...base, audit: [real, line({ id: 'gone', line: 2 })] });
    expect(doubled(audited.result)).toMatchObject({ unaudited: 0, audited: { real: 1, false: 0, unclear: 0 } });
    expect(doubled(audited.result)?.auditedPrecision).toBe(1);
    expect(audited.unread).toEqual([]);
    expect(audited.result.audit).toEqual({ lines: 2, stale: ['f:2'] });

    const unclear = runEval({ ...base, audit: [{ ...real, verdict: 'unclear' }] });
    expect(doubled(unclear.result)?.auditedPrecision).toBe(0.5);
  });

  it('counts findings on every source of clean English, per rule and per source', () => {
    const { result, unread } = runEval({
      files: [fixture, clean],
      rules: ['space-before-punctuation', 'repeated-words'],
      perKind: 0,
    });
    const space = result.rules.find((rule) => rule.id === 'space-before-punctuation');
    // `said ,` on the en-de source side, `stay ,` in the clean reference, `waited ,` in the paragraph.
    expect(space?.clean.bySource).toEqual({ 'source side': 1, 'clean references': 1, 'clean-en': 1 });
    expect(result.cleanEnglish.bySource['clean-en']).toEqual({ segments: 2, words: 14, findings: 2 });
    expect(space?.cleanPer10k).toBeCloseTo((3 * 10_000) / result.cleanEnglish.words);
    expect(unread.filter((item) => item.side === 'clean').map((item) => item.text)).toEqual([' ', 'the the']);

    // A clean finding audited real (the native text has the error) is no false alarm.
    const audited = runEval({
      files: [fixture, clean],
      rules: ['repeated-words'],
      perKind: 0,
      audit: [
        line({ id: 'wmttest2024|test-en-literary_x|2', rule: 'repeated-words', start: 21, end: 28, text: 'the the' }),
      ],
    });
    const repeated = audited.result.rules.find((rule) => rule.id === 'repeated-words');
    expect(repeated).toMatchObject({ clean: { findings: 1, real: 1, unaudited: 0 }, cleanFalsePer10k: 0 });
  });
});
