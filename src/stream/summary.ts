/**
 * Sums up the result lines of `mtlint --jsonl` runs (one shard or a whole
 * archive's worth) into per-rule counts, rates per 10,000 words and the
 * worst documents. Memory is bounded by the number of rules and `top`, not
 * by the number of documents.
 */
import type { RecordId } from './record.js';

export interface RuleCount {
  ruleId: string;
  findings: number;
  /** Documents with at least one finding of the rule. */
  documents: number;
  per10kWords: number;
}

export interface DocumentCount {
  id: RecordId;
  findings: number;
  words: number;
  per10kWords: number;
}

export interface FailedDocument {
  id: RecordId;
  error: string;
  /** The line in the input of the run that failed on it (for documents without an id). */
  line?: number;
}

export interface StreamSummary {
  /** Result lines read. */
  documents: number;
  /** Documents linted (the others failed). */
  linted: number;
  failed: number;
  words: number;
  findings: number;
  errors: number;
  warnings: number;
  per10kWords: number;
  /** Documents with at least one finding. */
  documentsWithFindings: number;
  rules: RuleCount[];
  /** The documents with the most findings (ties: the higher rate, then the earlier). */
  worst: DocumentCount[];
  /** The first failed documents, in input order. */
  firstFailures: FailedDocument[];
}

/** Thrown for a line that is not a result of `mtlint --jsonl`. */
export class ResultLineError extends Error {
  override name = 'ResultLineError';
}

const rate = (count: number, words: number): number => (words > 0 ? round2((count * 10_000) / words) : 0);
const round2 = (value: number): number => Math.round(value * 100) / 100;

export class SummaryBuilder {
  private documents = 0;
  private failed = 0;
  private words = 0;
  private errors = 0;
  private warnings = 0;
  private documentsWithFindings = 0;
  private readonly rules = new Map<string, { findings: number; documents: number }>();
  private readonly worst: DocumentCount[] = [];
  private readonly failures: FailedDocument[] = [];

  constructor(private readonly top = 10) {}

  /** Adds one result line (its text). */
  addLine(line: string): void {
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new ResultLineError('not JSON: expected the output of mtlint --jsonl');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('id' in data))
      throw new ResultLineError('not a result of mtlint --jsonl (no "id")');
    this.add(data as Record<string, unknown>);
  }

  private add(result: Record<string, unknown>): void {
    const id = result.id as RecordId;
    this.documents++;
    if (typeof result.error === 'string') {
      this.failed++;
      if (this.failures.length < this.top) {
        const failure: FailedDocument = { id, error: result.error };
        if (typeof result.line === 'number') failure.line = result.line;
        this.failures.push(failure);
      }
      return;
    }
    const findings = result.findings;
    if (!Array.isArray(findings)) throw new ResultLineError('not a result of mtlint --jsonl (no "findings" array)');
    const words = typeof result.words === 'number' ? result.words : 0;
    this.words += words;
    const seen = new Set<string>();
    for (const finding of findings as Array<{ ruleId?: unknown; severity?: unknown }>) {
      const ruleId = typeof finding?.ruleId === 'string' ? finding.ruleId : 'unknown';
      if (finding?.severity === 2) this.errors++;
      else this.warnings++;
      let count = this.rules.get(ruleId);
      if (!count) {
        count = { findings: 0, documents: 0 };
        this.rules.set(ruleId, count);
      }
      count.findings++;
      if (!seen.has(ruleId)) {
        seen.add(ruleId);
        count.documents++;
      }
    }
    if (findings.length === 0) return;
    this.documentsWithFindings++;
    this.rank({ id, findings: findings.length, words, per10kWords: rate(findings.length, words) });
  }

  /** Keeps the `top` worst documents: a sorted array, as `top` is small. */
  private rank(document: DocumentCount): void {
    const worse = (a: DocumentCount, b: DocumentCount) =>
      a.findings > b.findings || (a.findings === b.findings && a.per10kWords > b.per10kWords);
    if (this.worst.length === this.top && !worse(document, this.worst[this.worst.length - 1])) return;
    let index = this.worst.length;
    while (index > 0 && worse(document, this.worst[index - 1])) index--;
    this.worst.splice(index, 0, document);
    if (this.worst.length > this.top) this.worst.pop();
  }

  summary(): StreamSummary {
    const findings = this.errors + this.warnings;
    return {
      documents: this.documents,
      linted: this.documents - this.failed,
      failed: this.failed,
      words: this.words,
      findings,
      errors: this.errors,
      warnings: this.warnings,
      per10kWords: rate(findings, this.words),
      documentsWithFindings: this.documentsWithFindings,
      rules: [...this.rules]
        .map(([ruleId, count]) => ({ ruleId, ...count, per10kWords: rate(count.findings, this.words) }))
        .sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId)),
      worst: [...this.worst],
      firstFailures: [...this.failures],
    };
  }
}
