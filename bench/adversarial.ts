/**
 * Exact figures for the adversarial inputs of bench/adversarial-cases.ts:
 * lint CPU time with every rule (`mtlint:all`) at half the scale and at
 * the full scale, per format, and the ratio (about 2 for linear work, about 4
 * for quadratic). Writes bench/results/adversarial.json.
 *
 *   npm run build && node dist/bench/adversarial.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixText, lint, presetConfig } from '../src/index.js';
import { ADVERSARIAL_CASES } from './adversarial-cases.js';

const ROOT = join(import.meta.dirname, '..', '..');
const config = presetConfig('mtlint:all');

interface Row {
  case: string;
  format: string;
  characters: number;
  halfMs: number;
  fullMs: number;
  /** fullMs / halfMs: ~2 linear, ~4 quadratic. */
  ratio: number;
  fixMs: number | null;
  findings: number;
}

/** CPU time (user + system) of one run: wall time on a shared machine is noise. */
function time(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return Math.round((used.user + used.system) / 100) / 10;
}

const rows: Row[] = [];
for (const testCase of ADVERSARIAL_CASES) {
  const full = testCase.build(testCase.size);
  const half = testCase.build(Math.floor(testCase.size / 2));
  for (const format of testCase.formats) {
    const halfMs = time(() => lint(half, { format, config }));
    let findings = 0;
    const fullMs = time(() => {
      findings = lint(full, { format, config }).findings.length;
    });
    // Fixing re-lints until nothing changes: timed for the case's first format.
    const fixMs = format === testCase.formats[0] ? time(() => fixText(full, { format, config })) : null;
    const row: Row = {
      case: testCase.name,
      format,
      characters: full.length,
      halfMs,
      fullMs,
      ratio: Math.round((fullMs / Math.max(halfMs, 1)) * 100) / 100,
      fixMs,
      findings,
    };
    rows.push(row);
    console.log(
      `${testCase.name.padEnd(40)} ${format.padEnd(4)} ${String(full.length).padStart(8)} chars  ` +
        `${String(halfMs).padStart(8)} ms → ${String(fullMs).padStart(8)} ms (×${row.ratio})  fix ${fixMs} ms  ${findings} findings`,
    );
  }
}

const results = join(ROOT, 'bench', 'results');
mkdirSync(results, { recursive: true });
writeFileSync(
  join(results, 'adversarial.json'),
  `${JSON.stringify(
    {
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
      preset: 'mtlint:all',
      note: 'CPU milliseconds (user + system) of one run; ratio = full / half scale (about 2 when linear, 4 when quadratic)',
      rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${join(results, 'adversarial.json')}`);
