import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../bench/eval/run.js';

const fixture = join(import.meta.dirname, 'fixtures', 'eval', 'mini.jsonl');

describe('npm run eval end to end on a hand-made file (--split)', () => {
  const { result } = runEval({
    files: [fixture],
    rules: ['doubled-punctuation', 'space-before-punctuation'],
    perKind: 5,
  });
  const rule = (id: string) => result.rules.find((entry) => entry.id === id)!;

  it('scores each finding against the spans of its own segment, after an astral character', () => {
    // `said,,` is marked (after 😀: code points, not UTF-16); `left,,` is not (the span is on `Then`).
    expect(rule('doubled-punctuation')).toMatchObject({ findings: 2, hits: 1, punctuationHits: 1, precision: 0.5 });
  });

  it('counts findings on clean references and on the deduplicated English source side', () => {
    const space = rule('space-before-punctuation');
    expect(space.cleanReferenceFindings).toBe(1);
    expect(space.referenceFindings).toBe(1);
    expect(space.sourceFindings).toBe(1); // two systems, one source segment
    expect(result.cleanEnglish).toMatchObject({ sourceSegments: 1, referenceSegments: 1, sourceWords: 6 });
  });

  it('lints German targets as German and keeps per-corpus figures', () => {
    expect(result.corpora.mini).toMatchObject({ records: 5, documents: 4, punctuationSpans: 2 });
    expect(Object.keys(rule('doubled-punctuation').corpora)).toEqual(['mini']);
  });

  it('reports recall of punctuation spans by class', () => {
    expect(result.punctuationRecall.target_only.spans).toBe(2);
    expect(result.punctuationRecall.total.spans).toBe(2);
    expect(result.punctuationRecall.target_only.found).toBeGreaterThanOrEqual(1);
  });

  it('finds injected doubled punctuation in the clean hosts', () => {
    const doubled = result.injected['doubled-punctuation'];
    expect(doubled.spans).toBe(2); // two clean hosts: the source and the clean reference
    expect(doubled.found).toBe(2);
    expect(doubled.byRule['doubled-punctuation']).toBe(2);
  });

  it('does not credit an artefact to a finding the clean host gets anyway', () => {
    // The clean reference has `stay , as`: its space-before finding sits right after
    // wherever a repeated phrase lands, and must not count as finding the repetition.
    for (const kind of ['repeated-phrase', 'repeated-word', 'stray-number', 'foreign-script']) {
      expect(result.injected[kind].byRule['space-before-punctuation']).toBeUndefined();
    }
  });

  it('rejects an unknown rule id', () => {
    expect(() => runEval({ files: [fixture], rules: ['no-such-rule'] })).toThrow(/unknown rule `no-such-rule`/);
  });
});

describe('rater consistency (the `marked alike` column)', () => {
  it('counts an unmatched finding whose same text in the same source segment is marked in another system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtlint-eval-alike-'));
    try {
      const record = (system: string, marked: boolean) => ({
        id: `zh-en|t|${system}|d1|1`,
        lp: 'zh-en',
        testset: 't',
        system,
        is_reference: false,
        doc: 'd1',
        seg: '1',
        doc_seg: 1,
        source: '源',
        target: 'The group said,, it would stay. Then it left,, too.',
        errors: marked
          ? [
              {
                start: 14,
                end: 16,
                text: ',,',
                side: 'target',
                category_norm: 'Fluency/Punctuation',
                severity: 'Minor',
              },
            ]
          : [{ start: 0, end: 3, text: 'The', side: 'target', category_norm: 'Style/Awkward', severity: 'Minor' }],
      });
      const file = join(dir, 'alike.jsonl');
      writeFileSync(
        file,
        `${[record('sysA', true), record('sysB', false)].map((r) => JSON.stringify(r)).join('\n')}\n`,
      );
      const { result } = runEval({ files: [file], rules: ['doubled-punctuation'], perKind: 0 });
      const doubled = result.rules.find((entry) => entry.id === 'doubled-punctuation');
      // Four findings: `said,,` hits in sysA and is marked alike in sysB; `left,,` is marked in neither.
      expect(doubled).toMatchObject({ findings: 4, hits: 1, precision: 0.25, markedElsewhere: 1 });
      expect(doubled?.precisionMarkedAlike).toBe(0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
