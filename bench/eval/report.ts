/**
 * Text tables for the terminal and the Markdown summary for the README.
 */
import { CLASS_LABELS, PUNCTUATION_CLASSES } from './classify.js';
import type { EvalResult, RecallRow } from './run.js';

export function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

export function rate(value: number | null): string {
  return value === null ? '-' : value.toFixed(2);
}

/** A plain text table: first row is the header; numbers right-aligned. */
export function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (cell: string) => /^[-\d.,%/ ]+$/.test(cell) && cell !== '-';
  const lines = rows.map((row, index) =>
    row
      .map((cell, column) =>
        index > 0 && (numeric(cell) || cell === '-') ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}

/** Findings per 1,000 clean references (bilingual rules' false-alarm rate, every target language). */
function per1000(findings: number, segments: number | undefined): string {
  return segments ? ((findings * 1000) / segments).toFixed(1) : '-';
}

export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  const align = header.map((_, column) => (column === 0 ? '---' : '---:'));
  return [header, align, ...body].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** The smallest built-in preset a rule is in. */
function presetLabel(rule: { recommended: boolean; strict?: boolean }): string {
  return rule.recommended ? 'rec.' : rule.strict ? 'strict' : '';
}

function recallCells(row: RecallRow): string[] {
  return [
    String(row.spans),
    String(row.found),
    percent(row.recall),
    percent(row.recallStrict),
    percent(row.recallRecommended),
  ];
}

export function ruleRows(result: EvalResult): string[][] {
  const rows = [
    [
      'rule',
      'preset',
      'findings',
      'hits',
      'precision',
      'audited prec',
      'unaudited',
      'marked alike',
      'punct hits',
      'clean refs',
      'refs /1k',
      'clean /10k w',
      'not real /10k',
      'clean unread',
      'punct found',
      'injected found',
    ],
  ];
  for (const rule of result.rules) {
    const punctFound = Object.values(rule.punctuationFound).reduce((a, b) => a + b, 0);
    const injectedFound = Object.values(rule.injectedFound).reduce((sum: number, n) => sum + (n ?? 0), 0);
    rows.push([
      rule.id,
      presetLabel(rule),
      String(rule.findings),
      String(rule.hits),
      percent(rule.precision),
      percent(rule.auditedPrecision),
      String(rule.unaudited),
      percent(rule.precisionMarkedAlike),
      String(rule.punctuationHits),
      String(rule.cleanReferenceFindings),
      per1000(rule.cleanReferenceFindings, result.cleanReferenceSegments),
      rate(rule.cleanPer10k),
      rate(rule.cleanFalsePer10k),
      String(rule.clean.unaudited),
      String(punctFound),
      String(injectedFound),
    ]);
  }
  for (const [name, total, key] of [
    ['all rules', result.totals.all, 'all'],
    ['strict', result.totals.strict, 'strict'],
    ['recommended', result.totals.recommended, 'recommended'],
  ] as const) {
    rows.push([
      `(${name})`,
      '',
      String(total.findings),
      String(total.hits),
      percent(total.precision),
      percent(total.auditedPrecision),
      '',
      '',
      String(total.punctuationHits),
      String(total.cleanReferenceFindings),
      per1000(total.cleanReferenceFindings, result.cleanReferenceSegments),
      rate(result.cleanEnglish.per10k[key]),
      '',
      '',
      '',
      '',
    ]);
  }
  return rows;
}

export function recallRows(result: EvalResult): string[][] {
  const rows = [['punctuation span class', 'spans', 'found', 'recall', 'recall (strict)', 'recall (rec.)']];
  for (const name of PUNCTUATION_CLASSES) {
    rows.push([`${name}: ${CLASS_LABELS[name]}`, ...recallCells(result.punctuationRecall[name])]);
  }
  rows.push(['total', ...recallCells(result.punctuationRecall.total)]);
  rows.push(['spans of any category holding a digit', ...recallCells(result.digitRecall)]);
  return rows;
}

export function injectionRows(result: EvalResult): string[][] {
  const rows = [['injected artefact', 'injected', 'found', 'recall', 'recall (strict)', 'recall (rec.)', 'found by']];
  let spans = 0;
  let found = 0;
  let foundRecommended = 0;
  let foundStrict = 0;
  for (const [kind, row] of Object.entries(result.injected)) {
    spans += row.spans;
    found += row.found;
    foundRecommended += row.foundRecommended;
    foundStrict += row.foundStrict;
    const by = Object.entries(row.byRule)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    rows.push([kind, ...recallCells(row), by]);
  }
  rows.push([
    'total',
    String(spans),
    String(found),
    percent(spans ? found / spans : null),
    percent(spans ? foundStrict / spans : null),
    percent(spans ? foundRecommended / spans : null),
    '',
  ]);
  return rows;
}

/** Findings of each rule on each source of clean English, per 10,000 words of it. */
export function cleanRows(result: EvalResult): string[][] {
  const sources = Object.entries(result.cleanEnglish.bySource);
  const rows = [['rule', ...sources.map(([name, source]) => `${name.replace(/\.dev$/, '')} (${source.words} w)`)]];
  rows.push(['(all rules)', ...sources.map(([, source]) => `${source.findings} ${rate(per10kOf(source))}`)]);
  for (const rule of result.rules) {
    if (rule.clean.findings === 0) continue;
    rows.push([
      rule.id,
      ...sources.map(([name, source]) => {
        const count = rule.clean.bySource[name] ?? 0;
        return `${count} ${rate(per10kOf({ findings: count, words: source.words }))}`;
      }),
    ]);
  }
  return rows;
}

function per10kOf({ findings, words }: { findings: number; words: number }): number | null {
  return words === 0 ? null : (findings * 10_000) / words;
}

/** Findings and precision of each rule on each corpus file. */
export function perCorpusRows(result: EvalResult): string[][] {
  const names = Object.keys(result.corpora);
  const rows = [['rule', ...names.map((name) => `${name.replace(/\.dev$/, '')} (findings, precision)`)]];
  for (const rule of result.rules) {
    rows.push([
      rule.id,
      ...names.map((name) => {
        const corpus = rule.corpora[name];
        return corpus ? `${corpus.findings} ${percent(corpus.precision)}` : '0 -';
      }),
    ]);
  }
  return rows;
}

export function corpusRows(result: EvalResult): string[][] {
  const rows = [['corpus', 'records', 'documents', 'words', 'punct spans']];
  for (const [name, corpus] of Object.entries(result.corpora)) {
    rows.push([
      name,
      String(corpus.records),
      String(corpus.documents),
      String(corpus.words),
      String(corpus.punctuationSpans),
    ]);
  }
  return rows;
}

export function textReport(result: EvalResult): string {
  const clean = result.cleanEnglish;
  return [
    `mtlint eval — ${result.settings.files.join(', ')}; rules: ${result.settings.rules.length}`,
    '',
    textTable(corpusRows(result)),
    '',
    'Per rule. hits: findings that overlap or touch (within one character) an annotated target span;',
    'audited prec: (hits + unmatched findings read and judged real in bench/eval/audit) / findings; unaudited:',
    'unmatched findings nobody has read (they count as wrong); clean /10k w: findings per 10,000 words of clean',
    `English (${clean.segments} paragraphs, ${clean.words} words: source side, clean references, clean_en); not real /10k:`,
    '… not audited real; clean unread: clean findings nobody has read;',
    'marked alike: the precision if every unmatched finding whose same text in the same source segment raters',
    "marked in another system's output counted as a hit (rater consistency; the precision column is the score);",
    'punct hits: … a Fluency/Punctuation span; clean refs: findings on human references raters left without error;',
    '',
    textTable(ruleRows(result)),
    '',
    'Clean English per source (findings, per 10,000 words):',
    '',
    textTable(cleanRows(result)),
    '',
    result.audit.stale.length === 0
      ? `Audit: ${result.audit.lines} lines, none stale.`
      : `Audit: ${result.audit.lines} lines, ${result.audit.stale.length} stale (match no unmatched finding any more): ${result.audit.stale.slice(0, 20).join(', ')}${result.audit.stale.length > 20 ? ', …' : ''}`,
    '',
    'Per corpus:',
    '',
    textTable(perCorpusRows(result)),
    '',
    'Recall of Fluency/Punctuation target spans (found: a finding of at most 40 characters hits it):',
    '',
    textTable(recallRows(result)),
    '',
    `Injected artefacts in clean English (seed ${result.settings.seed}, at most ${result.settings.perKind} per kind):`,
    '',
    textTable(injectionRows(result)),
    '',
  ].join('\n');
}

/** The compact summary `npm run docs` copies into README.md. */
export function qualityMarkdown(result: EvalResult): string {
  const rules = [
    [
      'rule',
      'preset',
      'findings',
      'precision (raters)',
      'audited precision',
      'unaudited',
      'marked alike',
      'clean /10k words',
      'not real /10k',
      'injected found',
    ],
  ];
  for (const rule of result.rules) {
    const injectedFound = Object.values(rule.injectedFound).reduce((sum: number, n) => sum + (n ?? 0), 0);
    rules.push([
      `\`${rule.id}\``,
      rule.recommended ? 'recommended' : rule.strict ? 'strict' : '',
      String(rule.findings),
      percent(rule.precision),
      percent(rule.auditedPrecision),
      String(rule.unaudited),
      percent(rule.precisionMarkedAlike),
      rate(rule.cleanPer10k),
      rate(rule.cleanFalsePer10k),
      String(injectedFound),
    ]);
  }
  const shares = (row: RecallRow) => [percent(row.recall), percent(row.recallStrict), percent(row.recallRecommended)];
  const recall = [['annotated target spans', 'spans', 'recall (all)', 'recall (strict)', 'recall (recommended)']];
  for (const name of PUNCTUATION_CLASSES) {
    const row = result.punctuationRecall[name];
    recall.push([CLASS_LABELS[name], String(row.spans), ...shares(row)]);
  }
  const total = result.punctuationRecall.total;
  recall.push(['total', String(total.spans), ...shares(total)]);
  const digits = result.digitRecall;
  recall.push(['spans of any category holding a digit', String(digits.spans), ...shares(digits)]);
  const injected = [['injected artefact', 'injected', 'recall (all)', 'recall (strict)', 'recall (recommended)']];
  for (const [kind, row] of Object.entries(result.injected)) {
    injected.push([kind, String(row.spans), ...shares(row)]);
  }
  const clean = result.cleanEnglish;
  const parts = [
    `Dev split: ${Object.entries(result.corpora)
      .map(([name, corpus]) => `${name} (${corpus.records} segments)`)
      .join(', ')}. Clean English: ${Object.entries(clean.bySource)
      .map(([name, source]) => `${source.words} words of ${name.replace(/\.dev$/, '')}`)
      .join(', ')}.`,
    '',
    markdownTable(rules),
    '',
    `All rules: precision ${percent(result.totals.all.precision)} (audited ${percent(result.totals.all.auditedPrecision)}), ${rate(clean.per10k.all)} findings per 10,000 words of clean English; strict: ${percent(result.totals.strict.precision)} (audited ${percent(result.totals.strict.auditedPrecision)}), ${rate(clean.per10k.strict)}; recommended: ${percent(result.totals.recommended.precision)} (audited ${percent(result.totals.recommended.auditedPrecision)}), ${rate(clean.per10k.recommended)}.`,
    '',
    markdownTable(recall),
  ];
  if (Object.keys(result.injected).length > 0) parts.push('', markdownTable(injected));
  return `${parts.join('\n')}\n`;
}
