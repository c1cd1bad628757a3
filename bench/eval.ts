/**
 * `npm run eval [-- options]`: precision and recall of mtlint's rules on real
 * MT output with expert MQM annotations (`../shared/eval/dev/*.jsonl`), false
 * alarms on clean English, and recall on injected artefacts. See
 * `bench/eval/score.ts` for the scoring definitions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAudit, pruneAudit } from './eval/audit.js';
import { unreadSamples } from './eval/audit-dump.js';
import { defaultDevDir, jsonlFiles } from './eval/data.js';
import { sourceFingerprint } from './eval/fingerprint.js';
import { qualityMarkdown, textReport } from './eval/report.js';
import { DEFAULT_PER_KIND, type PresetChoice, runEval } from './eval/run.js';
import { falseAlarmSamples, missSamples } from './eval/samples.js';

const ROOT = join(import.meta.dirname, '..', import.meta.dirname.includes('/dist/') ? '..' : '');

const HELP = `npm run eval -- [options]

Scores mtlint on MQM-annotated MT output (default: ../shared/eval/dev/*.jsonl).

Options:
  --rule ID            score only this rule (repeatable)
  --preset NAME        all (default), strict or recommended
  --split PATH         a .jsonl file or folder of the same schema (repeatable)
  --seed N             seed of the artefact injection (default 1)
  --per-kind N         injected artefacts per kind (default 150)
  --false-alarms RULE  print findings of RULE that hit no annotated span, with context
  --misses WHAT        print missed punctuation spans and injected artefacts; WHAT is \`all\`,
                       a rule (what it did not find), a span class or an artefact kind
  --unaudited WHAT     print findings nobody has audited (unmatched on MT output, or on clean
                       English), with context and an audit line to fill in; WHAT is \`all\` or a rule
  --unaudited-jsonl F  write those findings (of the rules run) to F, one JSON object a line
  --prune-stale        remove the audit lines that match no finding any more (full runs only:
                       default splits, every rule)
  --limit N            how many samples to print (default 30)
  --write / --no-write write bench/results/eval.json and quality.md (default: only for the
                       full run: default splits, preset all, no --rule, default seed)
  -h, --help           this help
`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      rule: { type: 'string', multiple: true },
      preset: { type: 'string' },
      split: { type: 'string', multiple: true },
      seed: { type: 'string' },
      'per-kind': { type: 'string' },
      'false-alarms': { type: 'string' },
      misses: { type: 'string' },
      unaudited: { type: 'string' },
      'unaudited-jsonl': { type: 'string' },
      'prune-stale': { type: 'boolean' },
      limit: { type: 'string' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const preset = (values.preset ?? 'all') as PresetChoice;
  if (preset !== 'all' && preset !== 'strict' && preset !== 'recommended')
    throw new Error('--preset must be `all`, `strict` or `recommended`');
  const number = (value: string | undefined, name: string, fallback: number): number => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
    return parsed;
  };
  const seed = number(values.seed, '--seed', 1);
  const perKind = number(values['per-kind'], '--per-kind', DEFAULT_PER_KIND);
  const limit = number(values.limit, '--limit', 30);
  const files = jsonlFiles(values.split ?? [defaultDevDir(ROOT)]);
  if (files.length === 0) throw new Error('no .jsonl files to evaluate');
  const canonical =
    !values.split && !values.rule && preset === 'all' && values.seed === undefined && values['per-kind'] === undefined;
  const write = values['no-write'] ? false : (values.write ?? canonical);
  const misses = values.misses;
  const falseAlarms = values['false-alarms'];

  const started = performance.now();
  const auditDir = join(ROOT, 'bench', 'eval', 'audit');
  if (values['prune-stale'] && (values.split || values.rule || preset !== 'all'))
    throw new Error(
      '--prune-stale needs a full run (default splits, every rule): a partial run sees only some findings',
    );
  const audit = loadAudit(auditDir);
  const { result, details, timings, unread } = runEval({
    files,
    rules: values.rule,
    preset,
    seed,
    perKind,
    keepDetails: misses !== undefined || falseAlarms !== undefined,
    audit,
  });
  result.fingerprint = sourceFingerprint(ROOT);
  const seconds = (performance.now() - started) / 1000;

  process.stdout.write(textReport(result));
  if (details && falseAlarms !== undefined) process.stdout.write(falseAlarmSamples(details, falseAlarms, limit));
  if (details && misses !== undefined) process.stdout.write(missSamples(details, misses, limit));
  if (values.unaudited !== undefined) process.stdout.write(unreadSamples(unread, values.unaudited, limit));
  if (values['prune-stale'] && result.audit.stale.length > 0) {
    const removed = pruneAudit(auditDir, audit, result.audit.stale);
    process.stdout.write(`\nRemoved ${removed} stale audit lines.\n`);
    // The figures did not use them; the written result describes the audit as it now is.
    result.audit = { lines: result.audit.lines - removed, stale: [] };
  }
  if (values['unaudited-jsonl'] !== undefined) {
    writeFileSync(values['unaudited-jsonl'], unread.map((item) => `${JSON.stringify(item)}\n`).join(''));
    process.stdout.write(`\nWrote ${unread.length} unaudited findings to ${values['unaudited-jsonl']}.\n`);
  }
  if (write) {
    const directory = join(ROOT, 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'eval.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(directory, 'quality.md'), qualityMarkdown(result));
    process.stdout.write(
      '\nWrote bench/results/eval.json and bench/results/quality.md (run `npm run docs` for README).\n',
    );
  }
  process.stdout.write(
    `\nEvaluated in ${seconds.toFixed(1)} s (MT targets ${timings.targets.toFixed(1)} s, English sources ${timings.sources.toFixed(1)} s, injected ${timings.injected.toFixed(1)} s).\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`eval: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
