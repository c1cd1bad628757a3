/**
 * Reports `flat.text[from, to)` with the text it should be, and a fix that
 * replaces it when that stretch maps one-to-one onto the original.
 */
import type { RuleContext } from '../shared/rule.js';
import type { FlatText } from './flat.js';

export function reportReplacement(
  context: RuleContext,
  flat: FlatText,
  from: number,
  to: number,
  message: string,
  expected: string,
  fixable = true,
): void {
  const start = flat.startAt(from);
  const end = flat.endAt(to);
  context.report({
    start,
    end,
    message,
    actual: flat.text.slice(from, to),
    expected: [expected],
    fix: fixable && flat.isDirect(from, to) ? { range: [start, end], text: expected } : undefined,
  });
}
