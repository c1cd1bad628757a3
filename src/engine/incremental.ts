/**
 * Incremental linting of one document that an editor changes a little at a
 * time (the language server, the web page). Same result as `lint` on every
 * text (`tests/incremental.test.ts` checks it after each edit of long random
 * edit sequences), for a fraction of the work after a small edit:
 *
 * - Markdown is not parsed again when the edit stays inside one plain
 *   paragraph (`reextractMarkdown`);
 * - a block's parse tree is kept and reused while the block's prose is the
 *   same, moved when an edit before it moved it;
 * - the findings of rules with `meta.scope: 'paragraph'` are kept per block
 *   (its prose, its original text with `PARAGRAPH_CONTEXT` characters around
 *   it, the languages and rule settings), relative to the block's start, and
 *   the rules run again only on blocks that changed;
 * - rules built with `defineSummaryRule` (a summary per paragraph, a verdict
 *   for the document at `end`) have their summaries kept per block under the
 *   same key, so after an edit only the changed blocks are summarised again
 *   before `end` runs over all the summaries;
 * - the other rules (document rules, rules that compare paragraphs) run on
 *   the whole document each time, on the kept trees.
 *
 * Bilingual runs (a `source` text) are linted afresh each time.
 */
import type { Paragraph, Parent } from 'nlcst';
import type { Node, Point } from 'unist';
import { VFile } from 'vfile';
import {
  DEFAULT_CHUNK_SIZE,
  type ExtractedDocument,
  type FormatName,
  type LineIndex,
  parseBlock,
  rootOf,
} from '../formats/index.js';
import { reextractMarkdown } from '../formats/markdown-edit.js';
import type { ProseBlock } from '../formats/types.js';
import { moveFlattened } from '../nlcst/flat.js';
import { getRule } from '../rules/index.js';
import {
  type MtlintMessage,
  movedPlaces,
  PARAGRAPH_CONTEXT,
  type RelatedPlace,
  type Summaries,
  type SummaryRunner,
  type TextEdit,
} from '../shared/rule.js';
import type { ResolvedConfig } from './config.js';
import {
  documentInfo,
  extractDocument,
  fileWarnings,
  type LintOptions,
  type LintResult,
  lint,
  lintInput,
  processorFor,
  resultOf,
} from './lint.js';

/** A block's parse, and where it was placed when it was parsed or last moved. */
interface ParsedBlock {
  paragraph: Paragraph | undefined;
  offset: number;
  line: number;
  column: number;
}

/** What a paragraph rule reported, with offsets relative to the block's start. */
type KeptMessage = Pick<MtlintMessage, 'ruleId' | 'reason'> &
  Partial<Pick<MtlintMessage, 'url' | 'actual' | 'expected'>> & {
    startOffset: number;
    endOffset: number;
    fix?: TextEdit;
    suggestions?: MtlintMessage['suggestions'];
    related?: RelatedPlace[];
  };

/** The rules of a config split by scope, and the key under which paragraph findings are kept. */
interface RuleSplit {
  key: string;
  paragraphRules: Pick<ResolvedConfig, 'rules'>;
  /** Rules built with `defineSummaryRule`, with their settings' options. */
  summaryRules: Array<{ runner: SummaryRunner; options: object }>;
  otherRules: Pick<ResolvedConfig, 'rules'>;
}

/** What a block gave: the paragraph rules' findings, and the summary rules' summaries (in `summaryRules` order). */
interface KeptBlock {
  messages?: KeptMessage[];
  summaries?: unknown[];
}

/** What the last run did again rather than reuse (for tests and the benchmark). */
export interface IncrementalStats {
  /** The text was read by its format reader (not reused, not `reextractMarkdown`). */
  extracted: boolean;
  /** Blocks parsed, out of `blocks`. */
  parsed: number;
  /** Blocks the paragraph rules ran on. */
  checked: number;
  /** Blocks the summary rules summarised. */
  summarised: number;
  /** Blocks of the text. */
  blocks: number;
}

export class IncrementalLinter {
  stats: IncrementalStats = { extracted: false, parsed: 0, checked: 0, summarised: 0, blocks: 0 };
  private previous?: { text: string; format: FormatName; document: ExtractedDocument };
  private parsed = new Map<string, ParsedBlock[]>();
  private kept = new Map<string, KeptBlock>();
  private settings?: string;

  /** `lint(input, options)`, reusing what the previous call on this linter found. */
  lint(input: string, options: LintOptions = {}): LintResult {
    if (options.source !== undefined) {
      this.forget();
      return lint(input, options);
    }
    const { bom, text, filePath, config, format, lines } = lintInput(input, options);
    this.stats = { extracted: false, parsed: 0, checked: 0, summarised: 0, blocks: 0 };
    const document = this.extract(text, format, filePath, lines, options.sourceLanguage);
    const file = new VFile({ path: filePath, value: text });
    // Plain text is linted without a document (every range editable), as `lint` does.
    file.data.mtlint = documentInfo(text, lines, config, options, format === 'txt' ? undefined : document);
    const split = splitRules(config);
    const settings = JSON.stringify([split.key, file.data.mtlint.language, file.data.mtlint.sourceLanguage, filePath]);
    if (settings !== this.settings) {
      // Rules keep what they derive from a tree by its nodes, some of it by language: new trees too.
      this.kept.clear();
      this.parsed.clear();
      this.settings = settings;
    }
    const messages: MtlintMessage[] = [];
    if (config.rules.size > 0) {
      const paragraphs = this.paragraphs(document.blocks, text, lines, file, split, messages);
      const documentEnd: Array<() => void> = [];
      file.data.mtlint.documentEnd = documentEnd;
      const others = processorFor(split.otherRules);
      const first = file.messages.length;
      for (const tree of chunks(paragraphs.paragraphs, options.chunkSize ?? DEFAULT_CHUNK_SIZE))
        others.runSync(tree, file);
      for (const end of documentEnd) end();
      split.summaryRules.forEach(({ runner, options }, index) => {
        runner.end(paragraphs.summaries[index], file, options);
      });
      messages.push(...(file.messages.slice(first) as MtlintMessage[]));
    }
    const sourceTexts = new Map(options.sourceTexts ?? []);
    const warnings = fileWarnings(document, lines);
    return resultOf(messages, {
      filePath,
      format,
      config,
      lines,
      sourceTexts,
      controls: document.controls,
      warnings,
      bom,
      mergeDuplicateFindings: options.mergeDuplicates !== false,
    });
  }

  /** Drops everything kept (the next run starts afresh). */
  forget(): void {
    this.previous = undefined;
    this.parsed.clear();
    this.kept.clear();
  }

  private extract(
    text: string,
    format: FormatName,
    filePath: string,
    lines: LineIndex,
    sourceLanguage: string | undefined,
  ): ExtractedDocument {
    const previous = this.previous;
    let document: ExtractedDocument | undefined;
    if (previous?.format === format) {
      if (previous.text === text) document = previous.document;
      else if (format === 'md') document = reextractMarkdown(previous.document, previous.text, text);
    }
    this.stats.extracted = document === undefined;
    document ??= extractDocument(text, format, filePath, undefined, lines, sourceLanguage);
    this.previous = { text, format, document };
    return document;
  }

  /**
   * Each block's paragraph (kept or parsed), in order, and the summary rules'
   * summaries of the blocks (kept, or made now); the paragraph rules' findings
   * of each block (kept, or found now) go to `messages`.
   */
  private paragraphs(
    blocks: readonly ProseBlock[],
    text: string,
    lines: LineIndex,
    file: VFile,
    split: RuleSplit,
    messages: MtlintMessage[],
  ): { paragraphs: Array<{ paragraph: Paragraph; size: number }>; summaries: Array<Summaries<unknown>> } {
    // Only what this text's blocks use is kept for the next run: memory stays that of one document.
    const parsed = new Map<string, ParsedBlock[]>();
    const keptNow = new Map<string, KeptBlock>();
    const result: Array<{ paragraph: Paragraph; size: number }> = [];
    const summaries = split.summaryRules.map(() => ({ list: [] as unknown[], at: [] as number[] }));
    const paragraphRules = split.paragraphRules.rules.size > 0 ? processorFor(split.paragraphRules) : undefined;
    for (const block of blocks) {
      const runs = block.mapping.runs;
      if (runs.length === 0) continue;
      const start = runs[0].originalStart;
      const last = runs[runs.length - 1];
      const end = last.originalStart + last.originalLength;
      const key = blockKey(block, text, start, end);
      const findingsKey = `${key}${text.slice(Math.max(0, start - PARAGRAPH_CONTEXT), start)}\u0000${text.slice(end, end + PARAGRAPH_CONTEXT)}`;
      this.stats.blocks++;
      let entry = this.reuse(key, start, lines);
      if (!entry) {
        entry = { paragraph: parseBlock(block, lines), ...lines.toPoint(start), offset: start };
        this.stats.parsed++;
      }
      const list = parsed.get(key);
      if (list) list.push(entry);
      else parsed.set(key, [entry]);
      const paragraph = entry.paragraph;
      if (!paragraph) continue;
      result.push({ paragraph, size: block.mapping.length });
      const kept = this.kept.get(findingsKey) ?? {};
      const now: KeptBlock = {};
      if (paragraphRules) {
        if (kept.messages) {
          now.messages = kept.messages;
          for (const message of kept.messages) messages.push(moved(message, start) as MtlintMessage);
        } else {
          this.stats.checked++;
          const first = file.messages.length;
          paragraphRules.runSync(rootOf([paragraph]), file);
          const found = file.messages.slice(first) as MtlintMessage[];
          messages.push(...found);
          // A report outside the block (an internal error at offset 0) is not kept: it would not move with it.
          if (found.every((message) => message.startOffset >= start && message.endOffset <= end))
            now.messages = found.map((message) => moved(message, -start));
        }
      }
      if (split.summaryRules.length > 0) {
        let made = kept.summaries;
        if (!made) {
          this.stats.summarised++;
          const first = file.messages.length;
          made = split.summaryRules.map(({ runner, options }) => runner.paragraph(paragraph, file, options));
          const errors = file.messages.slice(first) as MtlintMessage[];
          messages.push(...errors);
          // A summary whose making reported an internal error is made again next time, so the error is too.
          if (errors.length === 0) now.summaries = made;
        } else now.summaries = made;
        const at = paragraph.position?.start.offset ?? 0;
        made.forEach((summary, index) => {
          if (summary === undefined) return;
          summaries[index].list.push(summary);
          summaries[index].at.push(at);
        });
      }
      if (now.messages || now.summaries) keptNow.set(findingsKey, now);
    }
    this.parsed = parsed;
    this.kept = keptNow;
    return { paragraphs: result, summaries };
  }

  /** A kept parse of the block with this key, moved to `offset`, or `undefined` when there is none to move. */
  private reuse(key: string, offset: number, lines: LineIndex): ParsedBlock | undefined {
    const candidates = this.parsed.get(key);
    if (!candidates || candidates.length === 0) return undefined;
    const place = lines.toPoint(offset);
    // The one at the same place if any (it needs no move), else the first one.
    const at = Math.max(
      0,
      candidates.findIndex((entry) => entry.offset === offset),
    );
    const entry = candidates[at];
    // Only the block's first line would change columns: a block that starts at another column is parsed again.
    if (entry.column !== place.column) return undefined;
    candidates.splice(at, 1);
    if (entry.paragraph && (entry.offset !== offset || entry.line !== place.line))
      movePoints(entry.paragraph, offset - entry.offset, place.line - entry.line);
    return { paragraph: entry.paragraph, offset, line: place.line, column: place.column };
  }
}

/**
 * What a block's parse depends on, besides its place: its kind and source,
 * its prose and how that maps onto its original text. (Its paragraph findings
 * depend on the original text around it too.)
 */
function blockKey(block: ProseBlock, text: string, start: number, end: number): string {
  const runs = block.mapping.runs
    .map((run) => `${run.virtualStart},${run.originalStart - start},${run.length},${run.originalLength},${+run.atomic}`)
    .join(';');
  const original = text.slice(start, end);
  const prose = block.mapping.text;
  // Most blocks are one stretch of the original: their prose is the original text, said once.
  const source = block.source ? JSON.stringify(block.source) : '';
  return `${block.kind}\u0000${source}\u0000${runs}\u0000${original}\u0000${prose === original ? '=' : `:${prose}`}`;
}

/** A message with its offsets (and its fixes' and related places' in this file) moved by `by`. */
function moved(message: KeptMessage, by: number): KeptMessage {
  const copy: KeptMessage = {
    ruleId: message.ruleId,
    reason: message.reason,
    startOffset: message.startOffset + by,
    endOffset: message.endOffset + by,
  };
  if (message.url !== undefined) copy.url = message.url;
  if (message.actual !== undefined) copy.actual = message.actual;
  if (message.expected !== undefined) copy.expected = message.expected;
  return Object.assign(copy, movedPlaces(message, by));
}

/**
 * Moves every point of a kept paragraph by `offset` characters and `line`
 * lines (a block that starts at the same column keeps its columns), and the
 * flat texts rules made of its nodes with them. The parser shares point
 * objects between nodes: a moved point is marked by a negative offset until
 * all are moved, so none moves twice.
 */
function movePoints(root: Paragraph, offset: number, line: number): void {
  const moved: Point[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    moveFlattened(node, offset);
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.offset !== undefined && point.offset >= 0) {
          point.offset = -(point.offset + offset) - 1;
          moved.push(point);
        }
      }
    }
    const children = (node as Parent).children as Node[] | undefined;
    if (children) for (const child of children) stack.push(child);
  }
  for (const point of moved) {
    point.offset = -(point.offset as number) - 1;
    point.line += line;
  }
}

/** Paragraphs grouped into trees of at most `chunkSize` characters of prose, as `buildTrees` groups them. */
function* chunks(paragraphs: ReadonlyArray<{ paragraph: Paragraph; size: number }>, chunkSize: number) {
  let children: Paragraph[] = [];
  let size = 0;
  for (const each of paragraphs) {
    children.push(each.paragraph);
    size += each.size;
    if (size >= chunkSize) {
      yield rootOf(children);
      children = [];
      size = 0;
    }
  }
  if (children.length > 0) yield rootOf(children);
}

const splits = new Map<string, RuleSplit>();

/** The config's rules with `scope: 'paragraph'`, and the others. */
function splitRules(config: ResolvedConfig): RuleSplit {
  const key = JSON.stringify([...config.rules].sort(([a], [b]) => a.localeCompare(b)));
  let split = splits.get(key);
  if (!split) {
    const paragraphRules: ResolvedConfig['rules'] = new Map();
    const summaryRules: RuleSplit['summaryRules'] = [];
    const otherRules: ResolvedConfig['rules'] = new Map();
    for (const [id, setting] of config.rules) {
      const rule = getRule(id);
      if (rule?.summaries) summaryRules.push({ runner: rule.summaries, options: setting.options });
      else (rule?.meta.scope === 'paragraph' ? paragraphRules : otherRules).set(id, setting);
    }
    split = { key, paragraphRules: { rules: paragraphRules }, summaryRules, otherRules: { rules: otherRules } };
    if (splits.size > 50) splits.clear();
    splits.set(key, split);
  }
  return split;
}
