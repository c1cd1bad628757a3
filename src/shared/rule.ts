/**
 * The contract between mtlint's engine and its rules.
 *
 * A rule is a `unified-lint-rule` plugin over an nlcst tree whose node positions
 * point into the original file (Markdown and HTML markup is already stripped by
 * the format layer). Rules report ranges as UTF-16 offsets into that original
 * text, and optionally a fix: a text edit over an original range. Fixes are data
 * on the message; applying them is the engine's job.
 *
 * The engine parses a long document in chunks of whole paragraphs (at most
 * `DEFAULT_CHUNK_SIZE` of prose each, so memory stays bounded) and runs each
 * rule on each chunk: a rule defined with `defineRule` sees one chunk at a
 * time, never the whole document. A rule whose findings depend on the whole
 * document (a name written two ways anywhere, a quotation continued in the
 * next paragraph) is defined with `defineDocumentRule`: it collects what it
 * needs from each chunk into its document state and reports in `end`, which
 * runs once after the last chunk (ESLint's `Program:exit`), so its results
 * never depend on where the document was cut.
 */
import type { Paragraph, Root } from 'nlcst';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import { type FlatText, flatten } from '../nlcst/flat.js';

export type SeverityName = 'off' | 'warn' | 'error';

/** Where the rule's documentation lives: one anchor per rule in the README. */
export const DOCS_BASE = 'https://github.com/mtlint/mtlint/blob/main/README.md#';

export type RuleCategory = 'punctuation' | 'quotes' | 'numbers' | 'script' | 'repetition' | 'style';

export interface RuleMeta<Options extends object = object> {
  /** Stable id, kebab-case; never renamed once released. */
  readonly id: string;
  /** One line: what the rule finds. */
  readonly description: string;
  readonly category: RuleCategory;
  /**
   * In `mtlint:recommended`: measured precision of at least 90 % on the dev
   * MT output and at most 1 finding per 10,000 words of clean English
   * (`tests/preset-policy.test.ts` holds every recommended rule to that).
   */
  readonly recommended: boolean;
  /**
   * In `mtlint:strict` as well (recommended rules always are): never fires on
   * clean English, and its findings that no rater marked were read one by one
   * and are real artefacts, but its measured precision is under the
   * recommended bar because the raters let them pass.
   */
  readonly strict?: boolean;
  /**
   * `paragraph`: the rule's findings in a paragraph depend only on that
   * paragraph (its tree, its block kind and source), on the original text at
   * most `PARAGRAPH_CONTEXT` characters around it, on the document's languages
   * and on the rule's options; never on other paragraphs of the chunk. The
   * incremental engine (`src/engine/incremental.ts`) keeps such findings per
   * paragraph and re-runs the rule only on paragraphs that changed. Leave it
   * out when unsure: a rule without it simply runs on the whole document.
   */
  readonly scope?: 'paragraph';
  /** Severity when the rule is turned on without an explicit one. */
  readonly defaultSeverity: Exclude<SeverityName, 'off'>;
  /** The rule offers fixes (`--fix`). */
  readonly fixable: boolean;
  /** Frozen default options; config options are checked against their keys and types. */
  readonly defaultOptions: Readonly<Options>;
  /** Allowed values for string options that are enumerations. */
  readonly optionValues?: Readonly<Partial<Record<keyof Options, readonly string[]>>>;
  /**
   * False when the rule reads only its paragraphs' text (`flatten`), never
   * their sentences or words: it never makes the engine parse a paragraph.
   * Default true. `tests/lazy-parse.test.ts` checks that such a rule reads no
   * paragraph's children.
   */
  readonly needsTree?: boolean;
  /**
   * A cheap, linear test on a paragraph's text, false where the rule can
   * find nothing: when mtlint runs it, the rule sees only the paragraphs
   * that pass (others are not parsed for it). Only for rules that look at
   * each paragraph on its own; its regular expressions must be ReDoS-safe.
   * It must never miss: `tests/lazy-parse.test.ts` compares findings with and
   * without it on real and generated text.
   */
  readonly trigger?: (paragraphText: string) => boolean;
}

/** Characters of original text around a paragraph that a `scope: 'paragraph'` rule may look at. */
export const PARAGRAPH_CONTEXT = 64;

/** A text edit over `[start, end)` of the original text, in UTF-16 code units. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

export interface RelatedPlace {
  message: string;
  start: number;
  end: number;
  /**
   * The file the place is in when it is not the linted file (bilingual mode:
   * the source document of a paired translation); offsets are into that file.
   */
  file?: string;
}

export interface Report {
  /** Start offset (UTF-16) in the original text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  message: string;
  /** What was found, as in retext plugins. */
  actual?: string;
  /** What is expected instead (empty string means: remove). */
  expected?: string[];
  /** A safe automatic fix. Dropped if its range crosses markup. */
  fix?: TextEdit;
  /** Fixes for a person to choose from; never applied by `--fix`. */
  suggestions?: Suggestion[];
  /** Other places that explain this finding (e.g. the other spelling of a name). */
  related?: RelatedPlace[];
}

/** Extra fields mtlint puts on vfile messages. */
export interface MtlintMessageFields {
  fix?: TextEdit;
  suggestions?: Suggestion[];
  related?: RelatedPlace[];
  startOffset: number;
  endOffset: number;
}

export type MtlintMessage = VFileMessage & MtlintMessageFields;

/** What the format layer knows about the document, kept on `file.data.mtlint`. */
export interface DocumentInfo {
  /** The original text (without BOM). */
  text: string;
  /** Document language (BCP 47 primary subtag), `en` by default. */
  language: string;
  /** Bilingual mode: the source language (BCP 47) the document declares or the caller gave. */
  sourceLanguage?: string;
  /** True when `[start, end)` is plain prose in the original: safe to edit. */
  isEditable(start: number, end: number): boolean;
  /** Offset → 1-based line/column (UTF-16 column). */
  toPoint(offset: number): { line: number; column: number; offset: number };
  /**
   * Set by the engine when it runs rules chunk by chunk: the document phases
   * of document rules, which it calls after the last chunk. Absent when a tree
   * is the whole document (a rule used as a plain unified plugin).
   */
  documentEnd?: Array<() => void>;
  /** Set by the engine: rules with a `trigger` see only the paragraphs it lets through. */
  prefilter?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    mtlint: DocumentInfo;
  }
}

/**
 * An edit of `flat.text[from, to)`: the report's own stretch when `from` and
 * `to` are left out. An empty stretch inserts between the characters on
 * either side of it.
 */
export interface FlatEdit {
  from?: number;
  to?: number;
  text: string;
}

/** Another place that explains a finding, as a stretch of a flat text (the report's when `flat` is left out). */
export interface FlatRelatedPlace {
  message: string;
  flat?: FlatText;
  from: number;
  to: number;
}

/**
 * A finding over `flat.text[from, to)` of a paragraph or sentence flattened
 * with `flatten` (src/nlcst/flat.ts). The context maps it to original offsets;
 * a fix (the replacement text of the stretch, or a `FlatEdit`) is kept only
 * when its stretch maps one to one onto the original, so no markup, entity
 * or escape is ever rewritten. A rule's own reasons not to fix go before:
 * `fix: safe ? expected : undefined`.
 */
export interface FlatReport {
  flat: FlatText;
  from: number;
  to: number;
  message: string;
  actual?: string;
  expected?: string[];
  fix?: string | FlatEdit;
  suggestions?: Array<{ desc: string; fix: string | FlatEdit }>;
  related?: Array<RelatedPlace | FlatRelatedPlace>;
}

/**
 * The usual finding over flat text: `flat.text[from, to)` should read
 * `replacement`, and `--fix` writes it where the stretch maps one to one
 * onto the file (`fixable` false: say what is expected, fix nothing).
 */
export function replacing(
  flat: FlatText,
  from: number,
  to: number,
  message: string,
  replacement: string,
  fixable = true,
): FlatReport {
  const report: FlatReport = { flat, from, to, message, actual: flat.text.slice(from, to), expected: [replacement] };
  if (fixable) report.fix = replacement;
  return report;
}

export interface RuleContext {
  readonly text: string;
  readonly language: string;
  readonly file: VFile;
  /** Reports a finding: over original offsets (`Report`) or over a stretch of a flat text (`FlatReport`). */
  report(report: Report | FlatReport): void;
}

export type RuleCheck<Options extends object> = (tree: Root, context: RuleContext, options: Readonly<Options>) => void;

export type RuleSetting<Options extends object = object> =
  | SeverityName
  | [SeverityName]
  | [SeverityName, Partial<Options>];

export interface RuleModule<Options extends object = object> {
  readonly meta: RuleMeta<Options> & { readonly url: string };
  /** The unified plugin: `.use(rule.plugin, ['warn', options])`. */
  readonly plugin: (config?: unknown) => ((tree: Root, file: VFile, next: (error?: Error) => void) => void) | undefined;
  /** The check itself, for direct use in tests. */
  readonly check: RuleCheck<Options>;
  /** Set for a rule built with `defineSummaryRule`: its phases, for an engine that keeps summaries per paragraph. */
  readonly summaries?: SummaryRunner;
}

/** Information for a file that did not come through mtlint's format layer. */
export function documentInfoFor(file: VFile): DocumentInfo {
  if (file.data.mtlint) return file.data.mtlint;
  const text = String(file.value ?? '');
  const place = location(text);
  const info: DocumentInfo = {
    text,
    language: 'en',
    isEditable: () => true,
    toPoint(offset) {
      const point = place.toPoint(offset);
      if (point) return { line: point.line, column: point.column, offset };
      return { line: 1, column: 1, offset: 0 };
    },
  };
  file.data.mtlint = info;
  return info;
}

/** A rule that sees one chunk of the document at a time (see the top of this module). */
export function defineRule<Options extends object>(
  meta: RuleMeta<Options>,
  check: RuleCheck<Options>,
): RuleModule<Options> {
  return makeRule(meta, check, (tree, context, options) => check(tree, context, options));
}

/** How a document rule works: state per document, a look at each chunk, and a verdict at the end. */
export interface DocumentPhases<Options extends object, State> {
  /** Fresh state for each document. */
  state: () => State;
  /** Each chunk (a tree of whole paragraphs), in document order: collect into `state`, report what is local. */
  chunk: (tree: Root, context: RuleContext, options: Readonly<Options>, state: State) => void;
  /** Once, after the last chunk: report what needs the whole document. */
  end: (context: RuleContext, options: Readonly<Options>, state: State) => void;
}

/** A rule whose findings depend on the whole document, not on the chunk it is in (see the top of this module). */
export function defineDocumentRule<Options extends object, State>(
  meta: RuleMeta<Options>,
  phases: DocumentPhases<Options, State>,
): RuleModule<Options> {
  const states = new WeakMap<VFile, State>();
  const check: RuleCheck<Options> = (tree, context, options) => {
    const state = phases.state();
    phases.chunk(tree, context, options, state);
    phases.end(context, options, state);
  };
  return makeRule(meta, check, (tree, context, options, guard) => {
    const pending = documentInfoFor(context.file).documentEnd;
    if (!pending) return check(tree, context, options);
    let state = states.get(context.file);
    if (state === undefined) {
      const created = phases.state();
      state = created;
      states.set(context.file, created);
      pending.push(() => {
        states.delete(context.file);
        // Outside the chunk's lint-rule wrapper: name the messages as it does.
        named(context.file, meta.id, () => guard(() => phases.end(context, options, created)));
      });
    }
    phases.chunk(tree, context, options, state);
  });
}

/**
 * What a summary rule's paragraph phase may use besides the paragraph: the
 * document's text and languages, and `at`, where the paragraph starts. A
 * summary keeps offsets relative to `at` (`keep`), so that it stays right
 * when an edit before the paragraph moves it.
 */
export interface SummaryContext {
  readonly text: string;
  readonly language: string;
  readonly file: VFile;
  /** Where the paragraph starts in the original text (`paragraph.position.start.offset`). */
  readonly at: number;
  /** A finding as a summary keeps it: in original offsets, relative to `at` (`placed` puts it back). */
  keep(report: Report | FlatReport): Report;
}

/** The summaries of a document's paragraphs, in document order, and where each of those paragraphs starts. */
export interface Summaries<Summary> {
  /** One for each paragraph that gave one (a paragraph phase may give `undefined`: nothing to add). */
  readonly list: readonly Summary[];
  /** `at[i]`: where the paragraph of `list[i]` starts; its offsets are relative to it. */
  readonly at: readonly number[];
}

/**
 * How a summary rule works: a summary of each paragraph, and a verdict from
 * all of them at `end`. A paragraph's summary may depend only on what a
 * `scope: 'paragraph'` rule's findings may depend on (the paragraph, its
 * block kind and source, the original text at most `PARAGRAPH_CONTEXT`
 * characters around it, the document's languages, the options); what
 * depends on other paragraphs is decided in `end`. Then the incremental
 * engine keeps each paragraph's summary and, after an edit, summarises only
 * the paragraphs that changed before it runs `end` again; `lint` collects
 * the summaries chunk by chunk. Keep summaries small (shared objects for the
 * common cases): `lint` holds one per paragraph until `end`.
 */
export interface SummaryPhases<Options extends object, Summary> {
  paragraph: (paragraph: Paragraph, context: SummaryContext, options: Readonly<Options>) => Summary | undefined;
  end: (summaries: Summaries<Summary>, context: RuleContext, options: Readonly<Options>) => void;
}

/** A summary rule's phases as the incremental engine runs them: errors reported, messages named, options merged. */
export interface SummaryRunner {
  /** The summary of one paragraph under a setting's `options`. */
  paragraph(paragraph: Paragraph, file: VFile, options: object): unknown;
  /** The verdict: reports on `file`. */
  end(summaries: Summaries<unknown>, file: VFile, options: object): void;
}

/**
 * A document rule whose work is per paragraph, with a verdict for the whole
 * document at `end` (see `SummaryPhases`).
 */
export function defineSummaryRule<Options extends object, Summary>(
  meta: RuleMeta<Options>,
  phases: SummaryPhases<Options, Summary>,
): RuleModule<Options> {
  const summarise = (paragraph: Paragraph, context: RuleContext, options: Readonly<Options>) =>
    phases.paragraph(paragraph, summaryContext(context, paragraph.position?.start.offset ?? 0), options);
  const rule = defineDocumentRule<Options, { list: Summary[]; at: number[] }>(meta, {
    state: () => ({ list: [], at: [] }),
    chunk(tree, context, options, state) {
      for (const child of tree.children) {
        if (child.type !== 'ParagraphNode') continue;
        const summary = summarise(child, context, options);
        if (summary === undefined) continue;
        state.list.push(summary);
        state.at.push(child.position?.start.offset ?? 0);
      }
    },
    end: (context, options, state) => phases.end(state, context, options),
  });
  const merged = (options: object) => Object.freeze({ ...rule.meta.defaultOptions, ...options }) as Readonly<Options>;
  // Outside the lint-rule wrapper, as `end` of a document rule runs: its errors reported, its messages named.
  const inRule = (file: VFile, work: (context: RuleContext) => void) => {
    const info = documentInfoFor(file);
    named(file, meta.id, () => guardOf(file, info, meta.id)(() => work(ruleContext(file, info))));
  };
  const summaries: SummaryRunner = {
    paragraph(paragraph, file, options) {
      let summary: Summary | undefined;
      inRule(file, (context) => {
        summary = summarise(paragraph, context, merged(options));
      });
      return summary;
    },
    end(list, file, options) {
      inRule(file, (context) => phases.end(list as Summaries<Summary>, context, merged(options)));
    },
  };
  return Object.freeze({ ...rule, summaries });
}

function summaryContext(context: RuleContext, at: number): SummaryContext {
  return {
    text: context.text,
    language: context.language,
    file: context.file,
    at,
    keep: (report) => shifted('flat' in report ? fromFlat(report) : report, -at),
  };
}

/** A finding a summary kept (`SummaryContext.keep`), placed at its paragraph's start `at`. */
export function placed(report: Report, at: number): Report {
  return shifted(report, at);
}

/** `report` with its offsets, its fixes' and its related places in this file moved by `by`. */
function shifted(report: Report, by: number): Report {
  return { ...report, start: report.start + by, end: report.end + by, ...movedPlaces(report, by) };
}

/**
 * A finding's fix, suggestions and related places (those in this file) moved
 * by `by`: only the ones it has.
 */
export function movedPlaces(report: Pick<Report, 'fix' | 'suggestions' | 'related'>, by: number) {
  const moved: Pick<Report, 'fix' | 'suggestions' | 'related'> = {};
  if (report.fix) moved.fix = shiftedEdit(report.fix, by);
  if (report.suggestions)
    moved.suggestions = report.suggestions.map((suggestion) => ({
      ...suggestion,
      fix: shiftedEdit(suggestion.fix, by),
    }));
  if (report.related)
    moved.related = report.related.map((place) =>
      place.file === undefined ? { ...place, start: place.start + by, end: place.end + by } : place,
    );
  return moved;
}

function shiftedEdit(edit: TextEdit, by: number): TextEdit {
  return { range: [edit.range[0] + by, edit.range[1] + by], text: edit.text };
}

type Guard = (run: () => void) => void;

function makeRule<Options extends object>(
  meta: RuleMeta<Options>,
  check: RuleCheck<Options>,
  run: (tree: Root, context: RuleContext, options: Readonly<Options>, guard: Guard) => void,
): RuleModule<Options> {
  const url = DOCS_BASE + meta.id;
  const frozenMeta = Object.freeze({ ...meta, defaultOptions: Object.freeze({ ...meta.defaultOptions }), url });
  const attacher = lintRule<Root, Partial<Options>>({ origin: `mtlint:${meta.id}`, url }, (tree, file, options) => {
    const info = documentInfoFor(file);
    const merged = Object.freeze({ ...frozenMeta.defaultOptions, ...(options ?? {}) }) as Readonly<Options>;
    const context = ruleContext(file, info);
    const guard = guardOf(file, info, meta.id);
    const seen = info.prefilter && meta.trigger ? triggered(tree, meta.trigger) : tree;
    guard(() => run(seen, context, merged, guard));
  });
  return Object.freeze({
    meta: frozenMeta,
    plugin: attacher as unknown as RuleModule<Options>['plugin'],
    check,
  });
}

function ruleContext(file: VFile, info: DocumentInfo): RuleContext {
  return {
    text: info.text,
    language: info.language,
    file,
    report(report) {
      reportOn(file, info, 'flat' in report ? fromFlat(report) : report);
    },
  };
}

/** Runs a rule's work so that a bug in it reports an internal error instead of taking the file down. */
function guardOf(file: VFile, info: DocumentInfo, id: string): Guard {
  return (work) => {
    try {
      work();
    } catch (error) {
      // A bug in one rule must not take the whole file (or an editor session) down.
      const reason = error instanceof Error ? error.message : String(error);
      const message = file.message(`Internal error in rule \`${id}\`: ${reason}`, {
        place: info.toPoint(0),
      }) as MtlintMessage;
      message.startOffset = 0;
      message.endOffset = 0;
    }
  };
}

/** Names the messages `work` adds to `file` as the rule's, as the lint-rule wrapper names a chunk's. */
function named(file: VFile, id: string, work: () => void): void {
  const first = file.messages.length;
  work();
  for (const message of file.messages.slice(first))
    Object.assign(message, { ruleId: id, source: 'mtlint', url: DOCS_BASE + id });
}

/** The tree with only the paragraphs that pass `trigger` (the tree itself when all do). */
function triggered(tree: Root, trigger: (paragraphText: string) => boolean): Root {
  const children = tree.children.filter((child) => child.type !== 'ParagraphNode' || trigger(flatten(child).text));
  return children.length === tree.children.length ? tree : { ...tree, children };
}

function reportOn(file: VFile, info: DocumentInfo, report: Report): void {
  const length = info.text.length;
  const start = clamp(report.start, 0, length);
  const end = clamp(Math.max(report.end, start), start, length);
  const message = file.message(report.message, {
    place: { start: info.toPoint(start), end: info.toPoint(end) },
  }) as MtlintMessage;
  message.startOffset = start;
  message.endOffset = end;
  if (report.actual !== undefined) message.actual = report.actual;
  if (report.expected !== undefined) message.expected = report.expected;
  if (report.fix && isSafeEdit(info, report.fix)) message.fix = report.fix;
  const suggestions = report.suggestions?.filter((suggestion) => isSafeEdit(info, suggestion.fix));
  if (suggestions && suggestions.length > 0) message.suggestions = suggestions;
  if (report.related && report.related.length > 0) message.related = report.related;
}

/**
 * The `Report` of a `FlatReport`: the one place where flat offsets become
 * original offsets. `context.report` calls it; a document rule that keeps a
 * finding until `end` calls it at once, so its state holds offsets, not the
 * paragraph's flat text.
 */
export function fromFlat(report: FlatReport): Report {
  const { flat, from, to } = report;
  const mapped: Report = { start: flat.startAt(from), end: flat.endAt(to), message: report.message };
  if (report.actual !== undefined) mapped.actual = report.actual;
  if (report.expected !== undefined) mapped.expected = report.expected;
  if (report.fix !== undefined) mapped.fix = flatEdit(flat, from, to, report.fix);
  if (report.suggestions) {
    const suggestions: Suggestion[] = [];
    for (const { desc, fix } of report.suggestions) {
      const edit = flatEdit(flat, from, to, fix);
      if (edit) suggestions.push({ desc, fix: edit });
    }
    mapped.suggestions = suggestions;
  }
  if (report.related)
    mapped.related = report.related.map((place) =>
      'start' in place
        ? place
        : {
            message: place.message,
            start: (place.flat ?? flat).startAt(place.from),
            end: (place.flat ?? flat).endAt(place.to),
          },
    );
  return mapped;
}

function flatEdit(flat: FlatText, from: number, to: number, fix: string | FlatEdit): TextEdit | undefined {
  const edit =
    typeof fix === 'string' ? { from, to, text: fix } : { from: fix.from ?? from, to: fix.to ?? to, text: fix.text };
  if (edit.from === edit.to) {
    // An insertion is safe between two characters that are neighbours in the original.
    const around = [Math.max(0, edit.from - 1), Math.min(flat.text.length, edit.from + 1)] as const;
    if (!flat.isDirect(...around)) return undefined;
    const at = flat.endAt(edit.from);
    return { range: [at, at], text: edit.text };
  }
  if (!flat.isDirect(edit.from, edit.to)) return undefined;
  return { range: [flat.startAt(edit.from), flat.endAt(edit.to)], text: edit.text };
}

function isSafeEdit(info: DocumentInfo, edit: TextEdit): boolean {
  const [start, end] = edit.range;
  if (!(start >= 0 && end >= start && end <= info.text.length)) return false;
  if (isLowSurrogate(info.text, start) || isLowSurrogate(info.text, end)) return false;
  return info.isEditable(start, end);
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : min, min), max);
}
