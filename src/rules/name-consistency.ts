/**
 * ## name-consistency
 *
 * Finds a name written two ways in one document: with different
 * capitalisation (`the Belarusian Association of Journalists` and `the
 * Belarusian association of journalists`), with and without a capitalised
 * article (`told The Daily Beast` and `told the Daily Beast`), or transliterated
 * with different vowels (`Pratasevich` and `Protasevich`). MT translates each
 * sentence on its own, so nothing keeps a name the same across a document.
 * Each finding points at the other spelling (`related`).
 *
 * Informational: off by default (the severity can only be `warn` or `error`,
 * and a style guide may want both forms, such as `the prime minister` and
 * `Prime Minister Boris Johnson`). When one form is more frequent only the
 * others are reported; on a tie every occurrence is.
 *
 * Not compared: the first word of a sentence or of a quotation (its capital
 * is required), headings and table cells (title case), and words shorter than
 * six letters or differing in a consonant or their last letter for spelling
 * variants (`Carolina`, `Caroline`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 65 findings on the dev MT output, rater precision 36.9 %, audited precision 46.2 % (0 unmatched unread); 0.48 false alarms per 10,000 words of clean English (16 findings, 14 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The Daily Beast reported it first. Marinich told The Daily Beast that Pratasevich was arrested. Pratasevich denied it.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Marinich told The Daily Beast on Wednesday. Roman Pratasevich was arrested. Later, Marinich told the Daily Beast that Protasevich was fine.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:15-1:30: Inconsistent name: `The Daily Beast` here, `the Daily Beast` elsewhere
 *   1:51-1:62: Inconsistent name: `Pratasevich` here, `Protasevich` elsewhere
 *   1:98-1:113: Inconsistent name: `the Daily Beast` here, `The Daily Beast` elsewhere
 *   1:119-1:130: Inconsistent name: `Protasevich` here, `Pratasevich` elsewhere
 */

import type { Root } from 'nlcst';
import { blockKind, isWord, paragraphsOf, sentencesOf, toText } from '../nlcst/walk.js';
import { defineDocumentRule, type RuleContext } from '../shared/rule.js';
import { wordList } from '../text/lexicon.js';

interface Token {
  raw: string;
  lower: string;
  start: number;
  end: number;
  /** First word of a sentence or quotation: its capital says nothing. */
  initial: boolean;
  /** Only white space between this token and the previous one, in the same sentence. */
  joined: boolean;
  /** In a heading or table cell (title case). */
  titled: boolean;
}

interface Occurrence {
  /** What is compared: the name as written, or the article before it. */
  form: string;
  /** How the finding quotes it. */
  display: string;
  start: number;
  end: number;
}

/** Small words allowed inside a name (`Center for Economic Research`). */
const CONNECTORS = wordList('name-consistency-connectors');
const OPENING = /[:“"‘«„()[\]—–]$|--$/u;
/** A sentence whose words of four letters or more are all capitalised is a title (`Biden Has a Plan for Handling Title 42`). */
const TITLE_WORDS = 4;
/** Words that do not start a name even when capitalised mid-sentence (a missed sentence start). */
const NOT_NAME_START = wordList('name-consistency-not-name-start');
const VOWELS = /[aeiouy]/u;
const MIN_VARIANT_LENGTH = 6;

export default defineDocumentRule<object, { tokens: Token[] }>(
  {
    id: 'name-consistency',
    description: 'A name written two ways in one document (`The Daily Beast`, `the Daily Beast`)',
    category: 'style',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: false,
    defaultOptions: {},
  },
  {
    state: () => ({ tokens: [] }),
    // The words of every chunk: a name's spellings are compared across the whole document.
    chunk(tree, context, _options, state) {
      // Capitals mark names only in English (German capitalises every noun).
      if (context.language === 'en') for (const token of tokensOf(tree)) state.tokens.push(token);
    },
    end(context, _options, { tokens }) {
      reportVariants(tokens, context);
    },
  },
);

function reportVariants(tokens: Token[], context: RuleContext): void {
  const groups = new Map<string, Occurrence[]>();
  const add = (key: string, occurrence: Occurrence) => {
    const list = groups.get(key);
    if (list) list.push(occurrence);
    else groups.set(key, [occurrence]);
  };
  const index = new Map<string, number[]>();
  tokens.forEach((token, position) => {
    const list = index.get(token.lower);
    if (list) list.push(position);
    else index.set(token.lower, [position]);
  });
  for (const key of nameKeys(tokens)) {
    for (const found of occurrencesOf(tokens, key, index.get(key.split(' ')[0]) ?? [])) {
      // A sentence-initial first word says nothing about the case of the name.
      if (!found.initial) add(key, { form: found.name, display: found.name, start: found.start, end: found.end });
      // The article is compared only where there is one: `The Daily Beast` against `the Daily Beast`.
      if (found.article) {
        const display = `${found.article} ${found.name}`;
        add(`the:${key}`, { form: found.article, display, start: found.articleStart, end: found.end });
      }
    }
  }
  for (const [key, occurrences] of spellingVariants(tokens)) for (const occurrence of occurrences) add(key, occurrence);
  const reported = new Set<number>();
  for (const occurrences of groups.values()) report(occurrences, context, reported);
}

function tokensOf(tree: Root): Token[] {
  const tokens: Token[] = [];
  for (const paragraph of paragraphsOf(tree)) {
    const kind = blockKind(paragraph);
    const titled = kind === 'heading' || kind === 'tableCell';
    for (const sentence of sentencesOf(paragraph)) {
      const first = tokens.length;
      let initial = true;
      let joined = false;
      for (const child of sentence.children) {
        if (isWord(child)) {
          const raw = toText(child);
          const start = child.position?.start.offset ?? 0;
          const end = child.position?.end.offset ?? start;
          tokens.push({ raw, lower: raw.toLowerCase(), start, end, initial, joined, titled });
          initial = false;
          joined = true;
        } else if (child.type !== 'WhiteSpaceNode') {
          joined = false;
          if (OPENING.test(toText(child))) initial = true;
        }
      }
      const words = tokens.slice(first);
      const capitalised = words.filter((token) => isCapitalised(token) && token.raw.length > 3).length;
      const long = words.filter((token) => token.raw.length > 3).length;
      if (long >= TITLE_WORDS && capitalised === long) for (const token of words) token.titled = true;
    }
  }
  return tokens;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.raw) && /\p{Ll}/u.test(token.raw);
}

/** Lower-case keys of multi-word names: runs of capitalised words, with connectors inside. */
function nameKeys(tokens: readonly Token[]): Set<string> {
  const keys = new Set<string>();
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token.titled || !isCapitalised(token) || (token.initial && !isCapitalised(tokens[index + 1] ?? token))) {
      index++;
      continue;
    }
    let end = index + 1;
    let capitals = 1;
    while (end < tokens.length && tokens[end].joined && !tokens[end].initial) {
      if (isCapitalised(tokens[end])) capitals++;
      else if (!CONNECTORS.has(tokens[end].raw)) break;
      end++;
    }
    while (end > index + 1 && !isCapitalised(tokens[end - 1])) end--;
    // A capitalised article starts the key only mid-sentence; otherwise the name starts after it.
    let first = index;
    if (tokens[first].initial || tokens[first].lower === 'the') first++;
    while (first < end && NOT_NAME_START.has(tokens[first].lower)) first++;
    if (tokens[index].initial && tokens[index].lower !== 'the') capitals--;
    if (end - first >= 2 || (end - first >= 1 && tokens[index].lower === 'the' && !tokens[index].initial)) {
      if (capitals >= 2 || tokens[index].lower === 'the')
        keys.add(
          tokens
            .slice(first, end)
            .map((t) => t.lower)
            .join(' '),
        );
    }
    index = end;
  }
  return keys;
}

interface Found {
  name: string;
  /** `The` or `the` before the name (not at the start of a sentence), or empty. */
  article: string;
  articleStart: number;
  start: number;
  end: number;
  initial: boolean;
}

/** Every place the words of `key` occur in a row, with the form they are written in there. */
function occurrencesOf(tokens: readonly Token[], key: string, candidates: readonly number[]): Found[] {
  const words = key.split(' ');
  const result: Found[] = [];
  for (const index of candidates) {
    if (index + words.length > tokens.length) continue;
    let matches = true;
    for (let offset = 1; offset < words.length && matches; offset++) {
      const token = tokens[index + offset];
      matches = token.lower === words[offset] && token.joined;
    }
    if (!matches) continue;
    const run = tokens.slice(index, index + words.length);
    if (run.some((token) => token.titled)) continue;
    // Not part of a longer name (`Human Rights` in `Human Rights Watch` or `Amnesty Human Rights`).
    const next = tokens[index + words.length];
    if (next?.joined && isCapitalised(next)) continue;
    const head = tokens[index];
    const before = tokens[index - 1];
    const hasArticle = before?.lower === 'the' && head.joined && !before.titled;
    if (!hasArticle && before && head.joined && isCapitalised(before) && !before.initial) continue;
    // A sentence-initial first word says nothing about its case.
    const name = run.map((token, offset) => (offset === 0 && head.initial ? token.lower : token.raw)).join(' ');
    const article = hasArticle && !before.initial ? before.raw : '';
    result.push({
      name,
      article,
      articleStart: article ? before.start : head.start,
      start: head.start,
      end: run[run.length - 1].end,
      initial: head.initial,
    });
  }
  return result;
}

/** Capitalised words of the same length and consonants that differ in a vowel (`Pratasevich`, `Protasevich`). */
function spellingVariants(tokens: readonly Token[]): Map<string, Occurrence[]> {
  const bySkeleton = new Map<string, Occurrence[]>();
  for (const token of tokens) {
    if (token.titled || token.initial || !isCapitalised(token) || token.raw.length < MIN_VARIANT_LENGTH) continue;
    if (!/^\p{L}+$/u.test(token.raw)) continue;
    const lower = token.lower;
    let skeleton = lower[0];
    for (let index = 1; index < lower.length - 1; index++) skeleton += VOWELS.test(lower[index]) ? '*' : lower[index];
    skeleton += lower[lower.length - 1];
    const list = bySkeleton.get(skeleton) ?? [];
    list.push({ form: token.raw, display: token.raw, start: token.start, end: token.end });
    bySkeleton.set(skeleton, list);
  }
  const result = new Map<string, Occurrence[]>();
  for (const [skeleton, occurrences] of bySkeleton) {
    const forms = new Set(occurrences.map((occurrence) => occurrence.form.toLowerCase()));
    if (forms.size < 2) continue;
    result.set(`spelling:${skeleton}`, occurrences);
  }
  return result;
}

function report(occurrences: readonly Occurrence[], context: RuleContext, reported: Set<number>): void {
  const byForm = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const list = byForm.get(occurrence.form) ?? [];
    list.push(occurrence);
    byForm.set(occurrence.form, list);
  }
  if (byForm.size < 2) return;
  const most = Math.max(...[...byForm.values()].map((list) => list.length));
  const leaders = [...byForm.values()].filter((list) => list.length === most);
  const tie = leaders.length === byForm.size;
  for (const [form, list] of byForm) {
    if (!tie && list.length === most) continue;
    const other = tie ? ([...byForm.entries()].find(([candidate]) => candidate !== form)?.[1] ?? []) : leaders[0];
    const target = other[0];
    if (!target) continue;
    for (const occurrence of list) {
      if (reported.has(occurrence.start)) continue;
      reported.add(occurrence.start);
      context.report({
        start: occurrence.start,
        end: occurrence.end,
        message: `Inconsistent name: \`${occurrence.display}\` here, \`${target.display}\` elsewhere`,
        actual: occurrence.display,
        related: [{ message: `\`${target.display}\``, start: target.start, end: target.end }],
      });
    }
  }
}
