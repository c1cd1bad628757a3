/**
 * `npm run eval -- --unaudited RULE|all`: the findings nobody has audited yet,
 * with their context and the audit line to complete (verdict and reason), so
 * they can be read in batches and added to `bench/eval/audit/<rule>.jsonl`.
 */
import type { AuditLine } from './audit.js';
import type { UnreadFinding } from './run.js';
import { mark, spread } from './samples.js';

/** The audit line of `item` with the verdict and reason still to be written. */
export function auditSkeleton(item: UnreadFinding): Omit<AuditLine, 'verdict' | 'reason'> & {
  verdict: '?';
  reason: '';
} {
  return { id: item.id, rule: item.rule, start: item.start, end: item.end, text: item.text, verdict: '?', reason: '' };
}

export function unreadSamples(unread: readonly UnreadFinding[], what: string, limit: number): string {
  const selected = unread.filter((item) => what === 'all' || item.rule === what);
  const byRule = new Map<string, UnreadFinding[]>();
  for (const item of selected) byRule.set(item.rule, [...(byRule.get(item.rule) ?? []), item]);
  const lines = ['', `Unaudited findings${what === 'all' ? '' : ` of ${what}`}: ${selected.length}`];
  for (const [rule, items] of byRule) {
    lines.push('', `${rule}: ${items.length} unaudited`);
    for (const item of spread(items, limit)) {
      const chars = Array.from(item.segment);
      const before = chars.slice(0, item.start).join('');
      const inside = chars.slice(item.start, item.end).join('');
      const text = before + inside + chars.slice(item.end).join('');
      lines.push(
        `  ${item.corpus} ${item.side} ${item.id}`,
        `    ${item.message}`,
        `    ${mark(text, before.length, before.length + inside.length)}`,
        `    ${JSON.stringify(auditSkeleton(item))}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
