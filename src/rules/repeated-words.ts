/**
 * ## repeated-words
 *
 * Finds a word repeated back to back (`the the`), which MT produces when it
 * stutters. This wraps `retext-repeated-words` so its messages carry an
 * mtlint id; words that may repeat (`had had`, `that that`, `what it is is`,
 * `gave her her keys`, reduplications such as `ylang ylang` or `ha ha`) are
 * allowed. Capitalised words and numbers, which retext takes for names, are
 * checked too (`In In 1876`, `Now Now this is`, `208 208 studies`), except
 * names known to be doubled (`Duran Duran`, `Bora Bora`) and a doubled Pinyin
 * syllable, which is a Chinese name (the pianist `Lang Lang`, the writer
 * `Fang Fang`, the panda `Tian Tian`): MT from Chinese writes a doubled given
 * name apart where Pinyin spelling joins it (`Fangfang`), but that is a
 * question of name format, and removing one half would be wrong. In German (`language: de`) a relative pronoun before an article is
 * correct (`eine Pflanze, die die erste nachahmt`), so doubled articles and
 * pronouns are allowed there. A word that ends in a full stop (`U.S.`, `A.`)
 * is not a repeat: its stop can end the sentence (`in the U.S. U.S. troops`).
 *
 * Other correct repeats are recognised by their shape, not listed: the
 * doubled epithet of a trinomial or tautonym (`Capra ibex ibex`, `Gorilla
 * gorilla gorilla`: a capitalised genus, a Latin ending, a word no English
 * dictionary knows), initials before a name (`General M M Naravane`; not `I
 * I`), a doubled name of two open syllables unknown to English (`Saba Saba`,
 * `Wagga Wagga`; not `Africa Africa`), a quoted reduplication of an
 * interjection or unknown word (`"bye bye"`, `"tata tata"`; not `«test
 * test»`), and `is is` closing a clause opened by `what` or `all` (`What a
 * country is is a sum`, `All he is is tired`).
 *
 * Fix: remove the second occurrence.
 *
 * On the dev set the raters marked three of its five findings; the two
 * others are real doubled words they let pass (`Services Services`,
 * `about about`). It finds every injected repeat.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 5 findings on the dev MT output, rater precision 60.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   He had had enough. She said that that was fine. What it is is a plant called ylang ylang.
 *   She lives in the U.S. U.S. troops left. The pianist Lang Lang played for the panda Tian Tian.
 *   The ibex (Capra ibex ibex) and General M M Naravane marked Saba Saba day with "bye bye".
 *   What a country is is a sum of its people.

 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided the the homes of dozens of organizations. In In 1876, 208 208 people left.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:15-1:22: Unexpected repeated `the`, remove one occurrence
 *   1:57-1:62: Unexpected repeated `In`, remove one occurrence
 *   1:69-1:76: Unexpected repeated `208`, remove one occurrence
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Police raided the homes of dozens of organizations. In 1876, 208 people left.
 */

import type { Root } from 'nlcst';
import retextRepeatedWords from 'retext-repeated-words';
import { textOf } from '../nlcst/flat.js';
import { eachSentence, isWord } from '../nlcst/walk.js';
import { runForeignTransformer } from '../nlcst/wrap-plugin.js';
import { defineRule, type Report, type RuleContext } from '../shared/rule.js';
import { functionWordsOf } from '../text/language.js';
import { wordList } from '../text/lexicon.js';
import { knownTags } from '../text/tagger.js';
import { mayRepeatWord } from '../text/triggers.js';

/** Words that may be doubled on purpose, per document language (besides retext's own list). */
const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['her', 'do', 'ylang', 'ha', 'ho', 'la', 'na', 'bye', 'tut', 'knock', 'chop', 'aye', 'dum', 'no']),
  de: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'sie', 'es', 'wer', 'was', 'ihr']),
};

/**
 * Capitalised words retext leaves alone (it takes every `Duran Duran` for a
 * name) are checked too in English, except names known to be doubled: MT
 * doubles `Now Now`, `Highly Highly`, `Big Big Bang`, `In In 1876`.
 */
const DOUBLED_NAMES = wordList('doubled-names');
/**
 * The syllables of Pinyin: Chinese given names and nicknames are often one
 * syllable doubled and written apart in English (`Lang Lang`, `Fang Fang`, the
 * pandas `Tian Tian` and `Bao Bao`), so a capitalised doubled syllable is a
 * name. Initials with the finals they take (the standard syllable table).
 */
const PINYIN: ReadonlySet<string> = (() => {
  const gkh = 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang';
  const jqx = 'i ia iao ie iu ian in iang ing iong u ue uan un';
  const zcs = 'a e i ai ao ou an en ang eng ong u uo ui uan un';
  const table: Record<string, string> = {
    '': 'a o e ai ei ao ou an en ang eng er',
    b: 'a o ai ei ao an en ang eng i iao ie ian in ing u',
    p: 'a o ai ei ao ou an en ang eng i iao ie ian in ing u',
    m: 'a o e ai ei ao ou an en ang eng i iao ie iu ian in ing u',
    f: 'a o ei ou an en ang eng u',
    d: 'a e ai ei ao ou an en ang eng ong i ia iao ie iu ian ing u uo ui uan un',
    t: 'a e ai ao ou an ang eng ong i iao ie ian ing u uo ui uan un',
    n: 'a e ai ei ao ou an en ang eng ong i iao ie iu ian in iang ing u uo uan ü üe',
    l: 'a o e ai ei ao ou an ang eng ong i ia iao ie iu ian in iang ing u uo uan un ü üe',
    g: gkh,
    k: gkh,
    h: gkh,
    j: jqx,
    q: jqx,
    x: jqx,
    zh: 'a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
    ch: 'a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang',
    sh: 'a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang',
    r: 'e i ao ou an en ang eng ong u ua uo ui uan un',
    z: `${zcs} ei`,
    c: zcs,
    s: zcs,
    y: 'a o e ao ou an ang i in ing ong u ue uan un',
    w: 'a o ai ei an en ang eng u',
  };
  const syllables = new Set<string>();
  for (const [initial, finals] of Object.entries(table))
    for (const final of finals.split(' ')) syllables.add(initial + final);
  return syllables;
})();
/** English words that are also Pinyin syllables and that MT doubles at the start of a sentence (`He He said`). */
const NOT_NAMES = new Set('a an he she me ye you can'.split(' '));

function isDoubledName(lower: string): boolean {
  return DOUBLED_NAMES.has(lower) || (PINYIN.has(lower) && !NOT_NAMES.has(lower));
}

/** `what it is is`, `the thing is is`: the doubled `is` is correct after these words. */
const BEFORE_IS_IS = /\b(?:it|what|thing|problem|question|point|issue|truth|fact|reason)\s+$/iu;
/**
 * `What a country is is a sum`, `All he is is tired`: the first `is` ends a
 * free relative clause that opens with `what` or `all` a few words before, in
 * the same clause (no punctuation between).
 */
const CLAUSE_BEFORE_IS_IS = /\b(?:what|whatever|all)(?:\s+[\p{L}'’-]+){1,5}\s+$/iu;

/** Endings of Latin species epithets (`lupus`, `gorilla`, `tigris`, `ibex`, `sapiens`). */
const LATIN_ENDING = /(?:us|um|a|ae|i|is|es|ex|ix|ax|ox|ens|ans)$/u;
/** The word that ends `text` (after white space), and whether it is the only thing there. */
const WORD_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\s+$/u;
const OPENING_QUOTE = /["“‘'«„]$/u;
const CLOSING_QUOTE = /^[!?.,]?["”’'»]/u;
const NEXT_CAPITALISED = /^\.?\s+\p{Lu}/u;
/** Two open syllables, consonant first (`Saba`, `Bora`, `Walla`, `Wagga`, `Mahi`). */
const REDUPLICATED_NAME = /^[B-DF-HJ-NP-TV-Z][aeiou][b-df-hj-np-tv-z]{1,2}[aeiou]$/u;
const ENGLISH_FUNCTION_WORDS = functionWordsOf('en') ?? new Set<string>();

/**
 * A repeat that is correct English, found by its shape rather than by a list
 * of the cases: the epithet of a trinomial or tautonym (`Capra ibex ibex`,
 * `Gorilla gorilla`), initials before a name (`General M M Naravane`), a
 * doubled short name that no English dictionary knows (`Saba Saba`), and a
 * quoted reduplication (`"bye bye"`, `"tata tata"`).
 * `first` and `second` are the two copies as written; `start` and `end` their
 * offsets in `text`.
 */
function isIntendedRepeat(text: string, first: string, second: string, start: number, end: number): boolean {
  const lower = second.toLowerCase();
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 4);
  // Quoted reduplication: the pair is the whole quotation, and an interjection or a word no
  // English dictionary knows (`"bye bye"`, `"tata tata"`; not `«test test»`).
  if (OPENING_QUOTE.test(before) && CLOSING_QUOTE.test(after)) {
    const tags = knownTags(second.toLowerCase());
    if (tags.length === 0 || tags.includes('UH') || ALLOWED.en.has(second.toLowerCase())) return true;
  }
  // Initials: a single capital twice, then the surname.
  if (/^\p{Lu}$/u.test(second) && second !== 'I' && NEXT_CAPITALISED.test(text.slice(end, end + 3))) return true;
  if (ENGLISH_FUNCTION_WORDS.has(lower)) return false;
  const unknown = knownTags(lower).length === 0;
  // A tautonym (`Gorilla gorilla`, `Bison bison`): the genus capitalised, the epithet not.
  if (/^\p{Lu}\p{Ll}+$/u.test(first) && second === lower && lower.length >= 3 && (unknown || LATIN_ENDING.test(lower)))
    return true;
  // A trinomial (`Capra ibex ibex`): a capitalised genus before the doubled epithet, one of
  // them unknown to English (not `So flies flies`).
  const genus = WORD_BEFORE.exec(before)?.[1];
  if (
    genus &&
    first === lower &&
    second === lower &&
    lower.length >= 3 &&
    LATIN_ENDING.test(lower) &&
    /^\p{Lu}\p{Ll}+$/u.test(genus) &&
    (unknown || genus.toLowerCase() === lower || knownTags(genus.toLowerCase()).length === 0)
  )
    return true;
  // A doubled short name of two open syllables unknown to English (`Saba Saba`, `Bora Bora`,
  // `Wagga Wagga`), not a stuttered name such as `Africa Africa` or `Aida Aida`.
  return first === second && REDUPLICATED_NAME.test(second) && unknown;
}

const transformer = retextRepeatedWords() as unknown as Parameters<typeof runForeignTransformer>[0];

export default defineRule(
  {
    id: 'repeated-words',
    description: 'A word repeated back to back (`the the`)',
    category: 'repetition',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    trigger: mayRepeatWord,
    defaultOptions: {},
  },
  (tree, context) => {
    const allowed = ALLOWED[context.language];
    // retext-repeated-words reports a word, one white-space node and the same word (any case).
    // Its walk costs as much as ours, so it runs only on trees where ours saw such a pair;
    // our own findings wait so the order of reports stays: retext's first, then ours.
    const own: Report[] = [];
    let retextPair = context.language !== 'en';
    if (context.language === 'en') {
      eachSentence(tree, (sentence) => {
        let previous: { value: string; lower: string; start: number; end: number; index: number } | undefined;
        let spaced = false;
        const children = sentence.children;
        for (let index = 0; index < children.length; index++) {
          const child = children[index];
          if (isWord(child)) {
            const value = textOf(child);
            const start = child.position?.start.offset ?? 0;
            const end = child.position?.end.offset ?? start;
            const lower = value.toLowerCase();
            if (previous && spaced && previous.lower === lower) {
              if (previous.index === index - 2) retextPair = true;
              if (
                !value.endsWith('.') &&
                // Only what retext ignores: a capital followed by lower case, or a number.
                value.slice(1) === value.slice(1).toLowerCase() &&
                ((/^\p{Lu}/u.test(value) && !isDoubledName(lower)) || /^\d{2,}$/u.test(value)) &&
                !isIntendedRepeat(context.text, previous.value, value, previous.start, end)
              ) {
                const actual = context.text.slice(previous.start, end);
                own.push({
                  start: previous.start,
                  end,
                  message: `Unexpected repeated \`${value}\`, remove one occurrence`,
                  actual,
                  expected: [previous.value],
                  fix: /^\s+$/u.test(context.text.slice(previous.end, start))
                    ? { range: [previous.end, end], text: '' }
                    : undefined,
                });
              }
            }
            previous = { value, lower, start, end, index };
            spaced = false;
          } else if (child.type === 'WhiteSpaceNode') spaced = previous !== undefined;
          else previous = undefined;
        }
      });
    }
    if (retextPair) reportRetext(tree, context, allowed);
    for (const report of own) context.report(report);
  },
);

function reportRetext(tree: Root, context: RuleContext, allowed: ReadonlySet<string> | undefined): void {
  for (const message of runForeignTransformer(transformer, tree, context.file)) {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
    if (start === undefined || end === undefined) continue;
    const actual = context.text.slice(start, end);
    const kept = message.expected?.[0] ?? '';
    if (allowed?.has(kept.toLowerCase())) continue;
    // An abbreviation's full stop can also end the sentence: `in the U.S. U.S. troops left`.
    if (kept.endsWith('.')) continue;
    if (context.language === 'en') {
      const before = context.text.slice(Math.max(0, start - 60), start);
      if (kept.toLowerCase() === 'is' && (BEFORE_IS_IS.test(before.slice(-12)) || CLAUSE_BEFORE_IS_IS.test(before)))
        continue;
      const second = actual.slice(actual.length - kept.length);
      if (isIntendedRepeat(context.text, actual.slice(0, kept.length), second, start, end)) continue;
    }
    // Keep the first occurrence: drop the white space and the second word.
    const firstEnd = start + kept.length;
    const direct =
      actual.toLowerCase().startsWith(kept.toLowerCase()) &&
      /^\s+$/u.test(context.text.slice(firstEnd, end - kept.length));
    context.report({
      start,
      end,
      message: message.reason,
      actual,
      expected: [actual.slice(0, kept.length)],
      fix: direct ? { range: [firstEnd, end], text: '' } : undefined,
    });
  }
}
