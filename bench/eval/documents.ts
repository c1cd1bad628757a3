/**
 * Groups evaluation records into the documents `npm run eval` lints: the
 * targets of one (language pair, test set, system, document) in `doc_seg`
 * order, and the deduplicated English source side per (test set, document).
 */
import { type CleanParagraph, type EvalRecord, isCleanReference, languageOf } from './data.js';
import { buildDocument, type EvalDocument, SEGMENT_SEPARATOR, type SegmentInput } from './score.js';

export interface RecordSegment extends SegmentInput {
  record: EvalRecord;
  /**
   * What an audit line names the segment by (`bench/eval/audit.ts`): the
   * record id for a target; `source:lp|testset|doc|doc_seg` for the source side,
   * which is shared by every system's record of that segment.
   */
  id: string;
}

/** A native English paragraph, named by its record id. */
export interface CleanSegment extends SegmentInput {
  paragraph: CleanParagraph;
  id: string;
}

export interface CleanJob {
  /** `clean:set|doc`. */
  key: string;
  corpus: string;
  language: 'en';
  document: EvalDocument<CleanSegment>;
}

export interface LintJob {
  /** `lp|testset|system|doc` (targets) or `src:testset|doc` (sources). */
  key: string;
  /** Which corpus file the records came from (its base name). */
  corpus: string;
  language: string;
  document: EvalDocument<RecordSegment>;
  /**
   * Target jobs: the segments' sources, joined like the targets (one
   * paragraph each), so bilingual rules pair each target with its source.
   */
  source?: { text: string; language: string };
}

function byPosition(a: EvalRecord, b: EvalRecord): number {
  return a.doc_seg - b.doc_seg;
}

/** One job per (lp, testset, system, doc): the targets, in `doc_seg` order (stable for ties). */
export function targetJobs(records: readonly EvalRecord[], corpus: string): LintJob[] {
  const groups = new Map<string, EvalRecord[]>();
  for (const record of records) {
    const key = `${record.lp}|${record.testset}|${record.system}|${record.doc}`;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push(record);
  }
  const jobs: LintJob[] = [];
  for (const [key, group] of groups) {
    group.sort(byPosition);
    const segments = group.map(
      (record): RecordSegment => ({
        record,
        id: record.id,
        text: record.target,
        errors: record.errors,
        isReference: record.is_reference,
      }),
    );
    const source = {
      text: group.map((record) => record.source).join(SEGMENT_SEPARATOR),
      language: languageOf(group[0].lp, 'source'),
    };
    jobs.push({ key, corpus, language: languageOf(group[0].lp, 'target'), document: buildDocument(segments), source });
  }
  return jobs;
}

/**
 * The English source side, deduplicated: every system translated the same
 * source segment, so one copy per (testset, doc, doc_seg) is kept, one
 * document per (testset, doc). Only pairs whose source language is English.
 */
export function sourceJobs(records: readonly EvalRecord[], corpus: string): LintJob[] {
  const groups = new Map<string, Map<number, EvalRecord>>();
  for (const record of records) {
    if (languageOf(record.lp, 'source') !== 'en' || !record.source) continue;
    const key = `src:${record.lp}|${record.testset}|${record.doc}`;
    let group = groups.get(key);
    if (!group) {
      group = new Map();
      groups.set(key, group);
    }
    if (!group.has(record.doc_seg)) group.set(record.doc_seg, record);
  }
  const jobs: LintJob[] = [];
  for (const [key, group] of groups) {
    const ordered = [...group.values()].sort(byPosition);
    const segments = ordered.map(
      (record): RecordSegment => ({ record, id: sourceId(record), text: record.source, errors: [] }),
    );
    jobs.push({ key, corpus, language: 'en', document: buildDocument(segments) });
  }
  return jobs;
}

/** The audit id of a source segment: the same for every system's record of it. */
export function sourceId(record: Pick<EvalRecord, 'lp' | 'testset' | 'doc' | 'doc_seg'>): string {
  return `source:${record.lp}|${record.testset}|${record.doc}|${record.doc_seg}`;
}

/** Native English paragraphs, one document per (set, doc), in `seg` order: laid out as the text was. */
export function cleanJobs(paragraphs: readonly CleanParagraph[], corpus: string): CleanJob[] {
  const groups = new Map<string, CleanParagraph[]>();
  for (const paragraph of paragraphs) {
    const key = `clean:${paragraph.set}|${paragraph.doc}`;
    const group = groups.get(key) ?? [];
    group.push(paragraph);
    groups.set(key, group);
  }
  const jobs: CleanJob[] = [];
  for (const [key, group] of groups) {
    group.sort((a, b) => a.seg - b.seg);
    const segments = group.map(
      (paragraph): CleanSegment => ({ paragraph, id: paragraph.id, text: paragraph.text, errors: [] }),
    );
    jobs.push({ key, corpus, language: 'en', document: buildDocument(segments) });
  }
  return jobs;
}

export function isCleanReferenceSegment(segment: SegmentInput): boolean {
  const record = (segment as RecordSegment).record;
  return record ? isCleanReference(record) : false;
}
