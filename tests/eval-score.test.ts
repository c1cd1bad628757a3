import { describe, expect, it } from 'vitest';
import type { ErrorSpan, EvalRecord } from '../bench/eval/data.js';
import { targetJobs } from '../bench/eval/documents.js';
import { OffsetMap } from '../bench/eval/offsets.js';
import {
  buildDocument,
  countWords,
  gap,
  localize,
  overlaps,
  precision,
  type RuleScore,
  scoreFinding,
  spanFinders,
  tally,
  touches,
} from '../bench/eval/score.js';

function span(start: number, end: number, category = 'Accuracy/Mistranslation', rater = 'r1'): ErrorSpan {
  return { start, end, side: 'target', category_norm: category, rater };
}

function finding(ruleId: string, offset: number, endOffset: number) {
  return { ruleId, offset, endOffset };
}

describe('the hit relation', () => {
  it('counts overlap, adjacency and a one-character gap, nothing farther', () => {
    const target = { start: 10, end: 15 };
    expect(touches({ start: 12, end: 13 }, target)).toBe(true); // inside
    expect(touches({ start: 14, end: 20 }, target)).toBe(true); // overlap
    expect(touches({ start: 15, end: 17 }, target)).toBe(true); // adjacent after
    expect(touches({ start: 16, end: 17 }, target)).toBe(true); // one character between
    expect(touches({ start: 17, end: 18 }, target)).toBe(false); // two characters between
    expect(touches({ start: 7, end: 9 }, target)).toBe(true); // one character before
    expect(touches({ start: 6, end: 8 }, target)).toBe(false);
    expect(gap({ start: 17, end: 18 }, target)).toBe(2);
  });

  it('treats an empty span as a point', () => {
    const point = { start: 10, end: 10 };
    expect(touches({ start: 8, end: 12 }, point)).toBe(true); // covers it
    expect(touches({ start: 10, end: 11 }, point)).toBe(true); // starts on it
    expect(touches({ start: 11, end: 12 }, point)).toBe(true); // one character after
    expect(touches({ start: 12, end: 13 }, point)).toBe(false);
    expect(touches({ start: 8, end: 9 }, point)).toBe(true); // character 9 lies between
    expect(touches({ start: 7, end: 8 }, point)).toBe(false);
    expect(touches(point, { start: 11, end: 11 })).toBe(true);
    expect(touches(point, { start: 12, end: 12 })).toBe(false);
  });

  it('keeps strict overlap apart from touching', () => {
    expect(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 })).toBe(false);
    expect(overlaps({ start: 0, end: 4 }, { start: 3, end: 5 })).toBe(true);
    expect(overlaps({ start: 4, end: 4 }, { start: 3, end: 5 })).toBe(true);
    expect(overlaps({ start: 3, end: 3 }, { start: 3, end: 5 })).toBe(false);
  });
});

describe('offsets', () => {
  it('converts code points to UTF-16 and back around astral characters', () => {
    const map = new OffsetMap('a😀b𝐱c');
    expect(map.length).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((point) => map.toUtf16(point))).toEqual([0, 1, 3, 4, 6, 7]);
    expect(map.toCodePoint(3)).toBe(2);
    expect(map.toCodePoint(6)).toBe(4);
    // Inside a surrogate pair: a start rounds down, an end rounds up.
    expect(map.toCodePoint(2, 'start')).toBe(1);
    expect(map.toCodePoint(2, 'end')).toBe(2);
  });

  it('is the identity without astral characters', () => {
    const map = new OffsetMap('plain “text” – ü');
    expect(map.toUtf16(7)).toBe(7);
    expect(map.toCodePoint(7)).toBe(7);
  });
});

describe('documents and findings', () => {
  const segments = [
    { text: 'First one.', errors: [span(0, 5)] },
    { text: 'Second 😀😀 here , end.', errors: [span(15, 16, 'Fluency/Punctuation')] },
    { text: 'Third.', errors: [], isReference: true },
  ];
  const document = buildDocument(segments);

  it('joins segments with a blank line and records their UTF-16 positions', () => {
    expect(document.text).toBe('First one.\n\nSecond 😀😀 here , end.\n\nThird.');
    expect(document.segments.map((segment) => [segment.start, segment.end])).toEqual([
      [0, 10],
      [12, 35],
      [37, 43],
    ]);
  });

  it('maps a UTF-16 finding after astral characters to the segment’s code points', () => {
    // The ` ,` in segment 2: code points 14–16, UTF-16 16–18 within the segment.
    const utf16 = document.text.indexOf(' ,');
    const ranges = localize(document, utf16, utf16 + 2);
    expect(ranges).toEqual([{ segment: 1, start: 14, end: 16 }]);
    const scored = scoreFinding(document, finding('space-before-punctuation', utf16, utf16 + 2));
    expect(scored.hit).toBe(true);
    expect(scored.punctuationHit).toBe(true);
  });

  it('would miss that span if UTF-16 offsets were compared to code points directly', () => {
    // The `r` of `here`: UTF-16 14 but code point 12, three characters before the comma (15).
    const at = document.segments[1].start + 14;
    expect(document.text[at]).toBe('r');
    expect(scoreFinding(document, finding('x', at, at + 1)).hit).toBe(false);
  });

  it('does not let a finding in one segment hit a span of another', () => {
    // `Third` is clean; a finding on it must not hit segment 2's span even if local offsets coincide.
    const scored = scoreFinding(document, finding('x', 37, 42));
    expect(scored.segment).toBe(2);
    expect(scored.hit).toBe(false);
  });

  it('places a finding in the separator at the end of the segment before it', () => {
    expect(localize(document, 10, 11)).toEqual([{ segment: 0, start: 10, end: 10 }]);
  });

  it('splits a finding that crosses a paragraph break', () => {
    expect(localize(document, 8, 14)).toEqual([
      { segment: 0, start: 8, end: 10 },
      { segment: 1, start: 0, end: 2 },
    ]);
  });

  it('tallies per rule, with findings on clean references', () => {
    const scored = [
      scoreFinding(document, finding('a', 0, 2)), // hit
      scoreFinding(document, finding('a', 6, 8)), // one character after `First`: hit
      scoreFinding(document, finding('a', 12, 13)), // miss
      scoreFinding(document, finding('b', 37, 39)), // on the clean reference
    ];
    const totals = new Map<string, RuleScore>();
    tally(document, scored, totals, (segment) => segment.isReference === true && segment.errors.length === 0);
    expect(totals.get('a')).toEqual({ findings: 3, hits: 2, punctuationHits: 0, cleanReferenceFindings: 0 });
    expect(totals.get('b')).toEqual({ findings: 1, hits: 0, punctuationHits: 0, cleanReferenceFindings: 1 });
    expect(precision(totals.get('a')!)).toBeCloseTo(2 / 3);
    expect(precision({ findings: 0, hits: 0 })).toBeNull();
  });
});

describe('multi-rater segments', () => {
  function record(overrides: Partial<EvalRecord>): EvalRecord {
    return {
      id: 'x',
      lp: 'zh-en',
      testset: 't',
      system: 's',
      is_reference: false,
      doc: 'd',
      seg: '1',
      doc_seg: 1,
      source: '',
      target: '',
      errors: [],
      ...overrides,
    };
  }

  const records = [
    record({
      doc_seg: 2,
      target: 'He said "hello" , then left.',
      errors: [
        span(8, 15, 'Style/Awkward', 'r1'),
        span(15, 17, 'Fluency/Punctuation', 'r2'),
        span(15, 17, 'Fluency/Punctuation', 'r3'),
        { start: null, end: null, side: 'source', category_norm: 'Accuracy/Omission', src_start: 0, src_end: 2 },
      ],
    }),
    record({ doc_seg: 1, target: 'Opening line.' }),
  ];
  const [job] = targetJobs(records, 'fixture');

  it('orders segments by doc_seg', () => {
    expect(job.document.text.startsWith('Opening line.\n\nHe said')).toBe(true);
    expect(job.language).toBe('en');
  });

  it('hits when any rater marked the place, and counts each rater’s span for recall', () => {
    const base = job.document.segments[1].start;
    const scored = [scoreFinding(job.document, finding('space-before-punctuation', base + 15, base + 17))];
    expect(scored[0].hit).toBe(true);
    expect(scored[0].punctuationHit).toBe(true);
    const finders = spanFinders(job.document, scored);
    // Source-side spans are not target spans; the three target spans are all found.
    expect(finders[1].map((found) => [...found])).toEqual([
      ['space-before-punctuation'],
      ['space-before-punctuation'],
      ['space-before-punctuation'],
    ]);
  });

  it('does not credit recall to a finding that covers a whole sentence', () => {
    const text = 'After a long and winding introduction , the sentence finally ends here.';
    const document = buildDocument([{ text, errors: [span(37, 39, 'Fluency/Punctuation')] }]);
    const whole = [scoreFinding(document, finding('readability', 0, text.length))];
    expect(whole[0].hit).toBe(true); // precision still counts it
    expect(spanFinders(document, whole)[0][0].size).toBe(0);
    const local = [scoreFinding(document, finding('space-before-punctuation', 37, 39))];
    expect([...spanFinders(document, local)[0][0]]).toEqual(['space-before-punctuation']);
  });

  it('uses the target language of the pair', () => {
    const [german] = targetJobs([record({ lp: 'en-de', target: 'Hallo.' })], 'fixture');
    expect(german.language).toBe('de');
  });
});

describe('word counts', () => {
  it('counts words with inner apostrophes, hyphens and number separators once', () => {
    expect(countWords("It's a well-known 1,500-word text — isn’t it?")).toBe(7);
  });
});
