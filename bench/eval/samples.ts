/**
 * Samples for rule engineers: false alarms of a rule (findings that hit no
 * annotated span, and findings on the clean English source side) and misses
 * (punctuation spans and injected artefacts no finding hit), each with its
 * context. Samples are spread evenly over the data, deterministically.
 */
import type { Finding } from '../../src/index.js';
import { classifySpan, PUNCTUATION_CLASSES, type PunctuationClass } from './classify.js';
import { isPunctuationSpan } from './data.js';
import type { RecordSegment } from './documents.js';
import type { EvalDetails } from './run.js';

const WIDTH = 90;

/** Picks `limit` items spread evenly over `items`. */
export function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const picked: T[] = [];
  for (let index = 0; index < limit; index++) picked.push(items[Math.floor((index * items.length) / limit)]);
  return picked;
}

/** `text` with `⟦…⟧` around `[start, end)` (same unit as the offsets), cut to about WIDTH characters around it. */
export function mark(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const inside = text.slice(start, end);
  const after = text.slice(end);
  const room = Math.max(20, Math.floor((WIDTH - inside.length) / 2));
  const left = before.length > room ? `…${before.slice(before.length - room)}` : before;
  const right = after.length > room ? `${after.slice(0, room)}…` : after;
  return `${left}⟦${inside}⟧${right}`.replace(/\n/g, '⏎');
}

function spansOf(segment: RecordSegment): string {
  const errors = segment.record.errors.filter((error) => error.side === 'target' && error.start !== null);
  if (errors.length === 0) return segment.record.errors.length === 0 ? '      spans: none (rated clean)' : '';
  const chars = Array.from(segment.text);
  // One line per place and category, with every rater who marked it.
  const places = new Map<string, { text: string; raters: string[] }>();
  for (const error of errors) {
    const key = `${error.start}:${error.end}:${error.category_norm}/${error.severity ?? ''}`;
    const place = places.get(key) ?? { text: chars.slice(error.start ?? 0, error.end ?? 0).join(''), raters: [] };
    place.raters.push(error.rater ?? '?');
    places.set(key, place);
  }
  const lines = [...places].map(
    ([key, place]) => `      span: ${key.split(':').slice(2).join(':')} (${place.raters.join(', ')}) '${place.text}'`,
  );
  return lines.length > 8 ? [...lines.slice(0, 8), `      … ${lines.length - 8} more`].join('\n') : lines.join('\n');
}

export function falseAlarmSamples(details: EvalDetails, ruleId: string, limit: number): string {
  const lines: string[] = [];
  const missed: { corpus: string; segment: RecordSegment; finding: Finding; start: number }[] = [];
  for (const { job, scored } of details.targets) {
    for (const item of scored) {
      if (item.finding.ruleId !== ruleId || item.hit) continue;
      const segment = job.document.segments[item.segment];
      missed.push({ corpus: job.corpus, segment: segment.input, finding: item.finding, start: segment.start });
    }
  }
  lines.push('', `False alarms of ${ruleId} on MT targets (no annotated span hit): ${missed.length}`);
  for (const { corpus, segment, finding, start } of spread(missed, limit)) {
    lines.push(
      `  ${corpus} ${segment.record.id}${segment.record.is_reference ? ' (reference)' : ''}`,
      `    ${finding.message}`,
      `    ${mark(segment.text, finding.offset - start, finding.endOffset - start)}`,
    );
    const spans = spansOf(segment);
    if (spans) lines.push(spans);
  }
  const source: { finding: Finding; text: string; start: number; id: string }[] = [];
  for (const { job, findings } of details.sources) {
    for (const finding of findings) {
      if (finding.ruleId !== ruleId) continue;
      const segments = job.document.segments;
      const segment = segments.findLast((candidate) => candidate.start <= finding.offset) ?? segments[0];
      const record = segment.input.record;
      source.push({
        finding,
        text: segment.input.text,
        start: segment.start,
        id: `${record.lp}|${record.testset}|${record.doc}|${record.doc_seg}`,
      });
    }
  }
  lines.push('', `Findings of ${ruleId} on clean English source text: ${source.length}`);
  for (const { finding, text, start, id } of spread(source, limit)) {
    lines.push(
      `  source of ${id}`,
      `    ${finding.message}`,
      `    ${mark(text, finding.offset - start, finding.endOffset - start)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Missed Fluency/Punctuation spans and injected artefacts. `what`: `all`, a
 * span class (`target_only` …), an injection kind, or a rule id (then "missed"
 * means: not found by that rule).
 */
export function missSamples(details: EvalDetails, what: string, limit: number): string {
  const isClass = (PUNCTUATION_CLASSES as readonly string[]).includes(what);
  const kinds = new Set<string>(details.noise.flatMap(({ job }) => job.injections.map((injection) => injection.kind)));
  const isKind = kinds.has(what);
  const rule = what !== 'all' && !isClass && !isKind ? what : undefined;
  const missedBy = (found: Set<string>) => (rule ? !found.has(rule) : found.size === 0);
  const lines: string[] = [];

  if (!isKind) {
    const missed: { corpus: string; segment: RecordSegment; start: number; end: number; label: string }[] = [];
    for (const { job, finders } of details.targets) {
      job.document.segments.forEach((segment, segmentIndex) => {
        segment.spans.forEach((span, spanIndex) => {
          if (!isPunctuationSpan(span) || !missedBy(finders[segmentIndex][spanIndex])) return;
          const kind = classifySpan(segment.input.text, span, job.language);
          if (isClass && kind.class !== (what as PunctuationClass)) return;
          if (rule && kind.class === 'needs_source') return;
          missed.push({
            corpus: job.corpus,
            segment: segment.input,
            start: span.start ?? 0,
            end: span.end ?? 0,
            label: `${kind.class}/${kind.pattern}`,
          });
        });
      });
    }
    lines.push(
      '',
      `Missed Fluency/Punctuation spans${rule ? ` (not found by ${rule}; needs_source left out)` : ''}${isClass ? ` of class ${what}` : ''}: ${missed.length}`,
    );
    for (const { corpus, segment, start, end, label } of spread(missed, limit)) {
      const chars = Array.from(segment.text);
      const prefix = chars.slice(0, start).join('').length;
      const stop = chars.slice(0, end).join('').length;
      lines.push(`  ${corpus} ${segment.record.id} — ${label}`, `    ${mark(segment.text, prefix, stop)}`);
    }
  }

  if (!isClass) {
    const missed: { kind: string; text: string; start: number; end: number }[] = [];
    for (const { job, found } of details.noise) {
      job.injections.forEach((injection, index) => {
        if (isKind && injection.kind !== what) return;
        if (!missedBy(found[index])) return;
        const range = injection.ranges[0];
        missed.push({ kind: injection.kind, text: job.document.text, start: range.start, end: range.end });
      });
    }
    lines.push('', `Missed injected artefacts${rule ? ` (not found by ${rule})` : ''}: ${missed.length}`);
    for (const { kind, text, start, end } of spread(missed, limit)) {
      const from = text.lastIndexOf('\n', start) + 1;
      const to = text.indexOf('\n', end);
      const paragraph = text.slice(from, to < 0 ? undefined : to);
      lines.push(`  ${kind}`, `    ${mark(paragraph, start - from, end - from)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
