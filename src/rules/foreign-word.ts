/**
 * ## foreign-word
 *
 * Finds a word of another language that MT left in an English sentence: a
 * German, French, Spanish, Italian, Portuguese, Czech or Polish function word
 * (`that že the`, `the banks und the schools`, `it is nicht clear`, `the
 * figures of les ministries`). A sentence-level language check cannot see one
 * word; the common function words of those languages can, because English
 * never uses them. The lists are data (`src/text/lexicon/foreign-function-words-*.txt`)
 * and leave out every word English uses too (`die`, `also`, `come`, `son`,
 * `men`, `pour`, `plus`, `con`, `per`…).
 *
 * Not flagged: a word written with a capital (`Der Spiegel`, `La Liga`,
 * `Und` at a sentence start), a particle before a capitalised word (`de
 * Gaulle`, `van der Waals`, `Los Angeles`, `da Silva`), a phrase English
 * borrowed (`de facto`, `à la carte`, `et al.`, `joie de vivre`, `que sera
 * sera`; `src/text/lexicon/foreign-loan-phrases.txt`), a word in quotation
 * marks that is short or not English (a title, a motto), a word next to a
 * word with letters English does not use (`Cien años de soledad`), a word named as a word (`the German word
 * und`, `called les`), part of a hyphenated word, handle or address
 * (`de-escalate`, `@der`), and a word among other foreign words or too few
 * English ones (a foreign sentence is `untranslated`'s). The single-letter
 * conjunctions `y` and `e` count only between two English words.
 *
 * English documents only. No fix: which English word was meant is for a
 * person to say.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 1 findings on the dev MT output, rater precision 100.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   President de Gaulle met the editors of Der Spiegel in Los Angeles. The de facto ban, à la carte menus and the work of Smith et al. were discussed.
 *
 *   The crowd chanted “und jetzt alle” while the German word und means and. La Liga clubs de-escalate the row.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police said that že the offices were searched, and the banks und the schools closed.
 *
 *   It is nicht clear whether the figures of les ministries are correct.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:18-1:20: Unexpected Czech word `že` in English text
 *   1:62-1:65: Unexpected German word `und` in English text
 *   3:7-3:12: Unexpected German word `nicht` in English text
 *   3:42-3:45: Unexpected French word `les` in English text
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { functionWordsOf, languageName } from '../text/language.js';
import { wordList } from '../text/lexicon.js';

/** Languages with a function-word list, in the order messages name them. */
const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'cs', 'pl'] as const;

let lexicon: Map<string, string[]> | undefined;

/** Word → the languages whose function word it is (lists read on first use). */
function foreignWords(): Map<string, string[]> {
  if (!lexicon) {
    lexicon = new Map();
    for (const language of LANGUAGES) {
      for (const word of wordList(`foreign-function-words-${language}`)) {
        const languages = lexicon.get(word) ?? [];
        languages.push(language);
        lexicon.set(word, languages);
      }
    }
  }
  return lexicon;
}

let phrases: { set: ReadonlySet<string>; longest: number } | undefined;

function loanPhrases(): { set: ReadonlySet<string>; longest: number } {
  if (!phrases) {
    const set = wordList('foreign-loan-phrases');
    let longest = 1;
    for (const phrase of set) longest = Math.max(longest, phrase.split(' ').length);
    phrases = { set, longest };
  }
  return phrases;
}

/** Words before a word that name it as a word (`the German word und`, `called les`). */
const MENTION =
  /^(?:word|words|term|called|named|means|meaning|article|preposition|conjunction|german|french|spanish|italian|portuguese|czech|polish|latin|motto|slogan|phrase|spelled|spelt|written)$/;
/**
 * English function words: two of them near a foreign word show that the text
 * around it is English (the `en` list of `language.ts` and the short words it
 * leaves out because other languages share them).
 */
const ENGLISH_EXTRA =
  'a an in on at as is was be it i me us her so up out all one do no more then will just now also over said like get got am are is if or not'.split(
    ' ',
  );
/** Words on either side this many words away decide whether the text around is English. */
const WINDOW = 6;
/** English function words needed in the window, and foreign words allowed in it. */
const MIN_ENGLISH = 2;
const MAX_FOREIGN = 2;

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  languages: string[] | undefined;
}

export default defineRule(
  {
    id: 'foreign-word',
    description: 'A function word of another language left in an English sentence (`und`, `les`, `že`)',
    category: 'script',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    if (context.language !== 'en') return;
    const words = foreignWords();
    const english = new Set([...(functionWordsOf('en') ?? []), ...ENGLISH_EXTRA]);
    for (const paragraph of paragraphsOf(tree)) {
      const flat = flatten(paragraph);
      const text = flat.text;
      // Most paragraphs hold no foreign function word: find that out without building tokens.
      if (!hasForeignWord(text, words)) continue;
      const tokens: Token[] = [];
      for (const match of text.matchAll(TOKEN)) {
        const lower = match[0].toLowerCase().replaceAll('’', "'");
        tokens.push({
          text: match[0],
          lower,
          start: match.index,
          end: match.index + match[0].length,
          languages: match[0] === match[0].toLowerCase() ? words.get(lower) : undefined,
        });
      }
      if (!tokens.some((token) => token.languages)) continue;
      // Quotations that may be foreign (a title, a motto, a quoted phrase): short, or not English.
      const quoted = quotedRanges(text).filter(([from, to]) => {
        const inside = tokens.filter((token) => token.start > from && token.end <= to);
        return inside.length <= 4 || inside.filter((token) => english.has(token.lower)).length < MIN_ENGLISH;
      });
      const flagged = tokens.map(
        (token, index) => token.languages !== undefined && isLeftIn(text, tokens, index, english, quoted),
      );
      for (let index = 0; index < tokens.length; index++) {
        if (!flagged[index]) continue;
        // One finding for a run of foreign words (`und der`).
        let last = index;
        while (
          last + 1 < tokens.length &&
          flagged[last + 1] &&
          /^ +$/.test(text.slice(tokens[last].end, tokens[last + 1].start))
        )
          last++;
        const run = tokens.slice(index, last + 1);
        const shared = LANGUAGES.filter((language) => run.every((token) => token.languages?.includes(language)));
        const named = (shared.length > 0 ? shared : (run[0].languages ?? [])).map(languageName);
        const found = text.slice(tokens[index].start, tokens[last].end);
        context.report({
          flat,
          from: tokens[index].start,
          to: tokens[last].end,
          message: `Unexpected ${joinNames(named)} word${run.length > 1 ? 's' : ''} \`${found}\` in English text`,
          actual: found,
        });
        index = last;
      }
    }
  },
);

/** True when some lower-case word of `text` is a foreign function word (the tokens' test, without the tokens). */
function hasForeignWord(text: string, words: ReadonlyMap<string, readonly string[]>): boolean {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const word = match[0];
    // As the tokens have it: only a word written in lower case counts.
    if (words.has(word.includes('’') ? word.replaceAll('’', "'") : word) && word === word.toLowerCase()) {
      TOKEN.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** `German`, `Czech or Polish`, `French, Spanish or Portuguese`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** True when the foreign word at `index` is no name, loan phrase, quotation or mention, in English text. */
function isLeftIn(
  text: string,
  tokens: readonly Token[],
  index: number,
  english: ReadonlySet<string>,
  quoted: readonly [number, number][],
): boolean {
  const token = tokens[index];
  // Part of a hyphenated word, a handle, an address, a number or an abbreviation.
  const before = text[token.start - 1] ?? ' ';
  const after = text[token.end] ?? ' ';
  if (/[-\p{N}@/_#&.'’]/u.test(before) || /[-\p{N}@/_#&]/u.test(after)) return false;
  // `est. 1990`, `est. cost`: an abbreviation, not a word.
  if (after === '.' && /^\s*[\p{Ll}\p{N}]/u.test(text.slice(token.end + 1, token.end + 4))) return false;
  if (quoted.some(([from, to]) => token.start > from && token.end <= to)) return false;
  // A spelt-out address: `gmail . com`, `gmail dot com`.
  if (/\s\.\s*$/.test(text.slice(Math.max(0, token.start - 4), token.start)) || tokens[index - 1]?.lower === 'dot')
    return false;
  // A particle of a name: the next word that is not foreign is capitalised (`de la Cruz`, `van der Waals`).
  let next = index + 1;
  while (
    next < tokens.length &&
    tokens[next].languages &&
    /^\s+$/.test(text.slice(tokens[next - 1].end, tokens[next].start))
  )
    next++;
  if (
    next < tokens.length &&
    /^\p{Lu}/u.test(tokens[next].text) &&
    /^\s+$/.test(text.slice(tokens[next - 1].end, tokens[next].start))
  )
    return false;
  if (inLoanPhrase(text, tokens, index)) return false;
  // Next to a word with a letter English does not use (`Cien años de soledad`): a foreign phrase or title.
  for (const neighbour of [tokens[index - 1], tokens[index + 1]])
    if (neighbour && !neighbour.languages && /[^\p{ASCII}]/u.test(neighbour.text)) return false;
  for (let back = index - 1; back >= 0 && back >= index - 3; back--) if (MENTION.test(tokens[back].lower)) return false;
  // A single-letter conjunction (`y`, `e`) only between two English words, spaces on both sides.
  if (token.lower.length === 1) {
    const previous = tokens[index - 1];
    const following = tokens[index + 1];
    if (!previous || !following) return false;
    for (const [neighbour, gap] of [
      [previous, text.slice(previous.end, token.start)],
      [following, text.slice(token.end, following.start)],
    ] as const) {
      if (gap !== ' ' || neighbour.text.length < 3 || neighbour.languages || /\p{Lu}/u.test(neighbour.text))
        return false;
    }
  }
  // English around it: enough English function words, few foreign words.
  let englishCount = 0;
  let foreignCount = 0;
  for (let at = Math.max(0, index - WINDOW); at <= Math.min(tokens.length - 1, index + WINDOW); at++) {
    if (at === index) continue;
    if (tokens[at].languages) foreignCount++;
    else if (english.has(tokens[at].lower)) englishCount++;
  }
  return englishCount >= MIN_ENGLISH && foreignCount <= MAX_FOREIGN;
}

/** The word is part of a loan phrase (`de facto`, `c'est la vie`, `et al.`). */
function inLoanPhrase(text: string, tokens: readonly Token[], index: number): boolean {
  const { set, longest } = loanPhrases();
  for (let length = 2; length <= longest; length++) {
    for (let first = Math.max(0, index - length + 1); first <= index && first + length <= tokens.length; first++) {
      const words = tokens.slice(first, first + length);
      // Words of a phrase are separated by spaces or a hyphen (`vis-à-vis`).
      let joined = words[0].lower;
      let contiguous = true;
      for (let at = 1; at < words.length; at++) {
        if (!/^[\s-]+$/.test(text.slice(words[at - 1].end, words[at].start))) contiguous = false;
        joined += ` ${words[at].lower}`;
      }
      if (contiguous && set.has(joined)) return true;
    }
  }
  return false;
}

/** Quotations in the paragraph (`“…”`, `«…»`, `„…“`, `"…"`): `[open, close]` offsets. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const stack: { index: number; closer: string }[] = [];
  const CLOSERS: Record<string, string> = { '“': '”', '«': '»', '„': '“”' };
  let straight = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const open = stack.at(-1);
    if (open?.closer.includes(char)) {
      ranges.push([open.index, index]);
      stack.pop();
    } else if (CLOSERS[char]) stack.push({ index, closer: CLOSERS[char] });
    else if (char === '"') {
      if (straight < 0) straight = index;
      else {
        ranges.push([straight, index]);
        straight = -1;
      }
    }
  }
  // An unclosed quotation runs to the end of the paragraph.
  for (const open of stack) ranges.push([open.index, text.length]);
  if (straight >= 0) ranges.push([straight, text.length]);
  return ranges;
}
