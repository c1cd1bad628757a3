/**
 * Which preset a rule belongs in, from its `npm run eval` figures. The README
 * (Quality) states these bars; `tests/preset-policy.test.ts` holds every
 * rule's `recommended`/`strict` metadata to them.
 *
 * - `mtlint:recommended` (the default): audited precision on the dev MT output
 *   at least 0.9, measured on at least 20 findings or with every unmatched
 *   finding read; and at most 0.5 false alarms (findings not audited real) per
 *   10,000 words of clean English.
 * - `mtlint:strict`: audited precision at least 0.8 on the same terms, and at
 *   most 1 false alarm per 10,000 words of clean English.
 * - A rule that never fires on the dev MT output has no precision to measure:
 *   it qualifies only with no false alarm on clean English at all, and when it
 *   has shown that it finds what it is for (injected artefacts, or errors in
 *   the clean text that the audit found real).
 */
export const BARS = {
  recommended: { precision: 0.9, cleanPer10k: 0.5 },
  strict: { precision: 0.8, cleanPer10k: 1 },
  /** Findings on dev below which every unmatched one must have been read. */
  minFindings: 20,
} as const;

export interface PolicyFigures {
  id: string;
  findings: number;
  unaudited: number;
  auditedPrecision: number | null;
  cleanFalsePer10k: number | null;
  clean: { findings: number; real: number };
  injectedFound: Record<string, number | undefined>;
}

export type PresetBar = 'recommended' | 'strict';

/** Why `rule` misses the bar of `preset` (empty: it meets it). */
export function missedBars(rule: PolicyFigures, preset: PresetBar): string[] {
  const bar = BARS[preset];
  const missed: string[] = [];
  const falseAlarms = rule.cleanFalsePer10k ?? 0;
  if (falseAlarms > bar.cleanPer10k) {
    missed.push(`${falseAlarms.toFixed(2)} false alarms per 10,000 words of clean English (bar ${bar.cleanPer10k})`);
  }
  if (rule.findings === 0) {
    const injected = Object.values(rule.injectedFound).reduce((sum: number, n) => sum + (n ?? 0), 0);
    if (rule.clean.findings > rule.clean.real) missed.push('no findings on dev, and false alarms on clean English');
    if (injected === 0 && rule.clean.real === 0) missed.push('no findings on dev and nothing shown found');
    return missed;
  }
  if (rule.findings < BARS.minFindings && rule.unaudited > 0) {
    missed.push(
      `${rule.findings} findings on dev with ${rule.unaudited} unmatched unread (fewer than ${BARS.minFindings}: read all)`,
    );
  }
  if ((rule.auditedPrecision ?? 0) < bar.precision) {
    missed.push(`audited precision ${(rule.auditedPrecision ?? 0).toFixed(3)} (bar ${bar.precision})`);
  }
  return missed;
}

export function meetsBar(rule: PolicyFigures, preset: PresetBar): boolean {
  return missedBars(rule, preset).length === 0;
}
