/**
 * ## repeated-phrase
 *
 * Finds a phrase of two to six words repeated back to back
 * (`in the city in the city`) and loops: the same phrase three or more times
 * in a row, at most one word apart (`a process of learning, a process of
 * growing, a process of`), a typical failure of neural MT that stutters or cycles.
 * Single repeated words are `repeated-words`.
 *
 * The finding points at the copies to remove. Fix (back to back only): remove
 * them.
 *
 * Not flagged: copies separated by punctuation (`Never again, never again`),
 * chains such as `more and more and more`, `one by one by one` or `faster
 * and faster and then faster and faster`, one word said over and over (`ha ha ha ha`),
 * loops of phrases made only of function words (`of the`), lists of
 * measurements (`100 mg, 100 mg and 100 mg`, `(-20 °C; 20 °C; -20 °C)`: a
 * turn with a figure), and parallel phrases, where one word follows each turn
 * and none comes back (`the same size, the same colour, the same shape`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 5 findings on the dev MT output, rater precision 100.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (1 findings, 1 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Prices rose more and more and more. They left one by one by one. Never again, never again.
 *   It ran faster and faster and then faster and faster. Doses were 100 mg, 100 mg and 100 mg.
 *   They were the same size, the same colour, the same shape.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided homes in the city in the city of Minsk.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:33-1:44: Unexpected repeated `in the city`, remove one occurrence
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Police raided homes in the city of Minsk.
 *
 * @example {"name": "not-ok-loop.txt", "label": "input"}
 *   It is a process of learning, a process of growing, a process of learning again.
 *
 * @example {"name": "not-ok-loop.txt", "label": "output"}
 *   1:7-1:64: Unexpected `a process of` repeated 3 times in one sentence
 */

import { textOf } from '../nlcst/flat.js';
import type { Sentence } from '../nlcst/walk.js';
import { eachSentence, isWord } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { functionWordsOf } from '../text/language.js';
import { knownTags } from '../text/tagger.js';
import { mayRepeatPhrase } from '../text/triggers.js';

interface Token {
  norm: string;
  raw: string;
  start: number;
  end: number;
  /** Only white space between this word and the previous one. */
  spaced: boolean;
}

const MIN_LENGTH = 2;
const MAX_LENGTH = 6;
/** Connectors of legitimate chains: `more and more and more`, `one by one by one`. */
const CHAIN_WORDS = new Set(['and', 'or', 'by', 'after', 'upon', 'to', 'over', 'nor', 'und', 'oder', 'für', 'um']);

export default defineRule(
  {
    id: 'repeated-phrase',
    description: 'A phrase repeated back to back (`in the city in the city`) or looping in a sentence',
    category: 'repetition',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    trigger: mayRepeatPhrase,
    defaultOptions: {},
  },
  (tree, context) => {
    const functionWords = functionWordsOf(context.language);
    eachSentence(tree, (sentence) => {
      const tokens = tokensOf(sentence);
      if (tokens.length < MIN_LENGTH * 2) return;
      const covered = backToBack(tokens, context);
      loops(tokens, covered, functionWords, context);
    });
  },
);

function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  let onlySpace = false;
  for (const child of sentence.children) {
    if (isWord(child)) {
      const raw = textOf(child);
      const start = child.position?.start.offset ?? 0;
      tokens.push({ norm: raw.toLowerCase(), raw, start, end: child.position?.end.offset ?? start, spaced: onlySpace });
      onlySpace = true;
    } else if (child.type !== 'WhiteSpaceNode') onlySpace = false;
  }
  return tokens;
}

type Context = Parameters<Parameters<typeof defineRule>[1]>[1];

function same(tokens: readonly Token[], a: number, b: number, length: number): boolean {
  for (let offset = 0; offset < length; offset++) if (tokens[a + offset].norm !== tokens[b + offset].norm) return false;
  return true;
}

function allSpaced(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!tokens[index].spaced) return false;
  return true;
}

/** Reports back-to-back copies; returns the token indices they cover. */
function backToBack(tokens: readonly Token[], context: Context): Set<number> {
  const covered = new Set<number>();
  for (let index = 0; index < tokens.length; index++) {
    for (let length = MIN_LENGTH; length <= MAX_LENGTH && index + 2 * length <= tokens.length; length++) {
      if (!same(tokens, index, index + length, length)) continue;
      if (!allSpaced(tokens, index + 1, index + 2 * length)) continue;
      const unit = tokens.slice(index, index + length);
      if (unit.every((token) => token.norm === unit[0].norm)) break;
      if (isChain(tokens, index, length)) break;
      let copies = 2;
      while (
        index + (copies + 1) * length <= tokens.length &&
        same(tokens, index, index + copies * length, length) &&
        allSpaced(tokens, index + copies * length, index + (copies + 1) * length)
      )
        copies++;
      const first = tokens[index];
      const firstEnd = tokens[index + length - 1].end;
      const last = tokens[index + copies * length - 1];
      const kept = context.text.slice(first.start, firstEnd);
      const phrase = kept.replace(/\s+/g, ' ');
      // The finding points at the copies to remove; the fix also takes the white space before them.
      const second = tokens[index + length];
      context.report({
        start: second.start,
        end: last.end,
        message: `Unexpected repeated \`${phrase}\`, remove ${copies > 2 ? 'the extra occurrences' : 'one occurrence'}`,
        actual: context.text.slice(firstEnd, last.end),
        expected: [''],
        fix: { range: [firstEnd, last.end], text: '' },
      });
      for (let covering = index; covering < index + copies * length; covering++) covered.add(covering);
      index += copies * length - 1;
      break;
    }
  }
  return covered;
}

/** `more and more and more`, `one by one by one`: a connector between copies of one word. */
function isChain(tokens: readonly Token[], index: number, length: number): boolean {
  if (length !== 2) return false;
  const [a, b] = [tokens[index].norm, tokens[index + 1].norm];
  if (CHAIN_WORDS.has(a)) return tokens[index - 1]?.norm === b;
  if (CHAIN_WORDS.has(b)) {
    if (tokens[index + 2 * length]?.norm === a || tokens[index - 1]?.norm === b) return true;
    // `faster and faster and then`: a comparative doubled (not the stutter `blue and blue and`).
    return b === 'and' && COMPARATIVE.test(knownTags(a)[0] ?? '');
  }
  return false;
}

/** `faster and faster`, `round and round`: a connector between two copies of one word. */
function holdsChain(parts: readonly string[]): boolean {
  for (let index = 1; index + 1 < parts.length; index++)
    if (CHAIN_WORDS.has(parts[index]) && parts[index - 1] === parts[index + 1]) return true;
  return false;
}

/**
 * `the same size, the same colour, the same shape`: one word after each turn,
 * a different one every time, is parallel structure. A loop brings a turn back
 * whole (`a process of learning, a process of growing, a process of learning`)
 * or repeats it with nothing in between.
 */
function isParallel(tokens: readonly Token[], starts: readonly number[], length: number): boolean {
  const fillers: string[] = [];
  for (let turn = 1; turn < starts.length; turn++) {
    if (starts[turn] - (starts[turn - 1] + length) !== 1) return false;
    fillers.push(tokens[starts[turn] - 1].norm);
  }
  const tail = tokens[starts[starts.length - 1] + length];
  if (tail) fillers.push(tail.norm);
  return new Set(fillers).size === fillers.length;
}

/** The tagger's comparative adjective and adverb (`faster`, `bigger`, `more`). */
const COMPARATIVE = /^(?:JJR|RBR)$/;

const MIN_LOOP = 3;
/** Words allowed between two turns of a loop (`a process of learning, a process of growing`). */
const MAX_LOOP_GAP = 1;

/** The longest run of occurrences each at most `MAX_LOOP_GAP` words after the previous one. */
function closeChain(starts: readonly number[], length: number): number[] {
  let best: number[] = [];
  let current: number[] = [];
  for (const start of starts) {
    const previous = current[current.length - 1];
    if (previous !== undefined && start - (previous + length) <= MAX_LOOP_GAP) current.push(start);
    else current = [start];
    if (current.length > best.length) best = current;
  }
  return best;
}

function loops(
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  functionWords: ReadonlySet<string> | undefined,
  context: Context,
): void {
  if (tokens.length < MIN_LOOP * MIN_LENGTH) return;
  // A loop needs a word three times: most sentences have none, and only those places can start one.
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token.norm, (counts.get(token.norm) ?? 0) + 1);
  const candidates: number[] = [];
  for (let index = 0; index < tokens.length; index++)
    if ((counts.get(tokens[index].norm) ?? 0) >= MIN_LOOP) candidates.push(index);
  if (candidates.length < MIN_LOOP) return;
  // Every word of a phrase seen three times is seen three times itself: `frequent[index]` is how
  // many words from `index` on are, so phrases that cannot loop are never keyed.
  const frequent = new Array<number>(tokens.length + 1).fill(0);
  for (let index = tokens.length - 1; index >= 0; index--)
    frequent[index] = (counts.get(tokens[index].norm) ?? 0) >= MIN_LOOP ? frequent[index + 1] + 1 : 0;
  // Longest phrase first: the report names the whole repeated unit.
  for (let length = MAX_LENGTH; length >= MIN_LENGTH; length--) {
    const seen = new Map<string, number[]>();
    for (const index of candidates) {
      if (index + length > tokens.length) break;
      if (frequent[index] < length) continue;
      // A phrase does not run across punctuation.
      if (!allSpaced(tokens, index + 1, index + length)) continue;
      const key = tokens
        .slice(index, index + length)
        .map((token) => token.norm)
        .join(' ');
      const list = seen.get(key);
      if (list) {
        // Occurrences must not overlap.
        if (index >= list[list.length - 1] + length) list.push(index);
      } else seen.set(key, [index]);
    }
    for (const [key, all] of seen) {
      if (all.length < MIN_LOOP) continue;
      const starts = closeChain(all, length);
      if (starts.length < MIN_LOOP) continue;
      if (starts.every((start) => covered.has(start))) continue;
      const parts = key.split(' ');
      if (!/\p{L}/u.test(key)) continue;
      // `more and more and more`, `faster and faster`: a chain, not a loop.
      if ((length === 2 && parts.some((part) => CHAIN_WORDS.has(part))) || holdsChain(parts)) continue;
      // `100 mg, 100 mg and 100 mg`, `(-20 °C; 20 °C; -20 °C)`: a list of measurements.
      if (parts.some((part) => /\d/.test(part))) continue;
      if (isParallel(tokens, starts, length)) continue;
      // Needs a content word (a known function-word list), or a longer phrase otherwise.
      if (functionWords ? parts.every((part) => functionWords.has(part) || part.length < 3) : length < 3) continue;
      const first = tokens[starts[0]];
      const last = tokens[starts[starts.length - 1] + length - 1];
      const phrase = context.text.slice(first.start, tokens[starts[0] + length - 1].end).replace(/\s+/g, ' ');
      context.report({
        start: first.start,
        end: last.end,
        message: `Unexpected \`${phrase}\` repeated ${starts.length} times in one sentence`,
        actual: context.text.slice(first.start, last.end),
      });
      return;
    }
  }
}
