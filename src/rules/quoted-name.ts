/**
 * ## quoted-name
 *
 * Finds quotation marks that MT carried over from languages that quote proper
 * names and slogans (Russian, Ukrainian, Chinese and others) into English,
 * which does not: the name of an organisation, party, company, media outlet,
 * project, plan or slogan (`the "Viasna" group`, `the "Belt and Road"
 * initiative`, `«Gazprom»`, `the "Shenzhen Speedy Pioneer City Construction
 * Action Plan"`), and short scare-quoted phrases that the source language
 * quoted (`China's "core" sector`, `export trade is "five blacks"`).
 *
 * Left alone: real quotations (after a speech verb or a colon, partial quotes
 * in a sentence that attributes speech, anything ending in sentence
 * punctuation, anything longer than eight words), words under discussion (`the
 * word "very"`, `so-called`, `known as`, `called`), and titles of works (after
 * `book`, `film`, `song`, `show`, `article`…, or a quoted title followed by
 * `actor`, `author`, `star`…). Scare quotes are a matter of style: set
 * `"allowScareQuotes": true` to report only names. The rule reads English only.
 *
 * Fix: for a name in foreign marks (`«Gazprom»`), remove the marks; otherwise
 * a suggestion to remove them.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 292 findings on the dev MT output, rater precision 78.4 %, audited precision 80.5 % (0 unmatched unread); 1.90 false alarms per 10,000 words of clean English (8 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   “We will win,” he said. He said the plan was “a lot of work”. The word “very” is overused.
 *
 *   She starred in the film “Yellowstone” and sang “Let It Be” on NBC’s “Meet the Press.”
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided the "Viasna" group and «Gazprom». The "Belt and Road" initiative grew.
 *
 *   The US escalated its "chip war" against the "Shenzhen Speedy Pioneer City Action Plan".
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:19-1:27: Unexpected quotation marks around the name `Viasna`
 *   1:38-1:47: Unexpected quotation marks around the name `Gazprom`
 *   1:53-1:68: Unexpected quotation marks around the name `Belt and Road`
 *   3:22-3:32: Unexpected quotation marks around `chip war`
 *   3:45-3:87: Unexpected quotation marks around the name `Shenzhen Speedy Pioneer City Action Plan`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Police raided the "Viasna" group and Gazprom. The "Belt and Road" initiative grew.
 *
 *   The US escalated its "chip war" against the "Shenzhen Speedy Pioneer City Action Plan".
 *
 * @example {"name": "ok-scare.txt", "config": {"allowScareQuotes": true}}
 *   The US escalated its "chip war" against China.
 */
import { defineRule } from '../shared/rule.js';
import { wordList } from '../text/lexicon.js';
import type { QuoteMark } from '../text/quotes.js';
import { quotesOf } from '../text/quotes.js';
import { SPEECH_VERBS, type Token, wordsOf } from '../text/speech.js';

interface Options {
  /** Leave short lower-case quoted phrases (scare quotes) alone. */
  allowScareQuotes: boolean;
}

/** Nouns that follow or end the name of an organisation, project or programme. */
const NAME_NOUNS = wordList('quoted-name-name-nouns');

/** Words before a quotation that make it a word under discussion or a name being given. */
const DISCUSSION = wordList('quoted-name-discussion');

/** Words before a quoted title of a work. */
const WORKS = wordList('quoted-name-works');

/** Words after a quoted title of a work (`"Yellowstone" actor`). */
const AFTER_WORKS = wordList('quoted-name-after-works');

/** Words that may stay lower case in a title-case name (`Belt and Road`). */
const MINOR = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', '&', 'with', 'by', 'or']);

/** Speech-like verbs beyond `SPEECH_VERBS` that introduce partial quotations. */
const QUOTING = wordList('quoted-name-quoting');

const FOREIGN_MARKS = new Set(['«', '»', '„', '「', '」', '『', '』', '‹', '›']);

export default defineRule<Options>(
  {
    id: 'quoted-name',
    description: 'Quotation marks carried over from the source around names, slogans and scare-quoted phrases',
    category: 'quotes',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { allowScareQuotes: false },
  },
  (tree, context, options) => {
    if (context.language !== 'en') return;
    const { flats, analyses } = quotesOf(tree, context.language);
    analyses.forEach((analysis, index) => {
      const flat = flats[index];
      const text = analysis.text;
      for (const pair of analysis.pairs) {
        if (pair.depth !== 0 || pair.open.kind !== 'double') continue;
        const verdict = judge(text, pair.open, pair.close, options);
        if (!verdict) continue;
        const content = text.slice(pair.open.index + 1, pair.close.index).trim();
        const unquoted = text.slice(pair.open.index + 1, pair.close.index);
        const foreign = FOREIGN_MARKS.has(pair.open.char) && verdict === 'name';
        context.report({
          flat,
          from: pair.open.index,
          to: pair.close.index + 1,
          message:
            verdict === 'name'
              ? `Unexpected quotation marks around the name \`${content}\``
              : `Unexpected quotation marks around \`${content}\``,
          actual: text.slice(pair.open.index, pair.close.index + 1),
          expected: [unquoted],
          // Foreign marks around a name are never English: fix. Around other words they may be deliberate: suggest.
          fix: foreign ? unquoted : undefined,
          suggestions: foreign ? undefined : [{ desc: 'Remove the quotation marks', fix: unquoted }],
        });
      }
    });
  },
);

type Verdict = 'name' | 'scare' | undefined;

function judge(text: string, open: QuoteMark, close: QuoteMark, options: Readonly<Options>): Verdict {
  const content = text.slice(open.index + 1, close.index);
  const tokens = wordsOf(content);
  if (tokens.length === 0 || tokens.length > 8) return undefined;
  if (content.trim() !== content) return undefined; // `“ We ”`: a broken quotation, not a name.
  // Sentence punctuation inside or right after the closing mark: a quotation.
  if (/[.!?…,;:]$/.test(content) || /[!?]/.test(content)) return undefined;
  const sentenceStart = startOfSentence(text, open.index);
  const before = text.slice(sentenceStart, open.index);
  const beforeTokens = wordsOf(before);
  const previous = beforeTokens[beforeTokens.length - 1];
  const after = text.slice(close.index + 1);
  const next = wordsOf(after.slice(0, 40))[0];
  const nextDirect = next !== undefined && /^\s+$/.test(after.slice(0, next.start));
  const lastWord = tokens[tokens.length - 1].lower;

  // Speech: a colon or a speech verb before, a comma and attribution after.
  if (before.trimEnd().endsWith(':')) return undefined;
  if (beforeTokens.some((token) => isLowerCase(token) && (SPEECH_VERBS.has(token.lower) || QUOTING.has(token.lower)))) {
    return undefined;
  }
  if (/^\s*,/.test(after) && /\b(?:said|says|told|added|asked)\b/.test(after.slice(0, 60))) return undefined;
  if (before.trim() === '' && /^[,]/.test(after)) return undefined;
  // A term defined or glossed in parentheses: `BSS ("balanced salt solution")`, `"eutrophic" (normal BMI)`.
  if (before.trimEnd().endsWith('(') || after.trimStart().startsWith('(')) return undefined;
  // Words under discussion, titles of works.
  if (previous && (DISCUSSION.has(previous.lower) || WORKS.has(previous.lower))) return undefined;
  if (beforeTokens.length >= 2 && beforeTokens[beforeTokens.length - 2].lower === 'so') return undefined;
  if (/(?:so-called|known as|the letters?)$/i.test(before.trimEnd())) return undefined;
  if (nextDirect && AFTER_WORKS.has(next.lower)) return undefined;
  if (previous?.text.endsWith("'s") && !nextDirect) return undefined; // NBC's "Meet the Press"

  const capitalised = /^\p{Lu}/u.test(tokens[0].text);
  const titleCase = tokens.every((token) => /^[\p{Lu}\p{N}]/u.test(token.text) || MINOR.has(token.lower));
  const foreign = FOREIGN_MARKS.has(open.char) || FOREIGN_MARKS.has(close.char);

  if (capitalised) {
    if (nextDirect && NAME_NOUNS.has(next.lower)) return 'name';
    if (titleCase && tokens.length >= 2 && NAME_NOUNS.has(lastWord)) return 'name';
    if (foreign && titleCase && tokens.length <= 4) return 'name';
    if (titleCase && previous?.lower === 'the' && nextDirect && /^\p{Ll}/u.test(next.text) && tokens.length <= 4) {
      return 'name';
    }
    // A quoted proper name in running text (`talks with "Kilcher" on Friday`): one to three
    // capitalised words after a lower-case word, not a quoted sentence and not a work's title.
    if (
      titleCase &&
      tokens.length <= 3 &&
      previous !== undefined &&
      /^\p{Ll}/u.test(previous.text) &&
      (!next || /^\p{Ll}/u.test(next.text))
    ) {
      return 'name';
    }
    return undefined;
  }
  if (options.allowScareQuotes) return undefined;
  // A short lower-case phrase inside a sentence: scare quotes the source language put there.
  if (tokens.length > 6) return undefined;
  // Capitalised words make it a title; acronyms (`CCP`) and `I` do not.
  if (tokens.some((token) => /^\p{Lu}/u.test(token.text) && !/^\p{Lu}+$/u.test(token.text))) return undefined;
  if (beforeTokens.length === 0) return undefined;
  return 'scare';
}

function isLowerCase(token: Token): boolean {
  return /^\p{Ll}/u.test(token.text);
}

/** Index just after the last sentence end before `index` (`. `, `! `, `? `, not `U.S. `). */
function startOfSentence(text: string, index: number): number {
  for (let cursor = index - 1; cursor > 0; cursor--) {
    if (!/[.!?]/.test(text[cursor]) || !/\s/.test(text[cursor + 1] ?? '')) continue;
    if (text[cursor] === '.' && /(?:^|[\s.])\p{Lu}$/u.test(text.slice(Math.max(0, cursor - 3), cursor))) continue;
    return cursor + 1;
  }
  return 0;
}
