/**
 * ## stray-punctuation
 *
 * Finds a comma, semicolon, colon or full stop that belongs to nothing: at
 * the start of a paragraph (`, The police`), right after an opening bracket
 * or quotation mark (`(, which`, `“. We`), or alone between spaces after a
 * dash or another bracket (`— , the`). MT leaves these when it drops the
 * word the mark belonged to or moves a clause.
 *
 * In English documents it also finds a comma right after an article
 * (`the, police`) and a full stop after a word that never ends a sentence
 * (`about the. rich world`, `and. then`).
 *
 * A full stop between two other lower-case words (`This. is social
 * mobility`, `girlfriend. the latest`) is either stray or the next sentence
 * lost its capital letter. Where another sentence of the paragraph starts with
 * a capital after a full stop, or the paragraph starts with a capital and this
 * is its only lower-case start, the lower-case word stands out and the stop is
 * reported — unless the rest of the document shows that the MT system
 * lower-cases: an initialism in lower case after the words it stands for
 * (`pulmonary embolism (pe)`), degrees in lower case (`16 °c`), or a second
 * lower-case sentence start in a document with no capital letter but the
 * first of each paragraph (no name, no initialism, no `I`). There, and in
 * paragraphs that lower-case every sentence but the first, the two cannot be
 * told apart: `sentence-case` (opt-in) reports the lost capitals, and
 * `stopBeforeLowerCase: true` reports the stop there too.
 * Abbreviations (`etc. and`, `e.g. the`, `et al. found`, `Dr. Smith`),
 * initialisms, ellipses, addresses and lower-case names (`iPhone`, `mRNA`)
 * explain such a stop and are left alone either way.
 *
 * In English it also finds punctuation MT inserts inside a sentence: a
 * symbol glued to the end of a word (`got~ alarm`, `between_ two`, `scales^
 * and`, `word@ next`; not an address written with spaces, `name@ gmail .
 * com`), a `:` or `;` where no clause can end or start (`told; them`, `the:
 * cat`, `her: name`, `streaming: out`, by the words' parts of speech; a colon
 * that introduces something, `One thing: money`, is left alone), and a `!` or
 * `?` before a lower-case word in a paragraph that capitalises its sentences
 * (`rolled! their eyes`; not `“Stop!” he cried`, `Why? he asked`, `Yahoo!
 * users`). The symbol is removed by the fix, and so is a `:` or `;` after an
 * article; the others get no fix.
 *
 * Not flagged: an ellipsis (`...and then`, `(...)`), a leading decimal
 * (`.5`), a file extension or a name with a dot (`.NET`), emoticons (`(:`),
 * and marks after a word (that is `space-before-punctuation`) or after
 * another mark (that is `doubled-punctuation`).
 *
 * Fix: remove the mark and the space after it, where the mark starts a
 * paragraph or follows an opening bracket or quote (nothing else can be
 * meant there). Which quotation marks open depends on the document's
 * language: `„` opens in German, where `“` closes (`„so“, sagte er` is
 * correct). The comma after an article is removed, and so is a full stop
 * after a word that never ends a sentence (`the. rich`); other stops before
 * a lower-case word and a mark alone between spaces get no automatic fix.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 16 findings on the dev MT output, rater precision 93.8 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (2 findings, 2 audited real).
 *
 * @example {"name": "ok.txt"}
 *   ...and then (…) it fell by .5 points on .NET, “as expected.” (See below.)
 *   See e.g. the list, etc. and so on; Smith et al. found it. An iPhone. iPhones rock.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   , The police raided (, which was expected) the office.
 *
 *   “. We will not stop” — , said Viasna.
 *
 *   I saw the, fine print about the. rich world. This. is it.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:2: Unexpected `,` at the start of the paragraph
 *   1:22-1:23: Unexpected `,` after `(`
 *   3:2-3:3: Unexpected `.` after `“`
 *   3:24-3:25: Unexpected `,` that belongs to no word
 *   5:10-5:11: Unexpected `,` after the article `the`
 *   5:32-5:33: Unexpected `.` after `the`, a word that does not end a sentence
 *   5:50-5:51: Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The police raided (which was expected) the office.
 *
 *   “We will not stop” — , said Viasna.
 *
 *   I saw the fine print about the rich world. This. is it.
 *
 * @example {"name": "not-ok-capitalised.txt", "label": "input"}
 *   The sanctions. were announced on Monday. They hurt.
 *
 * @example {"name": "not-ok-capitalised.txt", "label": "output"}
 *   1:14-1:15: Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case
 *
 * @example {"name": "ok-lower-case-text.txt"}
 *   results are becoming well understood. patients after resection should be offered therapy.
 *
 * @example {"name": "ok-lower-case-document.txt"}
 *   Diagnosis of pulmonary embolism. reflections on the latest guideline.
 *
 *   The guideline on pulmonary embolism (pe) updates the 2014 version.
 *
 * @example {"name": "ok-no-capitals.txt"}
 *   Proteins were extracted at room temperature. chips were used to profile them.
 *
 *   All patients were followed up for 8 months. the wounds healed.
 *
 * @example {"name": "not-ok-capitalised-document.txt", "label": "input"}
 *   The sanctions. were announced on Monday.
 *
 *   The ministers met in Brussels. they agreed.
 *
 * @example {"name": "not-ok-capitalised-document.txt", "label": "output"}
 *   1:14-1:15: Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case
 *   3:30-3:31: Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case
 *
 * @example {"name": "not-ok-lower.txt", "label": "input", "config": {"stopBeforeLowerCase": true}}
 *   The sanctions. were announced, and the. rich left.
 *
 * @example {"name": "not-ok-lower.txt", "label": "output"}
 *   1:14-1:15: Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case
 *   1:39-1:40: Unexpected `.` after `the`, a word that does not end a sentence
 *
 * @example {"name": "not-ok-lower.txt", "label": "fixed"}
 *   The sanctions. were announced, and the rich left.
 *
 * @example {"name": "not-ok-inserted.txt", "label": "input"}
 *   The alarm system got~ installed between_ two scales^ and the word@ next to it. Send it to name@ gmail . com today.
 *
 *   He spat out her: name and told; them everything. The cost: of it was high; he left. One thing: money.
 *
 *   They rolled! their eyes and waited. “Stop!” he cried. Why? he asked. Yahoo! users left.
 *
 * @example {"name": "not-ok-inserted.txt", "label": "output"}
 *   1:21-1:22: Unexpected `~` after `got`
 *   1:40-1:41: Unexpected `_` after `between`
 *   1:52-1:53: Unexpected `^` after `scales`
 *   1:66-1:67: Unexpected `@` after `word`
 *   3:16-3:17: Unexpected `:` inside the phrase `her name`
 *   3:31-3:32: Unexpected `;` before `them`, a word that does not start a clause
 *   3:58-3:59: Unexpected `:` before `of`, a word that does not start a clause
 *   5:12-5:13: Unexpected `!` inside a sentence, before the lower-case word `their`
 *
 * @example {"name": "not-ok-inserted.txt", "label": "fixed"}
 *   The alarm system got installed between two scales and the word next to it. Send it to name@ gmail . com today.
 *
 *   He spat out her: name and told; them everything. The cost: of it was high; he left. One thing: money.
 *
 *   They rolled! their eyes and waited. “Stop!” he cried. Why? he asked. Yahoo! users left.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   # Title
 *
 *   ; *The* police left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   3:1-3:2: Unexpected `;` at the start of the paragraph
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   # Title
 *
 *   *The* police left.
 */
import { type FlatText, flatten } from '../nlcst/flat.js';
import { defineSummaryRule, type FlatReport, placed, type Report } from '../shared/rule.js';
import { wordList } from '../text/lexicon.js';
import {
  emoticonAt,
  endsAbbreviation,
  isDigit,
  isInlineSpace,
  isLetter,
  isLineBreak,
  isLower,
  isOpeningBracket,
  isOpeningQuoteIn,
  isTechnicalToken,
  isUpper,
  isWordChar,
  tokenAround,
} from '../text/punctuation.js';
import { tagWords } from '../text/tagger.js';

export interface StrayPunctuationOptions {
  /**
   * Flag a full stop between two lower-case words (`This. is it`) also in a
   * paragraph that never capitalises a sentence after a full stop, where it
   * may as well be a lost capital (`sentence-case` reports that).
   */
  stopBeforeLowerCase: boolean;
}

/** The marks that may stand alone (`,` `;` `:` `.`): the scan jumps from one to the next. */
const STRAY_CANDIDATE = /[,;:.]/g;
/** A character that can start a glued symbol, an `!` or a `?`: paragraphs without one skip those searches. */
const GLUED_OR_EXCLAMATION = /[_^@~!?]/;

/** Dashes after which a lone mark belongs to nothing. */
function isDash(char: string | undefined): boolean {
  return char === '—' || char === '–' || char === '-';
}

export default defineSummaryRule<StrayPunctuationOptions, StraySummary>(
  {
    id: 'stray-punctuation',
    description:
      'A `,` `;` `:` or `.` that belongs to no word (at a paragraph start, after `(` or `“`, or alone), or a mark inserted inside a sentence (`got~ alarm`, `told; them`)',
    category: 'punctuation',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { stopBeforeLowerCase: false },
  },
  {
    paragraph(paragraph, context, options) {
      const flat = flatten(paragraph);
      const evidence = caseOf(flat.text);
      let asked = false;
      const found: FlatReport[] = [];
      const unknown = () => {
        asked = true;
        return false;
      };
      checkParagraph(flat, context.language, options, unknown, (report) => found.push(report));
      if (found.length === 0 && !asked) return evidence;
      const summary: StraySummary = { ...evidence, otherwise: found.map(context.keep) };
      // Its findings depend on the whole document's verdict: keep both readings until `end`.
      if (asked) {
        const ifLowerCasing: FlatReport[] = [];
        checkParagraph(
          flat,
          context.language,
          options,
          () => true,
          (report) => ifLowerCasing.push(report),
        );
        summary.ifLowerCasing = ifLowerCasing.map(context.keep);
      }
      return summary;
    },
    end(summaries, context) {
      let initialism = false;
      let capitals = false;
      let lower = 0;
      for (const summary of summaries.list) {
        initialism ||= summary.initialism;
        capitals ||= summary.capitals;
        lower += summary.lower;
      }
      const lowerCasing = initialism || (lower >= 2 && !capitals);
      summaries.list.forEach((summary, index) => {
        const reports = (lowerCasing ? summary.ifLowerCasing : undefined) ?? summary.otherwise ?? [];
        for (const report of reports) context.report(placed(report, summaries.at[index]));
      });
    },
  },
);

/**
 * The stray marks of one paragraph. `lowerCasing` answers whether the whole
 * document starts sentences in lower case (see `noteCase`); it is asked only
 * about a full stop before a lower-case word in a paragraph that capitalises.
 */
function checkParagraph(
  flat: FlatText,
  language: string,
  options: Readonly<StrayPunctuationOptions>,
  lowerCasing: () => boolean,
  report: (report: FlatReport) => void,
): void {
  const text = flat.text;
  let capitalises: boolean | undefined;
  // Most characters are no candidate: find the next one with the regular expression's own scan.
  // (Nothing in the loop runs this function again, so the one expression's position is this scan's.)
  STRAY_CANDIDATE.lastIndex = 0;
  for (let found = STRAY_CANDIDATE.exec(text); found !== null; found = STRAY_CANDIDATE.exec(text)) {
    const index = found.index;
    const mark = found[0];
    if (!standsAlone(text, index)) continue;
    // Where is it? Look back over inline spaces.
    let back = index;
    while (back > 0 && isInlineSpace(text[back - 1])) back--;
    const before = text[back - 1];
    let message: string;
    let fixable = false;
    let keepSpace = false;
    if (back === 0 || isLineBreak(before)) {
      if (back !== 0) continue; // a line of a hard-wrapped or listed paragraph: too ambiguous
      message = `Unexpected \`${mark}\` at the start of the paragraph`;
      fixable = true;
    } else if (isOpeningBracket(before) || isOpeningQuoteIn(before, language)) {
      if (emoticonAt(text, index) > 0) continue;
      message = `Unexpected \`${mark}\` after \`${before}\``;
      fixable = true;
    } else if (isDash(before) && back < index && isInlineSpace(text[index + 1])) {
      // `— , said`: alone between spaces after a dash (a hyphen needs a space before it too).
      if (before === '-' && !isInlineSpace(text[back - 2])) continue;
      message = `Unexpected \`${mark}\` that belongs to no word`;
    } else if (mark === ',' && language === 'en' && articleBefore(text, index)) {
      message = `Unexpected \`,\` after the article \`${articleBefore(text, index)}\``;
      fixable = true;
      keepSpace = true;
    } else if ((mark === ':' || mark === ';') && language === 'en' && clauseBreakInside(text, index)) {
      // `the: cat`, `told; them`: a clause cannot end or start there.
      const reason = clauseBreakInside(text, index);
      message = `Unexpected \`${mark}\` ${reason}`;
      fixable = reason.startsWith('after the article');
      keepSpace = true;
    } else if (mark === '.' && language === 'en' && isMidSentenceStop(text, index)) {
      // After a word that cannot end a sentence (`the. rich`), the stop is stray for sure.
      const word = wordEndingAt(text, index);
      fixable = CANNOT_END.has(word.toLowerCase());
      if (!fixable && !options.stopBeforeLowerCase) {
        capitalises ??= capitalisesSentences(text);
        if (capitalises && lowerCasing()) capitalises = false;
      }
      if (fixable) message = `Unexpected \`.\` after \`${word}\`, a word that does not end a sentence`;
      else if (options.stopBeforeLowerCase || capitalises)
        message = 'Unexpected `.` before a lower-case word: a stray full stop, or a sentence that starts in lower case';
      else continue;
      keepSpace = true;
    } else continue;
    let end = index + 1;
    while (!keepSpace && isInlineSpace(text[end])) end++;
    report({
      flat,
      from: index,
      to: index + 1,
      message,
      actual: mark,
      expected: [''],
      fix: fixable ? { to: end, text: '' } : undefined,
    });
  }
  // Their patterns start with a look-behind tried at every position: skip them where they cannot match.
  if (!GLUED_OR_EXCLAMATION.test(text)) return;
  // `got~ alarm`, `between_ two`, `scales^ and`, `word@ next`: a symbol glued to the end of a word.
  for (const match of text.matchAll(GLUED_SYMBOL)) {
    const index = match.index + match[0].length - 1;
    if (!isGluedSymbol(text, index)) continue;
    report({
      flat,
      from: index,
      to: index + 1,
      message: `Unexpected \`${text[index]}\` after \`${wordEndingAt(text, index)}\``,
      actual: text[index],
      expected: [''],
      fix: '',
    });
  }
  if (language !== 'en') return;
  // `rolled! their eyes`, `sons? up until`: `!` or `?` before a lower-case word inside a sentence.
  for (const match of text.matchAll(EXCLAMATION_BEFORE_LOWER)) {
    const index = match.index + match[0].length - 1;
    if (!isMidSentenceExclamation(text, index)) continue;
    capitalises ??= capitalisesSentences(text);
    if (!capitalises) continue;
    report({
      flat,
      from: index,
      to: index + 1,
      message: `Unexpected \`${text[index]}\` inside a sentence, before the lower-case word \`${nextWord(text, index)}\``,
      actual: text[index],
      expected: [''],
    });
  }
}

/** What a paragraph shows of the document's case (see `caseOf`), and its findings (relative to it). */
interface StraySummary {
  /** A lower-case initialism (`(pe)`) or degree (`16 °c`). */
  initialism: boolean;
  /** A capital letter after the paragraph's first letter. */
  capitals: boolean;
  /** Full stops before a lower-case word (counted only where there is neither of the above). */
  lower: number;
  /** The findings if the document does not lower-case its sentences. */
  otherwise?: Report[];
  /** The findings if it does, when they differ. */
  ifLowerCasing?: Report[];
}

/** A symbol right after two lower-case letters, before a space: `got~ alarm`. */
const GLUED_SYMBOL = /(?<=\p{Ll}\p{Ll})[_^@~](?=[ \t]+\p{L})/gu;

/**
 * `got~ alarm`: a symbol at the end of a word that no use explains: not an
 * e-mail address written with spaces (`name@ gmail . com`), not emphasis
 * closed with an underscore (`_very_ good`), not a smiley (`^_^`).
 */
function isGluedSymbol(text: string, index: number): boolean {
  const symbol = text[index];
  const word = tokenAround(text, index - 1);
  if (/[_^@~]/.test(word.token.slice(0, -1))) return false;
  const rest = text.slice(index + 1, index + 40);
  if (symbol === '@' && /^\s*[\p{L}\d-]+\s*(?:\.|dot\b)/u.test(rest)) return false;
  return true;
}

const EXCLAMATION_BEFORE_LOWER = /(?<=\p{Ll}{2})[!?](?= \p{Ll})/gu;
/** Words that follow speech and may follow its `!` or `?` (`Stop! he cried`, `Why? she asked`). */
const AFTER_SPEECH = wordList('stray-punctuation-after-speech');
/** Interjections a lower-case word may follow (`oh! how`, `hey? you`). */
const INTERJECTION =
  /^(?:oh|ah|aha|hey|ha|wow|alas|ouch|well|yes|no|yeah|okay|ok|huh|eh|hmm|what|why|how|who|where|when|right|really|sure|please|indeed|too)$/;

/**
 * `rolled! their eyes`: the word after is no speech attribution (`Stop! he
 * cried`), the word before no interjection or question word (`why? because`)
 * and not part of a name with the mark (`Yahoo! users`, `Jeopardy! host`).
 */
function isMidSentenceExclamation(text: string, index: number): boolean {
  const before = wordEndingAt(text, index);
  if (before.length < 2 || INTERJECTION.test(before.toLowerCase())) return false;
  if (isUpper(text[index - before.length])) return false;
  const next = nextWord(text, index);
  if (AFTER_SPEECH.has(next.toLowerCase())) return false;
  return true;
}

function nextWord(text: string, index: number): string {
  let start = index + 1;
  while (isInlineSpace(text[start])) start++;
  let end = start;
  while (end < text.length && end - start < 64 && isLetter(text[end])) end++;
  return text.slice(start, end);
}

/** Words after which no clause ends: a `:` or `;` after them is stray. */
const NO_CLAUSE_END = wordList('stray-punctuation-no-clause-end');
/**
 * The mark splits a phrase, by the words' parts of speech: a determiner or
 * possessive and its noun (`her: name`, `that; relationship`), a verb and its
 * particle (`streaming: out`); after `;` also a superlative and its noun
 * (`most; cruel`). An adjective may end a list item (`47 female; average
 * age 61`). A verb and what follows may be two clauses (`wait; the
 * interval is`, `he left; his wife stayed`). A colon
 * after an adjective or a verb often introduces what follows (`simple:
 * greed`, `include: flour`) and is left alone.
 */
function splitsPhrase(mark: string, before: string, after: string): boolean {
  const lower = after.toLowerCase();
  const [left, right] = tagWords([before.toLowerCase(), lower]);
  const noun = right === 'NN' || right === 'NNS';
  if ((left === 'DT' || left === 'PRP$' || left === 'PDT') && (noun || right === 'JJ')) return true;
  if (left.startsWith('VB') && (right === 'RP' || PARTICLES.has(lower))) return true;
  if (mark !== ';') return false;
  return (left === 'JJS' || left === 'RBS') && (noun || right === 'JJ');
}

const PARTICLES = new Set(['out', 'up', 'down', 'off', 'away', 'back']);

/** The words of `NO_CLAUSE_END` that no colon may follow either. */
const NO_CLAUSE_END_BEFORE_COLON = wordList('stray-punctuation-no-clause-end-before-colon');

/** Words that start no clause after `;` or `:` (`told; them`, `cost: of`). */
const NO_CLAUSE_START = new Set(['of', 'them', 'him', 'whom', 'than', 'been', 'being']);

/**
 * A `:` or `;` glued to a lower-case word and followed by a lower-case word,
 * where no clause ends before it or starts after it: the reason, or '' when
 * the mark may be right (`one thing: money`, `he left; she stayed`).
 */
function clauseBreakInside(text: string, index: number): string {
  if (!isInlineSpace(text[index + 1]) || !isLower(text[index + 2]) || !isLower(text[index - 1])) return '';
  const before = wordEndingAt(text, index);
  const start = index - before.length;
  if (before.length === 0 || (start > 0 && !isInlineSpace(text[start - 1]) && !/["“(]/.test(text[start - 1])))
    return '';
  const after = nextWord(text, index);
  if (text[index + 2 + after.length] === "'" || text[index + 2 + after.length] === '’') return '';
  const lower = before.toLowerCase();
  if (ARTICLES.has(lower)) return `after the article \`${before}\``;
  // A colon may follow a verb or a particle that introduces what follows (`what it asks is: do…`, `going on: some`).
  if (NO_CLAUSE_END.has(lower) && (text[index] === ';' || NO_CLAUSE_END_BEFORE_COLON.has(lower)))
    return `after \`${before}\`, a word that does not end a clause`;
  // `of course` and `to be sure` start asides.
  if (NO_CLAUSE_START.has(after) && !/^of course/.test(text.slice(index + 2, index + 12)))
    return `before \`${after}\`, a word that does not start a clause`;
  return splitsPhrase(text[index], before, after) ? `inside the phrase \`${before} ${after}\`` : '';
}

/** The mark is followed by a space or a word start, not by more marks (`...`) or a digit (`.5`). */
function standsAlone(text: string, index: number): boolean {
  const mark = text[index];
  const after = text[index + 1];
  if (after === undefined) return false;
  if (mark === '.' && (after === '.' || isWordChar(after))) return false;
  if (text[index - 1] === '.' || after === '.' || after === '…') return false;
  if (isWordChar(after)) return mark === ',' || mark === ';';
  return isInlineSpace(after) && isWordChar(text[index + 2]) === true
    ? true
    : isInlineSpace(after) && (text[index + 2] === '“' || text[index + 2] === '"' || text[index + 2] === '(');
}

/** `the, word`: the article before the comma at `index` (`the`, `a`, `an`), or ''. */
function articleBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 3 && isLetter(text[start - 1])) start--;
  if (start > 0 && (isLetter(text[start - 1]) || isDigit(text[start - 1]))) return '';
  const word = text.slice(start, index);
  if (!ARTICLES.has(word.toLowerCase())) return '';
  // The next word: lower case and not a single letter (`points a, b and c`).
  if (!isInlineSpace(text[index + 1]) || !isLower(text[index + 2]) || !isLetter(text[index + 3])) return '';
  return word;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const LIST_MARKER = /^(?:[a-z]|[ivx]{1,4})$/;

/**
 * `This. is it`: a full stop after a lower-case word and before a lower-case
 * word, where no abbreviation, initialism, ellipsis or address explains it.
 */
function isMidSentenceStop(text: string, index: number): boolean {
  if (!isInlineSpace(text[index + 1]) || !isLower(text[index + 2])) return false;
  // The word before: at least three letters, ending in lower case, no dots inside.
  let start = index;
  while (start > 0 && index - start < 64 && isLetter(text[start - 1])) start--;
  if (index - start < 3 || !isLower(text[index - 1]) || !isLower(text[index - 2])) return false;
  if (start > 0 && (text[start - 1] === '.' || isDigit(text[start - 1]))) return false;
  if (endsAbbreviation(text, index)) return false;
  if (isTechnicalToken(tokenAround(text, index).token)) return false;
  // The word after: no capital inside (`iPhone`, `mRNA`, `eBay`), not a list marker (`a)`, `ii.`).
  let end = index + 2;
  while (end < text.length && end - index < 66 && isLetter(text[end])) end++;
  const next = text.slice(index + 2, end);
  for (const char of next) if (isUpper(char)) return false;
  if ((text[end] === ')' || text[end] === '.') && LIST_MARKER.test(next)) return false;
  return true;
}

/**
 * True when some sentence of the paragraph starts with a capital after a full
 * stop that ends a word (`left. The`), not an abbreviation (`Dr. Smith`), or
 * the paragraph starts with a capital and has one lower-case start at most:
 * the text capitalises its sentences, so a lower-case word after a stop stands
 * out. MT output that lower-cases every sentence but the first has several.
 */
function capitalisesSentences(text: string): boolean {
  const first = text.search(/\p{L}/u);
  if (first >= 0 && isUpper(text[first]) && lowerCaseStarts(text) <= 1) return true;
  for (let index = text.indexOf('.'); index >= 0; index = text.indexOf('.', index + 1)) {
    let next = index + 1;
    if (!isInlineSpace(text[next])) continue;
    while (isInlineSpace(text[next])) next++;
    if (text[next] === '“' || text[next] === '"' || text[next] === '(') next++;
    if (!isUpper(text[next])) continue;
    if (!isLower(text[index - 1]) || !isLetter(text[index - 2]) || endsAbbreviation(text, index)) continue;
    return true;
  }
  return false;
}

/** How many full stops of the paragraph stand before a lower-case word. */
function lowerCaseStarts(text: string): number {
  let count = 0;
  for (let index = text.indexOf('.'); index >= 0; index = text.indexOf('.', index + 1)) {
    if (isMidSentenceStop(text, index)) count++;
  }
  return count;
}

/** Words that never end an English sentence: a full stop after them is stray. */
const CANNOT_END = wordList('stray-punctuation-cannot-end');

function wordEndingAt(text: string, index: number): string {
  let start = index;
  while (start > 0 && index - start < 64 && isLetter(text[start - 1])) start--;
  return text.slice(start, index);
}

/**
 * What a paragraph shows of the document's case. The document lower-cases
 * text (its MT system does) when it writes an initialism in lower case after
 * the words it abbreviates (`pulmonary embolism (pe)`) or degrees in lower
 * case (`16 °c`), or it starts two sentences in lower case after a full stop
 * and has no capital letter at all but the first of each paragraph (no name,
 * no initialism, no `I`). There a full stop before a lower-case word is as
 * likely a lost capital as a stray stop, and `sentence-case` is the rule for
 * it. Where a paragraph has an initialism or a capital, its lower-case starts
 * cannot matter and are not counted: the scan stays short. Most paragraphs
 * share one of three frozen answers.
 */
function caseOf(text: string): StraySummary {
  if (lowerCaseInitialism(text) || LOWER_CASE_DEGREES.test(text)) return LOWER_CASE_INITIALISM;
  const first = text.search(/\p{L}/u);
  if (first >= 0) for (let index = first + 1; index < text.length; index++) if (isUpper(text[index])) return CAPITALS;
  const lower = lowerCaseStarts(text);
  return lower === 0 ? NO_EVIDENCE : { initialism: false, capitals: false, lower };
}

const LOWER_CASE_INITIALISM: StraySummary = Object.freeze({ initialism: true, capitals: false, lower: 0 });
const CAPITALS: StraySummary = Object.freeze({ initialism: false, capitals: true, lower: 0 });
const NO_EVIDENCE: StraySummary = Object.freeze({ initialism: false, capitals: false, lower: 0 });

const LOWER_CASE_DEGREES = /°[cf](?!\p{L})/u;
const BRACKETED_LOWER = /\(([a-z]{2,6}(?:-[a-z]{1,4})?)\)/g;

/** `pulmonary embolism (pe)`: an initialism in lower case after the words it abbreviates. */
function lowerCaseInitialism(text: string): boolean {
  for (const match of text.matchAll(BRACKETED_LOWER)) {
    const letters = match[1].replace('-', '');
    const words = text
      .slice(Math.max(0, match.index - 200), match.index)
      .split(/[\s-]+/)
      .filter((word) => /\p{L}/u.test(word));
    if (words.length < letters.length) continue;
    const initials = words
      .slice(-letters.length)
      .map((word) => word.replace(/^[^\p{L}]+/u, '')[0])
      .join('');
    if (initials === letters) return true;
  }
  return false;
}
