/**
 * Lints one text: format → prose blocks → nlcst trees → rules → findings.
 * Pure: no file system access; `files.ts` does the I/O.
 */
import type { Root } from 'nlcst';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import {
  buildTrees,
  type ControlComment,
  type ExtractedDocument,
  editableIndex,
  escapeForFormat,
  extract,
  extractCatalog,
  type FormatName,
  formatFor,
  InputError,
  LineIndex,
  textBlocks,
  textControls,
} from '../formats/index.js';
import type { ProseBlock, SourceFile } from '../formats/types.js';
import { rules as allRules, getRule } from '../rules/index.js';
import type { DocumentInfo, MtlintMessage, RelatedPlace, Suggestion, TextEdit } from '../shared/rule.js';
import { didYouMean } from '../shared/suggest.js';
import { primaryLanguage } from '../text/bilingual.js';
import { type Config, type ResolvedConfig, resolveConfigObject } from './config.js';
import { mergeDuplicates } from './duplicates.js';

export interface RelatedFinding {
  message: string;
  /** Set when the place is in another file than the finding (the source of a paired translation). */
  filePath?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** One problem found in a text. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Finding {
  ruleId: string;
  /** 1: warning, 2: error (ESLint's numbers). */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the text (without BOM). */
  offset: number;
  endOffset: number;
  url?: string;
  actual?: string;
  expected?: string[];
  fix?: TextEdit;
  suggestions?: Suggestion[];
  related?: RelatedFinding[];
  /** Other rules that reported the same artefact at this place (see `duplicates.ts`). */
  alsoReportedBy?: string[];
}

export interface LintOptions {
  filePath?: string;
  format?: FormatName;
  config?: Config | ResolvedConfig;
  /** Upper bound of prose per parse tree (memory on huge files). */
  chunkSize?: number;
  /**
   * Bilingual mode: the whole source text that `input` translates. Its prose
   * blocks are paired with the target's in order; when the counts differ, no
   * block gets a source and the result carries one warning (no guessing).
   */
  source?: string;
  /** Where `source` is, for related locations (default `<source>`); its extension picks the source's format. */
  sourcePath?: string;
  /** BCP 47 tag of the source language (when neither the blocks nor the file say). */
  sourceLanguage?: string;
  /** BCP 47 tag of the target language; overrides the file's declaration and the config's `language`. */
  targetLanguage?: string;
  /**
   * Texts of the source files that blocks name (`block.source.file`), so that
   * related places in them get lines and columns.
   */
  sourceTexts?: ReadonlyMap<string, string>;
  /**
   * Merge findings that report one artefact twice (`duplicates.ts`); default
   * true. The evaluation turns it off to score each rule on all it finds.
   */
  mergeDuplicates?: boolean;
  /** Called after each chunk of the text: characters linted so far, and in all (a progress display). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Parse a paragraph only where a rule needs its words, and show a rule with
   * a `trigger` only the paragraphs it lets through (default true). False
   * parses everything for every rule: the reference the equivalence test
   * compares against.
   */
  prefilter?: boolean;
}

export type { SourceFile };

/** The `lint` options that pair a text with a source file. */
export function sourceOptions(source: SourceFile | undefined): Pick<LintOptions, 'source' | 'sourcePath'> {
  return source ? { source: source.text, sourcePath: source.filePath } : {};
}

/** A problem with the file as a whole (a reader worked around it), not a rule's finding. */
export interface FileWarning {
  message: string;
  line: number;
  column: number;
  offset: number;
  /** The end of the place, when the reader gives one (a unit it could not read). */
  endLine?: number;
  endColumn?: number;
  endOffset?: number;
}

/** Rule id under which a file run reports a file-level warning (a unit a reader could not read, blocks that do not pair). */
export const FORMAT_WARNING = 'format-warning';

/**
 * A result's findings with its file-level warnings among them, as the CLI and
 * the language server report them (warnings at severity 1, rule `format-warning`).
 */
export function reportedFindings(result: LintResult): Finding[] {
  if (!result.warnings) return result.findings;
  const warnings: Finding[] = result.warnings.map((warning) => ({
    ruleId: FORMAT_WARNING,
    severity: 1,
    message: warning.message,
    line: warning.line,
    column: warning.column,
    endLine: warning.endLine ?? warning.line,
    endColumn: warning.endColumn ?? warning.column,
    offset: warning.offset,
    endOffset: warning.endOffset ?? warning.offset,
  }));
  return [...result.findings, ...warnings].sort(byPlace);
}

function byPlace(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId);
}

export interface LintResult {
  filePath: string;
  findings: Finding[];
  /** Set when the text starts with a byte order mark (offsets exclude it). */
  bom: boolean;
  /** File-level warnings (bilingual mode: source and target blocks that do not pair up, malformed units). */
  warnings?: FileWarning[];
}

const processors = new Map<string, Processor<undefined, Root, Root>>();

/** The frozen processor of a config's rules (cached by the rules and their settings). */
export function processorFor(config: Pick<ResolvedConfig, 'rules'>): Processor<undefined, Root, Root> {
  const key = JSON.stringify([...config.rules].sort(([a], [b]) => a.localeCompare(b)));
  let processor = processors.get(key);
  if (!processor) {
    const built = unified() as unknown as Processor<undefined, Root, Root>;
    for (const [id, setting] of config.rules) {
      const rule = getRule(id);
      if (!rule) continue;
      built.use(rule.plugin as never, [setting.severity, setting.options] as never);
    }
    processor = built.freeze() as unknown as Processor<undefined, Root, Root>;
    if (processors.size > 50) processors.clear();
    processors.set(key, processor);
  }
  return processor;
}

/** What every lint of a text settles first: its BOM, name, config, format and line index. */
export function lintInput(input: string, options: LintOptions) {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? input.slice(1) : input;
  const filePath = options.filePath ?? '<text>';
  const config = resolveConfigObject(options.config, options.filePath);
  const format = options.format ?? formatFor(options.filePath);
  return { bom, text, filePath, config, format, lines: new LineIndex(text) };
}

export function lint(input: string, options: LintOptions = {}): LintResult {
  const { bom, text, filePath, config, format, lines } = lintInput(input, options);
  const sourcePath = options.sourcePath ?? '<source>';
  const source = options.source === undefined ? undefined : withoutBom(options.source);
  const sourceFile = source === undefined ? undefined : { text: source, filePath: sourcePath };
  // Plain text is split into paragraphs as it is parsed: a huge file never holds all its blocks at once.
  const document =
    format === 'txt' && source === undefined
      ? undefined
      : extractDocument(text, format, filePath, sourceFile, lines, options.sourceLanguage);
  const warnings = fileWarnings(document, lines);
  const sourceTexts = new Map(options.sourceTexts ?? []);
  if (source !== undefined) sourceTexts.set(sourcePath, source);
  const file = new VFile({ path: filePath, value: text });
  file.data.mtlint = documentInfo(text, lines, config, options, document);
  file.data.mtlint.prefilter = options.prefilter !== false;
  const processor = processorFor(config);
  // Control comment lines are never prose, even when `noInlineConfig` ignores what they say.
  const controls = document ? document.controls : textControls(text);
  if (config.rules.size > 0) {
    const documentEnd: Array<() => void> = [];
    file.data.mtlint.documentEnd = documentEnd;
    const blocks = document ? document.blocks : textBlocks(text, controls);
    const lazy = options.prefilter !== false;
    for (const tree of buildTrees(blocks, lines, options.chunkSize, lazy)) {
      processor.runSync(tree, file);
      options.onProgress?.(tree.position?.end.offset ?? 0, text.length);
    }
    // Document rules report what needs the whole document after its last chunk.
    for (const end of documentEnd) end();
  }
  const mergeDuplicateFindings = options.mergeDuplicates !== false;
  const run = { filePath, format, config, lines, sourceTexts, controls, warnings, bom, mergeDuplicateFindings };
  return resultOf(file.messages as MtlintMessage[], run);
}

/** What the rules see of a document besides its trees (`file.data.mtlint`). */
export function documentInfo(
  text: string,
  lines: LineIndex,
  config: ResolvedConfig,
  options: Pick<LintOptions, 'targetLanguage' | 'sourceLanguage'>,
  document: ExtractedDocument | undefined,
): DocumentInfo {
  // Without a document (plain text read as it is parsed) every range is editable.
  const editable = document ? editableIndex(document) : undefined;
  return {
    text,
    language: primaryLanguage(options.targetLanguage) ?? primaryLanguage(document?.targetLanguage) ?? config.language,
    sourceLanguage: options.sourceLanguage ?? document?.sourceLanguage,
    isEditable: editable ? (start, end) => editable.isEditable(start, end) : () => true,
    toPoint: (offset) => lines.toPoint(offset),
  };
}

/** A reader's file-level warnings, placed. */
export function fileWarnings(document: ExtractedDocument | undefined, lines: LineIndex): FileWarning[] {
  return (document?.warnings ?? []).map((warning) => {
    const start = warning.start ?? 0;
    const fileWarning: FileWarning = { message: warning.message, ...lines.toPoint(start), offset: start };
    if (warning.end !== undefined && warning.end > start) {
      const end = lines.toPoint(warning.end);
      Object.assign(fileWarning, { endLine: end.line, endColumn: end.column, endOffset: warning.end });
    }
    return fileWarning;
  });
}

/** One lint run's document, as `resultOf` needs it. */
export interface LintedDocument {
  filePath: string;
  format: FormatName;
  config: ResolvedConfig;
  lines: LineIndex;
  sourceTexts: ReadonlyMap<string, string>;
  controls: ControlComment[];
  warnings: FileWarning[];
  bom: boolean;
  /** One finding per artefact (`mergeDuplicates`); false keeps every rule's own (the evaluation scores rules apart). */
  mergeDuplicateFindings: boolean;
}

/** The result of a run from its rules' messages: findings placed, fixes escaped for the format, control comments applied. */
export function resultOf(messages: MtlintMessage[], run: LintedDocument): LintResult {
  const places = new RelatedLines(run.filePath, run.lines, run.sourceTexts);
  const findings = toFindings(messages, run.config, run.lines, places);
  if (run.format !== 'txt' && run.format !== 'md' && run.format !== 'html') escapeFixes(findings, run.format);
  const result: LintResult = { filePath: run.filePath, findings, bom: run.bom };
  if (run.warnings.length > 0) result.warnings = run.warnings;
  if (!run.config.noInlineConfig) {
    result.findings = applyControls(findings, run.controls, run.lines, {
      reportUnused: run.config.reportUnusedDisableDirectives,
      isRule: (id) => getRule(id) !== undefined,
    });
  }
  if (run.mergeDuplicateFindings) result.findings = mergeDuplicates(result.findings);
  return result;
}

function isCatalog(format: FormatName): format is 'json' | 'yaml' {
  return format === 'json' || format === 'yaml';
}

/** `extract`, with an `InputError`'s offset turned into `file:line:column:` in its message. */
function extractOrThrow(text: string, format: FormatName, filePath: string, lines: LineIndex): ExtractedDocument {
  try {
    return extract(text, format);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const place = lines.toPoint(error.offset);
    throw new InputError(`${filePath}:${place.line}:${place.column}: ${error.message}`, error.offset);
  }
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The prose blocks of a text, with their sources in bilingual mode. XLIFF and
 * PO units carry their own (a source file given beside one is not read); a
 * JSON or YAML catalog is paired with its source catalog by key path; other
 * documents are paired with their source's blocks in order.
 * Throws `InputError` with a `file:line:column:` message.
 */
export function extractDocument(
  text: string,
  format: FormatName,
  filePath = '<text>',
  source?: SourceFile,
  lines: LineIndex = new LineIndex(text),
  sourceLanguage?: string,
): ExtractedDocument {
  if (!source) return extractOrThrow(text, format, filePath, lines);
  const sourceText = withoutBom(source.text);
  const sourceFormat = source.format ?? (source.filePath === '<source>' ? format : formatFor(source.filePath));
  if (isCatalog(format)) {
    if (!isCatalog(sourceFormat))
      throw new InputError(`${source.filePath}: the source of a JSON or YAML catalog must be a catalog too`, 0);
    // Read the source first, so its own problems are named with its own file and line.
    extractOrThrow(sourceText, sourceFormat, source.filePath, new LineIndex(sourceText));
    try {
      return extractCatalog(text, format, { ...source, text: sourceText, format: sourceFormat });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const place = lines.toPoint(error.offset);
      throw new InputError(`${filePath}:${place.line}:${place.column}: ${error.message}`, error.offset);
    }
  }
  const document = extractOrThrow(text, format, filePath, lines);
  if (document.blocks.some((block) => block.source)) return document;
  const sourceLines = new LineIndex(sourceText);
  const sourceBlocks = extractOrThrow(sourceText, sourceFormat, source.filePath, sourceLines).blocks;
  const warning = pairBlocks(document.blocks, sourceBlocks, {
    file: source.filePath,
    language: sourceLanguage,
    lines,
    sourceLines,
  });
  if (warning) document.warnings = [...(document.warnings ?? []), { message: warning, start: 0, end: 0 }];
  return document;
}

/**
 * Fix texts written into a PO, JSON or YAML string or an XML element are
 * escaped for it (a `"` would end the string); a fix that cannot be written
 * safely is dropped.
 */
function escapeFixes(findings: Finding[], format: FormatName): void {
  for (const finding of findings) {
    if (finding.fix) {
      const text = escapeForFormat(format, finding.fix.text);
      if (text === undefined) delete finding.fix;
      else finding.fix = { ...finding.fix, text };
    }
    if (finding.suggestions) {
      const kept: NonNullable<Finding['suggestions']> = [];
      for (const suggestion of finding.suggestions) {
        const text = escapeForFormat(format, suggestion.fix.text);
        if (text !== undefined) kept.push({ ...suggestion, fix: { ...suggestion.fix, text } });
      }
      finding.suggestions = kept;
    }
  }
}

/**
 * Gives each target block the source block at the same position. Returns a
 * warning, and pairs nothing, when the two texts have different numbers of
 * prose blocks: a guess would compare sentences that do not translate each other.
 * The warning says where the structure first differs, so the person can find it.
 */
function pairBlocks(
  targets: ProseBlock[],
  sourceBlocks: ProseBlock[],
  where: { file: string; language: string | undefined; lines: LineIndex; sourceLines: LineIndex },
): string | undefined {
  const sources = sourceBlocks.filter((block) => block.mapping.text.trim() !== '');
  const paired = targets.filter((block) => block.mapping.text.trim() !== '');
  if (sources.length !== paired.length) {
    return `The source has ${sources.length} blocks and the translation ${paired.length}: blocks are not paired, so source-aware rules check nothing in this file. ${firstDifference(paired, sources, where)}`;
  }
  paired.forEach((block, index) => {
    const runs = sources[index].mapping.runs;
    const first = runs[0];
    const last = runs[runs.length - 1];
    block.source = {
      text: sources[index].mapping.text,
      file: where.file,
      start: first?.originalStart,
      end: last ? last.originalStart + last.originalLength : undefined,
    };
    if (where.language) block.source.language = where.language;
  });
  return undefined;
}

const BLOCK_NAMES: Record<ProseBlock['kind'], string> = {
  paragraph: 'a paragraph',
  heading: 'a heading',
  listItem: 'a list item',
  tableCell: 'a table cell',
  blockquote: 'a block quote',
  caption: 'a caption',
  other: 'a block',
};

/**
 * Where two block sequences first differ: the first position whose blocks are
 * of different kinds (a list item against a paragraph), else the first block
 * one side has and the other lacks. Lines are those of each file.
 */
function firstDifference(
  targets: ProseBlock[],
  sources: ProseBlock[],
  where: { file: string; lines: LineIndex; sourceLines: LineIndex },
): string {
  const lineOf = (block: ProseBlock, lines: LineIndex) => lines.toPoint(block.mapping.runs[0]?.originalStart ?? 0).line;
  const inSource = (block: ProseBlock) =>
    `${BLOCK_NAMES[block.kind]} at ${where.file}:${lineOf(block, where.sourceLines)}`;
  const inTarget = (block: ProseBlock) => `${BLOCK_NAMES[block.kind]} at line ${lineOf(block, where.lines)}`;
  const shared = Math.min(targets.length, sources.length);
  let index = 0;
  while (index < shared && targets[index].kind === sources[index].kind) index++;
  const number = index + 1;
  if (index < shared)
    return `They first differ at block ${number}: ${inSource(sources[index])} in the source, ${inTarget(targets[index])} in the translation`;
  if (index < sources.length) {
    const last = targets[index - 1];
    const end = last ? ` (its last block is ${inTarget(last)})` : '';
    return `They first differ at block ${number}: ${inSource(sources[index])} in the source, none in the translation${end}`;
  }
  const last = sources[index - 1];
  const end = last ? ` (its last block is ${inSource(last)})` : '';
  return `They first differ at block ${number}: none in the source${end}, ${inTarget(targets[index])} in the translation`;
}

/** Lines and columns of related places, in the linted file or in a source file whose text is known. */
class RelatedLines {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(
    private readonly filePath: string,
    private readonly lines: LineIndex,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  indexFor(file: string | undefined): LineIndex | undefined {
    if (file === undefined || file === this.filePath) return this.lines;
    let index = this.indexes.get(file);
    const text = this.texts.get(file);
    if (!index && text !== undefined) {
      index = new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index;
  }
}

function toFindings(
  messages: MtlintMessage[],
  config: ResolvedConfig,
  lines: LineIndex,
  places: RelatedLines,
): Finding[] {
  const findings: Finding[] = [];
  for (const message of messages) {
    const ruleId = message.ruleId ?? 'internal-error';
    const severity = config.rules.get(ruleId)?.severity === 'error' ? 2 : 1;
    const offset = message.startOffset ?? 0;
    const endOffset = message.endOffset ?? offset;
    const start = lines.toPoint(offset);
    const end = lines.toPoint(endOffset);
    const finding: Finding = {
      ruleId,
      severity,
      message: message.reason,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset,
      endOffset,
    };
    if (message.url) finding.url = message.url;
    if (message.actual !== undefined) finding.actual = message.actual;
    if (message.expected !== undefined) finding.expected = message.expected;
    if (message.fix) finding.fix = message.fix;
    if (message.suggestions) finding.suggestions = message.suggestions;
    if (message.related) finding.related = message.related.map((place) => relatedOf(place, places));
    findings.push(finding);
  }
  findings.sort(byPlace);
  return findings;
}

function relatedOf(place: RelatedPlace, places: RelatedLines): RelatedFinding {
  // A source file whose text the caller did not hand in: offsets only, line and column unknown (0).
  const index = places.indexFor(place.file);
  const start = index ? index.toPoint(place.start) : { line: 0, column: 0 };
  const end = index ? index.toPoint(place.end) : { line: 0, column: 0 };
  const related: RelatedFinding = {
    message: place.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: place.start,
    endOffset: place.end,
  };
  if (place.file !== undefined) related.filePath = place.file;
  return related;
}

/** The rule id of problems with control comments themselves (ESLint gives them no rule). */
export const INLINE_CONFIG_RULE_ID = 'inline-config';

export interface ControlOptions {
  /** Report comments that silence nothing, at this severity. */
  reportUnused?: 'warn' | 'error';
  /** Known rule ids: a comment naming another is an error. */
  isRule?: (id: string) => boolean;
}

/**
 * Drops findings silenced by control comments: `mtlint-disable [rules]` up to
 * `mtlint-enable [rules]`, `mtlint-disable-next-line` and `mtlint-disable-line`.
 * Adds a finding for a comment that names an unknown rule and, when asked, for
 * a disable comment that silenced nothing.
 */
export function applyControls(
  findings: Finding[],
  controls: ControlComment[],
  lines: LineIndex,
  options: ControlOptions = {},
): Finding[] {
  if (controls.length === 0) return findings;
  const sorted = [...controls].sort((a, b) => a.start - b.start);
  const used = new Set<ControlComment>();
  const kept = findings.filter((finding) => {
    let allDisabledBy: ControlComment | undefined;
    const disabledBy = new Map<string, ControlComment>();
    const enabledExceptions = new Set<string>();
    for (const control of sorted) {
      const controlLine = lines.toPoint(control.end).line;
      if (control.kind === 'disable-next-line' || control.kind === 'disable-line') {
        const line = control.kind === 'disable-line' ? lines.toPoint(control.start).line : controlLine + 1;
        if (finding.line === line && appliesTo(control, finding.ruleId)) {
          used.add(control);
          return false;
        }
        continue;
      }
      if (control.start > finding.offset) continue;
      if (control.kind === 'disable') {
        if (control.rules.length === 0) {
          allDisabledBy = control;
          enabledExceptions.clear();
        } else for (const rule of control.rules) disabledBy.set(rule, control);
      } else if (control.rules.length === 0) {
        allDisabledBy = undefined;
        disabledBy.clear();
      } else {
        for (const rule of control.rules) {
          disabledBy.delete(rule);
          if (allDisabledBy) enabledExceptions.add(rule);
        }
      }
    }
    const silencer = allDisabledBy
      ? enabledExceptions.has(finding.ruleId)
        ? undefined
        : allDisabledBy
      : disabledBy.get(finding.ruleId);
    if (!silencer) return true;
    used.add(silencer);
    return false;
  });
  const problems: Finding[] = [];
  for (const control of sorted) {
    const comment = `mtlint-${control.kind}`;
    for (const rule of control.rules) {
      if (options.isRule && !options.isRule(rule)) {
        const hint = didYouMean(
          rule,
          allRules.map((known) => known.meta.id),
        );
        problems.push(controlFinding(control, `Unknown rule \`${rule}\` in \`${comment}\`${hint}`, 2, lines));
      }
    }
    if (options.reportUnused && control.kind !== 'enable' && !used.has(control)) {
      const what = control.rules.length > 0 ? ` from ${control.rules.map((rule) => `\`${rule}\``).join(', ')}` : '';
      problems.push(
        controlFinding(
          control,
          `Unused \`${comment}\` comment: no problem${what} is reported where it applies`,
          options.reportUnused === 'error' ? 2 : 1,
          lines,
        ),
      );
    }
  }
  if (problems.length === 0) return kept;
  return [...kept, ...problems].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
}

function controlFinding(control: ControlComment, message: string, severity: 1 | 2, lines: LineIndex): Finding {
  const start = lines.toPoint(control.start);
  const end = lines.toPoint(control.end);
  return {
    ruleId: INLINE_CONFIG_RULE_ID,
    severity,
    message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: control.start,
    endOffset: control.end,
  };
}
function appliesTo(control: ControlComment, ruleId: string): boolean {
  return control.rules.length === 0 || control.rules.includes(ruleId);
}
