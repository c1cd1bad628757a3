/**
 * `npm run eval`: lints the evaluation documents once with every selected
 * rule, then splits the findings per rule and scores them (see `score.ts`).
 */
import { basename } from 'node:path';
import { inPreset } from '../../src/engine/config.js';
import { type Config, type Finding, lint, rules as registry } from '../../src/index.js';
import { AuditIndex, type LoadedAuditLine, type Verdict } from './audit.js';
import { classifySpan, PUNCTUATION_CLASSES, type PunctuationClass } from './classify.js';
import { isPunctuationSpan, loadCorpus } from './data.js';
import {
  type CleanJob,
  cleanJobs,
  isCleanReferenceSegment,
  type LintJob,
  type RecordSegment,
  sourceJobs,
  targetJobs,
} from './documents.js';
import { INJECTION_KINDS, type InjectionKind, type NoiseJob, noiseJobs } from './noise.js';
import {
  countWords,
  type EvalDocument,
  emptyScore,
  isLocal,
  LOCAL_FINDING_MAX,
  localize,
  per10k,
  precision,
  type RuleScore,
  type ScoredFinding,
  type SegmentInput,
  scoreFinding,
  spanFinders,
  TOUCH_TOLERANCE,
  tally,
  touches,
} from './score.js';

export type PresetChoice = 'all' | 'strict' | 'recommended';

export const DEFINITIONS: Record<string, string> = {
  document:
    'targets of one (lp, testset, system, doc) in doc_seg order, one paragraph each, joined by a blank line, linted as plain text in the target language',
  hit: `a finding overlaps, or is at most ${TOUCH_TOLERANCE} character away from, a target-side span of its segment (any rater, any category; an empty span is a point)`,
  precision: 'hits / findings',
  auditedPrecision:
    '(hits + unmatched findings a person read and judged real, bench/eval/audit/<rule>.jsonl) / findings: unclear and unread unmatched findings count as wrong',
  clean:
    'native English laid out as paragraphs: the deduplicated English source side, human references raters found no error in, and clean_en_* paragraphs (WMT24 literary and speech); cleanPer10k counts every finding, cleanFalsePer10k those not audited real',
  cleanReferences: 'findings on human references whose errors list is empty',
  per10k:
    'findings per 10,000 words (runs of letters or digits) of the deduplicated English source side, or of clean English references',
  recall: `share of target-side spans hit by a finding of at most ${LOCAL_FINDING_MAX} characters`,
  injected:
    'share of injected artefacts a finding of at most 40 characters overlaps or touches, findings the clean host also gets excluded',
};

/** Injected artefacts per kind by default. */
export const DEFAULT_PER_KIND = 150;

export interface EvalOptions {
  /** JSONL files of the evaluation schema. */
  files: string[];
  /** Rules to run (default: the preset's). */
  rules?: string[];
  preset?: PresetChoice;
  /** Seed of the noise model. */
  seed?: number;
  /** Injected artefacts per kind (upper bound). */
  perKind?: number;
  /** Keep scored findings and misses for `--false-alarms` / `--misses`. */
  keepDetails?: boolean;
  /** The audit lines (`loadAudit`); none: every unmatched finding is unread. */
  audit?: readonly LoadedAuditLine[];
}

/** Where a clean English finding was: the English source side, a clean reference, or a clean_en paragraph file. */
export const SOURCE_SIDE = 'source side';
export const CLEAN_REFERENCES = 'clean references';

export interface CleanFigures {
  findings: number;
  /** … audited real (the native text has the error; not a false alarm). */
  real: number;
  /** … nobody has read. */
  unaudited: number;
  /** Findings per clean source (`SOURCE_SIDE`, `CLEAN_REFERENCES`, or a clean_en corpus name). */
  bySource: Record<string, number>;
}

/** A finding that hits no rater span (or any finding on clean English) that nobody has read yet. */
export interface UnreadFinding {
  rule: string;
  id: string;
  corpus: string;
  /** `target` (MT output or reference), `source` (English source side) or `clean` (a clean_en paragraph). */
  side: 'target' | 'source' | 'clean';
  /** Code points into `segment`. */
  start: number;
  end: number;
  text: string;
  message: string;
  segment: string;
  /** The segment before and after it in its document (context). */
  before?: string;
  after?: string;
}

export interface RuleResult extends RuleScore {
  id: string;
  recommended: boolean;
  /** In `mtlint:strict` (recommended rules are). */
  strict: boolean;
  precision: number | null;
  /** Findings that hit no rater span. */
  unmatched: number;
  /** Unmatched findings read and judged real, false or unclear, and not read. */
  audited: Record<Verdict, number>;
  unaudited: number;
  /** (hits + audited real) / findings. */
  auditedPrecision: number | null;
  /** Findings on clean English (see `DEFINITIONS.clean`). */
  clean: CleanFigures;
  cleanPer10k: number | null;
  /** Findings on clean English not audited real, per 10,000 words: the false-alarm rate the presets are held to. */
  cleanFalsePer10k: number | null;
  /**
   * Findings that hit nothing, but whose same text in the same source segment
   * raters marked in another system's output (a diagnostic of rater
   * consistency, not a change to the scoring: `precision` stays hits / findings).
   */
  markedElsewhere: number;
  /** (hits + markedElsewhere) / findings: the precision if raters marked the same text alike. */
  precisionMarkedAlike: number | null;
  /** Per corpus file: findings and hits. */
  corpora: Record<string, { findings: number; hits: number; precision: number | null }>;
  /** Findings on the English source side (per 10,000 words). */
  sourceFindings: number;
  sourcePer10k: number | null;
  /** Findings on clean English human references (per 10,000 words). */
  referenceFindings: number;
  referencePer10k: number | null;
  /** Fluency/Punctuation spans this rule's findings hit, per class. */
  punctuationFound: Record<PunctuationClass, number>;
  /** Injected artefacts this rule's findings overlap, per kind. */
  injectedFound: Partial<Record<InjectionKind, number>>;
}

export interface RecallRow {
  spans: number;
  /** Spans some finding (of the selected rules) hits. */
  found: number;
  recall: number | null;
  /** … counting only rules in `mtlint:recommended`. */
  foundRecommended: number;
  recallRecommended: number | null;
  /** … counting only rules in `mtlint:strict`. */
  foundStrict: number;
  recallStrict: number | null;
}

export interface InjectionRow extends RecallRow {
  /** Rule ids that found some of these, with counts. */
  byRule: Record<string, number>;
}

/** A preset's findings together: rater and audited precision. */
export type TotalScore = RuleScore & { precision: number | null; auditedReal: number; auditedPrecision: number | null };

export interface EvalResult {
  settings: { files: string[]; rules: string[]; preset: PresetChoice; seed: number; perKind: number };
  /** The scoring definitions the figures follow (see `score.ts`). */
  definitions: Record<string, string>;
  corpora: Record<string, { records: number; documents: number; words: number; punctuationSpans: number }>;
  rules: RuleResult[];
  totals: {
    all: TotalScore;
    recommended: TotalScore;
    strict: TotalScore;
  };
  /** sha256 of `src/rules` and `src/text` (`fingerprint.ts`): the code the figures were measured with. */
  fingerprint?: string;
  audit: {
    lines: number;
    /** Lines that match no finding any more: `file:line`. */
    stale: string[];
  };
  cleanEnglish: {
    /** All clean English: segments, words, findings (all rules / presets), per clean source. */
    segments: number;
    words: number;
    findings: { all: number; recommended: number; strict: number };
    per10k: { all: number | null; recommended: number | null; strict: number | null };
    bySource: Record<string, { segments: number; words: number; findings: number }>;
    sourceSegments: number;
    sourceWords: number;
    referenceSegments: number;
    referenceWords: number;
    sourceFindings: { all: number; recommended: number; strict: number };
    referenceFindings: { all: number; recommended: number; strict: number };
    sourcePer10k: { all: number | null; recommended: number | null; strict: number | null };
    referencePer10k: { all: number | null; recommended: number | null; strict: number | null };
  };
  /** Clean human references of every target language (`clean refs /1k` divides by this). */
  cleanReferenceSegments: number;
  punctuationRecall: Record<PunctuationClass | 'total', RecallRow>;
  /** Target-side spans of any category whose text holds a digit (what number rules can find). */
  digitRecall: RecallRow;
  injected: Record<string, InjectionRow>;
}

/** Findings and misses kept for reading (`--false-alarms`, `--misses`). */
export interface EvalDetails {
  targets: { job: LintJob; scored: ScoredFinding<Finding>[]; finders: Set<string>[][] }[];
  sources: { job: LintJob; findings: Finding[] }[];
  clean: { job: CleanJob; findings: Finding[] }[];
  noise: { job: NoiseJob; findings: Finding[]; found: Set<string>[] }[];
}

export function selectedRules(options: Pick<EvalOptions, 'rules' | 'preset'>): string[] {
  if (options.rules && options.rules.length > 0) {
    for (const id of options.rules) {
      if (!registry.some((rule) => rule.meta.id === id)) {
        throw new Error(`unknown rule \`${id}\` (known: ${registry.map((rule) => rule.meta.id).join(', ')})`);
      }
    }
    return [...new Set(options.rules)];
  }
  const preset = `mtlint:${options.preset ?? 'all'}` as const;
  return registry.filter((rule) => inPreset(rule.meta, preset)).map((rule) => rule.meta.id);
}

function configFor(ruleIds: readonly string[], language: string): Config {
  const rules: Record<string, 'warn'> = {};
  for (const id of ruleIds) rules[id] = 'warn';
  return { extends: [], language, rules };
}

function lintJob(
  job: { document: { text: string }; language: string; source?: LintJob['source'] },
  ruleIds: readonly string[],
): Finding[] {
  if (ruleIds.length === 0) return [];
  // Target jobs carry their sources: bilingual rules pair them paragraph by paragraph.
  const bilingual = job.source
    ? { source: job.source.text, sourceLanguage: job.source.language, targetLanguage: job.language }
    : {};
  // Unmerged (`duplicates.ts`): each rule is scored on everything it finds.
  const config = configFor(ruleIds, job.language);
  return lint(job.document.text, { format: 'txt', config, ...bilingual, mergeDuplicates: false }).findings;
}

function emptyClasses(): Record<PunctuationClass, number> {
  return Object.fromEntries(PUNCTUATION_CLASSES.map((name) => [name, 0])) as Record<PunctuationClass, number>;
}

/** Spans, and how many of them some finding found: of any selected rule, of a recommended one, of a strict one. */
type SpanCounts = Pick<RecallRow, 'spans' | 'found' | 'foundRecommended' | 'foundStrict'>;

function emptyCounts(): SpanCounts {
  return { spans: 0, found: 0, foundRecommended: 0, foundStrict: 0 };
}

function recallRow({ spans, found, foundRecommended, foundStrict }: SpanCounts): RecallRow {
  const share = (count: number) => (spans === 0 ? null : count / spans);
  return {
    spans,
    found,
    recall: share(found),
    foundRecommended,
    recallRecommended: share(foundRecommended),
    foundStrict,
    recallStrict: share(foundStrict),
  };
}

export interface EvalTimings {
  /** Seconds spent linting and scoring MT targets, English sources and injected documents. */
  targets: number;
  sources: number;
  injected: number;
}

export function runEval(options: EvalOptions): {
  result: EvalResult;
  details?: EvalDetails;
  timings: EvalTimings;
  /** Findings nobody has read, in data order. */
  unread: UnreadFinding[];
} {
  const timings: EvalTimings = { targets: 0, sources: 0, injected: 0 };
  let clock = performance.now();
  const lap = (phase: keyof EvalTimings) => {
    const now = performance.now();
    timings[phase] += (now - clock) / 1000;
    clock = now;
  };
  const ruleIds = selectedRules(options);
  const presetIds = (name: 'mtlint:recommended' | 'mtlint:strict') =>
    new Set(registry.filter((rule) => inPreset(rule.meta, name)).map((rule) => rule.meta.id));
  const recommended = presetIds('mtlint:recommended');
  const strict = presetIds('mtlint:strict');
  const seed = options.seed ?? 1;
  const perKind = options.perKind ?? DEFAULT_PER_KIND;
  const details: EvalDetails | undefined = options.keepDetails
    ? { targets: [], sources: [], clean: [], noise: [] }
    : undefined;
  // Lines of rules not run are neither used nor stale.
  const audit = new AuditIndex((options.audit ?? []).filter((line) => ruleIds.includes(line.rule)));
  const unread: UnreadFinding[] = [];
  /** Looks a finding up in the audit; an unread one is kept for `--unaudited`. */
  const verdictOf = (
    document: EvalDocument<SegmentInput & { id: string }>,
    finding: Finding,
    corpus: string,
    side: UnreadFinding['side'],
  ): Verdict | undefined => {
    const range = localize(document, finding.offset, finding.endOffset)[0];
    if (!range) return undefined;
    const segment = document.segments[range.segment];
    const line = audit.find(segment.input.id, finding.ruleId, range);
    if (line) return line.verdict;
    unread.push({
      rule: finding.ruleId,
      id: segment.input.id,
      corpus,
      side,
      start: range.start,
      end: range.end,
      text: Array.from(segment.input.text).slice(range.start, range.end).join(''),
      message: finding.message,
      segment: segment.input.text,
      before: document.segments[range.segment - 1]?.input.text,
      after: document.segments[range.segment + 1]?.input.text,
    });
    return undefined;
  };
  const cleanSources: EvalResult['cleanEnglish']['bySource'] = {
    [SOURCE_SIDE]: { segments: 0, words: 0, findings: 0 },
    [CLEAN_REFERENCES]: { segments: 0, words: 0, findings: 0 },
  };
  /** Counts a finding on clean English, with its verdict if someone read it. */
  const countClean = (ruleId: string, source: string, verdict: Verdict | undefined) => {
    const clean = ruleResult(ruleId).clean;
    clean.findings++;
    clean.bySource[source] = (clean.bySource[source] ?? 0) + 1;
    if (verdict === 'real') clean.real++;
    if (verdict === undefined) clean.unaudited++;
    cleanSources[source].findings++;
  };

  const perRule = new Map<string, RuleResult>();
  const ruleResult = (id: string): RuleResult => {
    let result = perRule.get(id);
    if (!result) {
      result = {
        id,
        recommended: recommended.has(id),
        strict: strict.has(id),
        ...emptyScore(),
        precision: null,
        unmatched: 0,
        audited: { real: 0, false: 0, unclear: 0 },
        unaudited: 0,
        auditedPrecision: null,
        clean: { findings: 0, real: 0, unaudited: 0, bySource: {} },
        cleanPer10k: null,
        cleanFalsePer10k: null,
        markedElsewhere: 0,
        precisionMarkedAlike: null,
        corpora: {},
        sourceFindings: 0,
        sourcePer10k: null,
        referenceFindings: 0,
        referencePer10k: null,
        punctuationFound: emptyClasses(),
        injectedFound: {},
      };
      perRule.set(id, result);
    }
    return result;
  };
  for (const id of ruleIds) ruleResult(id);

  const corpora: EvalResult['corpora'] = {};
  const classCounts = Object.fromEntries(PUNCTUATION_CLASSES.map((name) => [name, emptyCounts()])) as Record<
    PunctuationClass,
    SpanCounts
  >;
  const digitSpans = emptyCounts();
  /** Counts one span that the rules `finders` found (none when empty). */
  const count = (counts: SpanCounts, finders: ReadonlySet<string>) => {
    counts.spans++;
    if (finders.size > 0) counts.found++;
    if ([...finders].some((id) => recommended.has(id))) counts.foundRecommended++;
    if ([...finders].some((id) => strict.has(id))) counts.foundStrict++;
  };
  const cleanEnglish = {
    sourceSegments: 0,
    sourceWords: 0,
    referenceSegments: 0,
    referenceWords: 0,
    sourceFindings: { all: 0, recommended: 0, strict: 0 },
    referenceFindings: { all: 0, recommended: 0, strict: 0 },
  };
  const englishSources: RecordSegment[] = [];
  /** Human references raters left without error, in every target language (findings per 1,000 of them). */
  let cleanReferenceSegments = 0;
  // The same finding text in the same source segment, across systems: rule → key → findings, hits.
  const alike = new Map<string, Map<string, { findings: number; hits: number }>>();
  const englishReferences: RecordSegment[] = [];

  for (const file of options.files) {
    const corpus = basename(file).replace(/\.jsonl$/, '');
    const loaded = loadCorpus(file);
    if (loaded.kind === 'clean') {
      // Native English paragraphs: false alarms only.
      const jobs = cleanJobs(loaded.paragraphs, corpus);
      const bucket = { segments: 0, words: 0, findings: 0 };
      cleanSources[corpus] = bucket;
      for (const job of jobs) {
        for (const segment of job.document.segments) {
          bucket.segments++;
          bucket.words += countWords(segment.input.text);
        }
        const findings = lintJob(job, ruleIds);
        for (const finding of findings) {
          countClean(finding.ruleId, corpus, verdictOf(job.document, finding, corpus, 'clean'));
        }
        details?.clean.push({ job, findings });
      }
      lap('sources');
      continue;
    }
    const records = loaded.records;
    const jobs = targetJobs(records, corpus);
    const stats = { records: records.length, documents: jobs.length, words: 0, punctuationSpans: 0 };
    corpora[corpus] = stats;

    for (const job of jobs) {
      const findings = lintJob(job, ruleIds);
      const scored = findings.map((finding) => scoreFinding(job.document, finding));
      const totals = new Map<string, RuleScore>();
      tally(job.document, scored, totals, isCleanReferenceSegment);
      // Unmatched findings: read (audited) or not.
      const verdicts = new Map<ScoredFinding<Finding>, Verdict | undefined>();
      for (const item of scored) {
        if (item.hit) continue;
        const result = ruleResult(item.finding.ruleId);
        result.unmatched++;
        const verdict = verdictOf(job.document, item.finding, corpus, 'target');
        verdicts.set(item, verdict);
        if (verdict) result.audited[verdict]++;
        else result.unaudited++;
      }
      for (const item of scored) {
        const segment = job.document.segments[item.segment];
        if (!segment) continue;
        const record = segment.input.record;
        const text = job.document.text.slice(item.finding.offset, item.finding.endOffset);
        // The n-th occurrence of the text in its segment: other systems word the segment differently.
        const occurrence = occurrences(job.document.text.slice(segment.start, item.finding.offset), text);
        const key = [corpus, record.testset, record.doc, record.doc_seg, occurrence, text].join('\u0000');
        const byKey = alike.get(item.finding.ruleId) ?? new Map<string, { findings: number; hits: number }>();
        const group = byKey.get(key) ?? { findings: 0, hits: 0 };
        group.findings++;
        if (item.hit) group.hits++;
        byKey.set(key, group);
        alike.set(item.finding.ruleId, byKey);
      }
      for (const [id, score] of totals) {
        const result = ruleResult(id);
        result.findings += score.findings;
        result.hits += score.hits;
        result.punctuationHits += score.punctuationHits;
        result.cleanReferenceFindings += score.cleanReferenceFindings;
        const perCorpus = result.corpora[corpus] ?? { findings: 0, hits: 0, precision: null };
        perCorpus.findings += score.findings;
        perCorpus.hits += score.hits;
        result.corpora[corpus] = perCorpus;
      }

      // Clean English references: findings per 10,000 words.
      const englishTarget = job.language === 'en';
      job.document.segments.forEach((segment, index) => {
        const words = countWords(segment.input.text);
        stats.words += words;
        if (isCleanReferenceSegment(segment.input)) cleanReferenceSegments++;
        if (!englishTarget || !isCleanReferenceSegment(segment.input)) return;
        cleanEnglish.referenceSegments++;
        cleanEnglish.referenceWords += words;
        cleanSources[CLEAN_REFERENCES].segments++;
        cleanSources[CLEAN_REFERENCES].words += words;
        englishReferences.push(segment.input);
        for (const item of scored) {
          if (item.segment !== index) continue;
          ruleResult(item.finding.ruleId).referenceFindings++;
          countClean(item.finding.ruleId, CLEAN_REFERENCES, verdicts.get(item));
          cleanEnglish.referenceFindings.all++;
          if (recommended.has(item.finding.ruleId)) cleanEnglish.referenceFindings.recommended++;
          if (strict.has(item.finding.ruleId)) cleanEnglish.referenceFindings.strict++;
        }
      });

      // Recall of Fluency/Punctuation spans, per class.
      const finders = spanFinders(job.document, scored);
      job.document.segments.forEach((segment, segmentIndex) => {
        segment.spans.forEach((span, spanIndex) => {
          const found = finders[segmentIndex][spanIndex];
          if (hasDigit(segment.input.text, span)) {
            count(digitSpans, found);
          }
          if (!isPunctuationSpan(span)) return;
          stats.punctuationSpans++;
          const kind = classifySpan(segment.input.text, span, job.language).class;
          count(classCounts[kind], found);
          for (const id of found) ruleResult(id).punctuationFound[kind]++;
        });
      });
      details?.targets.push({ job, scored, finders });
    }

    lap('targets');
    // The English source side (deduplicated), linted as clean English.
    for (const job of sourceJobs(records, corpus)) {
      const findings = lintJob(job, ruleIds);
      for (const segment of job.document.segments) {
        cleanEnglish.sourceSegments++;
        cleanEnglish.sourceWords += countWords(segment.input.text);
        cleanSources[SOURCE_SIDE].segments++;
        cleanSources[SOURCE_SIDE].words += countWords(segment.input.text);
        englishSources.push(segment.input);
      }
      for (const finding of findings) {
        ruleResult(finding.ruleId).sourceFindings++;
        countClean(finding.ruleId, SOURCE_SIDE, verdictOf(job.document, finding, corpus, 'source'));
        cleanEnglish.sourceFindings.all++;
        if (recommended.has(finding.ruleId)) cleanEnglish.sourceFindings.recommended++;
        if (strict.has(finding.ruleId)) cleanEnglish.sourceFindings.strict++;
      }
      details?.sources.push({ job, findings });
    }
    lap('sources');
  }

  // Injected artefacts in clean English sentences.
  const injected: Record<string, InjectionRow> = {};
  for (const kind of INJECTION_KINDS) injected[kind] = { ...recallRow(emptyCounts()), byRule: {} };
  const hostGroups = [
    unique(englishSources.map((segment) => segment.text)),
    unique(englishReferences.map((segment) => segment.text)),
  ];
  for (const job of noiseJobs(hostGroups, seed, perKind)) {
    // Findings the clean paragraphs get anyway (shifted by the edits) do not count.
    const baseline = new Set(
      lintJob({ document: job.clean, language: job.language }, ruleIds).flatMap((finding) => {
        const mapped = job.mapClean({ start: finding.offset, end: finding.endOffset });
        return mapped ? [`${finding.ruleId}@${mapped.start}-${mapped.end}`] : [];
      }),
    );
    const findings = lintJob(job, ruleIds).filter(
      (finding) => !baseline.has(`${finding.ruleId}@${finding.offset}-${finding.endOffset}`),
    );
    const found = job.injections.map(() => new Set<string>());
    for (const finding of findings) {
      const range = { start: finding.offset, end: finding.endOffset };
      if (!isLocal([range])) continue;
      job.injections.forEach((injection, index) => {
        if (injection.ranges.some((target) => overlapsTarget(range, target))) found[index].add(finding.ruleId);
      });
    }
    job.injections.forEach((injection, index) => {
      const row = injected[injection.kind];
      count(row, found[index]);
      for (const id of found[index]) {
        row.byRule[id] = (row.byRule[id] ?? 0) + 1;
        const result = ruleResult(id);
        result.injectedFound[injection.kind] = (result.injectedFound[injection.kind] ?? 0) + 1;
      }
    });
    details?.noise.push({ job, findings, found });
  }
  for (const row of Object.values(injected)) Object.assign(row, recallRow(row));
  lap('injected');

  // Rates and totals.
  const cleanWords = Object.values(cleanSources).reduce((sum, source) => sum + source.words, 0);
  const cleanFindings = { all: 0, recommended: 0, strict: 0 };
  const total = {
    all: { ...emptyScore(), auditedReal: 0 },
    recommended: { ...emptyScore(), auditedReal: 0 },
    strict: { ...emptyScore(), auditedReal: 0 },
  };
  const ordered = [...perRule.values()].sort(
    (a, b) => registryIndex(a.id) - registryIndex(b.id) || a.id.localeCompare(b.id),
  );
  for (const result of ordered) {
    result.precision = precision(result);
    result.auditedPrecision = precision({ findings: result.findings, hits: result.hits + result.audited.real });
    for (const group of alike.get(result.id)?.values() ?? []) {
      if (group.hits > 0) result.markedElsewhere += group.findings - group.hits;
    }
    result.precisionMarkedAlike = precision({
      findings: result.findings,
      hits: result.hits + result.markedElsewhere,
    });
    for (const perCorpus of Object.values(result.corpora)) perCorpus.precision = precision(perCorpus);
    result.sourcePer10k = per10k(result.sourceFindings, cleanEnglish.sourceWords);
    result.referencePer10k = per10k(result.referenceFindings, cleanEnglish.referenceWords);
    result.cleanPer10k = per10k(result.clean.findings, cleanWords);
    result.cleanFalsePer10k = per10k(result.clean.findings - result.clean.real, cleanWords);
    cleanFindings.all += result.clean.findings;
    if (result.recommended) cleanFindings.recommended += result.clean.findings;
    if (result.strict) cleanFindings.strict += result.clean.findings;
    const buckets = [total.all];
    if (result.recommended) buckets.push(total.recommended);
    if (result.strict) buckets.push(total.strict);
    for (const bucket of buckets) {
      bucket.findings += result.findings;
      bucket.hits += result.hits;
      bucket.punctuationHits += result.punctuationHits;
      bucket.cleanReferenceFindings += result.cleanReferenceFindings;
      bucket.auditedReal += result.audited.real;
    }
  }
  const punctuationRecall = {} as Record<PunctuationClass | 'total', RecallRow>;
  const allClasses = emptyCounts();
  for (const kind of PUNCTUATION_CLASSES) {
    const counts = classCounts[kind];
    punctuationRecall[kind] = recallRow(counts);
    allClasses.spans += counts.spans;
    allClasses.found += counts.found;
    allClasses.foundRecommended += counts.foundRecommended;
    allClasses.foundStrict += counts.foundStrict;
  }
  punctuationRecall.total = recallRow(allClasses);

  const result: EvalResult = {
    settings: {
      files: options.files.map((file) => basename(file)),
      rules: ruleIds,
      preset: options.preset ?? 'all',
      seed,
      perKind,
    },
    definitions: DEFINITIONS,
    corpora,
    rules: ordered,
    totals: {
      all: totalScore(total.all),
      recommended: totalScore(total.recommended),
      strict: totalScore(total.strict),
    },
    audit: { lines: audit.lines.length, stale: audit.stale().map((line) => `${line.file}:${line.line}`) },
    cleanEnglish: {
      segments: Object.values(cleanSources).reduce((sum, source) => sum + source.segments, 0),
      words: cleanWords,
      findings: cleanFindings,
      per10k: {
        all: per10k(cleanFindings.all, cleanWords),
        recommended: per10k(cleanFindings.recommended, cleanWords),
        strict: per10k(cleanFindings.strict, cleanWords),
      },
      bySource: cleanSources,
      ...cleanEnglish,
      sourcePer10k: {
        all: per10k(cleanEnglish.sourceFindings.all, cleanEnglish.sourceWords),
        recommended: per10k(cleanEnglish.sourceFindings.recommended, cleanEnglish.sourceWords),
        strict: per10k(cleanEnglish.sourceFindings.strict, cleanEnglish.sourceWords),
      },
      referencePer10k: {
        all: per10k(cleanEnglish.referenceFindings.all, cleanEnglish.referenceWords),
        recommended: per10k(cleanEnglish.referenceFindings.recommended, cleanEnglish.referenceWords),
        strict: per10k(cleanEnglish.referenceFindings.strict, cleanEnglish.referenceWords),
      },
    },
    cleanReferenceSegments,
    punctuationRecall,
    digitRecall: recallRow(digitSpans),
    injected,
  };
  return { result, details, timings, unread };
}

function totalScore(score: RuleScore & { auditedReal: number }): TotalScore {
  return {
    ...score,
    precision: precision(score),
    auditedPrecision: precision({ findings: score.findings, hits: score.hits + score.auditedReal }),
  };
}

/** How many times `text` occurs in `before` (not overlapping); an empty text counts nothing. */
function occurrences(before: string, text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let at = before.indexOf(text); at >= 0; at = before.indexOf(text, at + text.length)) count++;
  return count;
}

/** An injected artefact is found when a finding overlaps its range or is adjacent to it (a point: touches it). */
function overlapsTarget(range: { start: number; end: number }, target: { start: number; end: number }): boolean {
  return touches(range, target, 0);
}

/** The span's text (code points) holds a digit. */
function hasDigit(text: string, span: { start: number | null; end: number | null }): boolean {
  const start = span.start ?? 0;
  const end = span.end ?? start;
  if (end <= start) return false;
  const slice = /[\uD800-\uDFFF]/.test(text) ? Array.from(text).slice(start, end).join('') : text.slice(start, end);
  return /\p{Nd}/u.test(slice);
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

function registryIndex(id: string): number {
  const index = registry.findIndex((rule) => rule.meta.id === id);
  return index < 0 ? registry.length : index;
}

export { localize };
