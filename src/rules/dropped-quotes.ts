/**
 * ## dropped-quotes
 *
 * Finds speech that MT left without quotation marks:
 *
 * - first- or second-person speech attributed to someone else
 *   (`We will not stop our work, the group said.`, `…, said the minister.`,
 *   `According to the minister, we will win.`, `he told reporters, We will
 *   cooperate.`), and any speech after `said:` (`Reeves said: The party is
 *   strong.`);
 * - speech that goes on in the first or second person after an attribution
 *   in the same paragraph (`“…,” he told Putin. Of course you understand
 *   that we …`);
 * - an opening quotation mark in the middle of speech, after a clause that is
 *   already speech (`We will punish them; “We are working …,” he told Putin.`).
 *
 * When a document shows any of these, MT has been dropping quotation marks in
 * it, and its other inverted attributions (`Lukashenko understands that no one
 * but Russia will give him money, Pavel Marinich told The Daily Beast.`) are
 * reported too, as possible dropped quotes. Turn that off with
 * `"escalate": false`.
 *
 * Reported speech in the third person (`The economy is improving, the minister
 * said.`) is correct English and is not flagged on its own. Nor is a narrator's
 * own `I` and `we`: in a document that speaks in the first person outside
 * attributions (a talk, an essay), only attributed first-person clauses are
 * checked. The rule reads English only.
 *
 * A finding marks the first word of the speech, where the opening quotation
 * mark belongs; its related place is where the speech ends (or, for a
 * quotation opened too late, the misplaced opening mark). No fix: where the
 * quotation starts and ends is for a person to decide.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; no findings on the dev MT output; 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   The economy is improving, the minister said. “We will not stop,” the group said.
 *
 *   I told my mother we would come, and she agreed. When we arrived, the police told us to leave.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   We will not stop our human rights activities, Viasna said in a statement afterwards.
 *
 *   He complained about the NGOs. We will punish them; “We are working on it,” Lukashenko told Putin. Of course you should understand that we cannot treat them in another way.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:3: Speech attributed to `Viasna` has no quotation marks
 *   3:31-3:33: Opening quotation mark in the middle of speech: `We will punish them;` is speech too
 *   3:99-3:101: Speech continues after the attribution without quotation marks
 *
 * @example {"name": "not-ok-escalate.txt", "label": "input"}
 *   We will not stop, Viasna said in a statement.
 *
 *   Lukashenko understands that no one but Russia will give him money, Pavel Marinich told The Daily Beast.
 *
 * @example {"name": "not-ok-escalate.txt", "label": "output"}
 *   1:1-1:3: Speech attributed to `Viasna` has no quotation marks
 *   3:1-3:11: Possibly dropped quotation marks around speech attributed to `Pavel Marinich`
 */
import type { Paragraph } from 'nlcst';
import { flatten, textLengthOf } from '../nlcst/flat.js';
import { isParsed, sentenceRangesOf } from '../nlcst/parse.js';
import { blockKind } from '../nlcst/walk.js';
import { defineSummaryRule, documentInfoFor, type FlatReport, placed, type Report } from '../shared/rule.js';
import { analyzeQuotes, paragraphQuotes, type QuoteAnalysis } from '../text/quotes.js';
import {
  isFirstOrSecondPerson,
  leadingAccordingTo,
  leadingAttributions,
  mayHaveFirstOrSecondPerson,
  mayHaveSpeechVerb,
  SPEECH_VERBS,
  startsWithSubordinator,
  type Token,
  trailingAccordingTo,
  trailingAttribution,
  wordsOf,
} from '../text/speech.js';

interface Options {
  /** Also report third-person inverted attributions in documents that drop quotes elsewhere. */
  escalate: boolean;
}

interface Candidate {
  /** Over the paragraph's flat text, which the caller adds. */
  report: Omit<FlatReport, 'flat'>;
  kind: 'first' | 'lead' | 'continuation' | 'middle' | 'third';
}

/** What one paragraph shows: its candidates, its sentences, and those a first-person narrator speaks. */
interface ParagraphSpeech {
  candidates: Candidate[];
  sentences: number;
  narrator: number;
}

/**
 * What a paragraph adds to the verdict: its candidates (offsets relative to
 * the paragraph) and counts; or, for a paragraph that can yield no candidate
 * and was not parsed yet, how long it is (`deferred` characters from its
 * start), to be parsed at `end` only if its sentences decide the verdict:
 * `personal` when it may speak in the first or second person (narrator
 * sentences), else it has sentences only. `lint` keeps one per paragraph until
 * `end`: the usual ones are shared (`counted`, `deferred`).
 */
type ParagraphSummary =
  | { candidates: ReadonlyArray<{ kind: Candidate['kind']; report: Report }>; sentences: number; narrator: number }
  | { deferred: number; personal: boolean };

const shared = new Map<number, ParagraphSummary>();

/** The summary of a paragraph without candidates (one object for each small pair of counts). */
function counted(sentences: number, narrator: number): ParagraphSummary {
  if (sentences >= 1024 || narrator >= 1024) return { candidates: [], sentences, narrator };
  const key = sentences * 1024 + narrator;
  let summary = shared.get(key);
  if (!summary) {
    summary = Object.freeze({ candidates: Object.freeze([]), sentences, narrator });
    shared.set(key, summary);
  }
  return summary;
}

/** The summary of a deferred paragraph of `length` characters (shared up to 4,096). */
function deferred(length: number, personal: boolean): ParagraphSummary {
  if (length >= 4096) return { deferred: length, personal };
  const key = -1 - (length * 2 + (personal ? 1 : 0));
  let summary = shared.get(key);
  if (!summary) {
    summary = Object.freeze({ deferred: length, personal });
    shared.set(key, summary);
  }
  return summary;
}

/**
 * What the document shows: its candidates and how much of it a first-person
 * narrator speaks, with the deferred paragraphs as stretches of the text,
 * `[start, end, …]`.
 */
interface Speech {
  candidates: Array<{ kind: Candidate['kind']; report: Report }>;
  sentences: number;
  narrator: number;
  personal: number[];
  plain: number[];
}

export default defineSummaryRule<Options, ParagraphSummary>(
  {
    id: 'dropped-quotes',
    description: 'Speech left without quotation marks, or a quotation opened in the middle of speech',
    category: 'quotes',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: false,
    defaultOptions: { escalate: true },
  },
  {
    paragraph(paragraph, context) {
      if (context.language !== 'en' || blockKind(paragraph) === 'other') return undefined;
      const flat = flatten(paragraph);
      // A paragraph not parsed yet that can yield no candidate counts only towards the narrator's share.
      if (
        documentInfoFor(context.file).prefilter === true &&
        !isParsed(paragraph) &&
        flat.startAt(0) === context.at &&
        !mayAttribute(flat.text)
      )
        return deferred(flat.endAt(flat.text.length) - context.at, mayHaveFirstOrSecondPerson(flat.text));
      const speech = speechOf(flat.text, sentenceRanges(paragraph), paragraphQuotes(paragraph, 'en'));
      if (speech.candidates.length === 0) return counted(speech.sentences, speech.narrator);
      return {
        candidates: speech.candidates.map(({ kind, report }) => ({ kind, report: context.keep({ ...report, flat }) })),
        sentences: speech.sentences,
        narrator: speech.narrator,
      };
    },
    end(summaries, context, options) {
      const state: Speech = { candidates: [], sentences: 0, narrator: 0, personal: [], plain: [] };
      summaries.list.forEach((summary, index) => {
        const at = summaries.at[index];
        if ('deferred' in summary) {
          (summary.personal ? state.personal : state.plain).push(at, at + summary.deferred);
          return;
        }
        state.sentences += summary.sentences;
        state.narrator += summary.narrator;
        for (const { kind, report } of summary.candidates) state.candidates.push({ kind, report: placed(report, at) });
      });
      // Only candidates other than `first` depend on whether the document has a narrator.
      const dependent = state.candidates.some((candidate) => candidate.kind !== 'first');
      const narrative = dependent && isNarrative(state, context.text);
      const confident = state.candidates.some((candidate) => candidate.kind !== 'third');
      for (const candidate of state.candidates) {
        if (narrative && candidate.kind !== 'first') continue;
        if (candidate.kind === 'third' && !(options.escalate && confident && !narrative)) continue;
        context.report(candidate.report);
      }
    },
  },
);

/**
 * A document that speaks in the first person itself: its `we` is the
 * narrator's. The paragraphs kept as stretches are parsed only as far as the
 * verdict needs: those with a pronoun when the narrator may reach three
 * sentences, the others only when one sentence each is not enough to settle
 * the share.
 */
function isNarrative(state: Speech, text: string): boolean {
  let { narrator, sentences } = state;
  for (let index = 0; index < state.personal.length; index += 2) {
    const stretch = text.slice(state.personal[index], state.personal[index + 1]);
    const speech = speechOf(stretch, sentenceRangesOf(stretch), analyzeQuotes(stretch, 'en'));
    narrator += speech.narrator;
    sentences += speech.sentences;
  }
  if (narrator < 3) return false;
  // Every plain paragraph has a sentence at least (a lazy paragraph is never blank).
  if (narrator < (sentences + state.plain.length / 2) * 0.1) return false;
  for (let index = 0; index < state.plain.length; index += 2)
    sentences += sentenceRangesOf(text.slice(state.plain[index], state.plain[index + 1])).length;
  return narrator >= sentences * 0.1;
}

/**
 * False when no sentence of the paragraph can give a candidate: every kind
 * needs a speech verb (`SPEECH_VERBS`, or one of `ATTRIBUTION_ONLY`'s) or
 * `according to`. Such a paragraph only counts sentences and narrator ones.
 * Substring and word-hint tests: linear, no backtracking.
 */
function mayAttribute(text: string): boolean {
  return (
    mayHaveSpeechVerb(text) ||
    text.includes('shouted') ||
    text.includes('cried') ||
    text.includes('whispered') ||
    text.includes('ccording to ')
  );
}

/** Candidates and counts of one paragraph, from its flat text, its sentences and its quotation marks. */
function speechOf(
  text: string,
  sentenceList: ReadonlyArray<[number, number]>,
  analysis: Pick<QuoteAnalysis, 'marks' | 'pairs'>,
): ParagraphSpeech {
  const candidates: Candidate[] = [];
  let sentences = 0;
  let narrator = 0;
  const quoteMarks = analysis.marks.filter((mark) => mark.role === 'open' || mark.role === 'close');
  const hasQuote = (from: number, to: number) => quoteMarks.some((mark) => mark.index >= from && mark.index < to);
  // Inside a quotation of several sentences (`“Come now. We need water. Bring it all,” she said.`),
  // or one that runs on into the next paragraph (fiction leaves its closing mark out there).
  const inQuotation = (from: number, to: number) =>
    analysis.pairs.some((pair) => pair.open.index < from && pair.close.index >= to - 1) ||
    quoteMarks.some(
      (mark) =>
        (mark.role === 'open' && mark.pair < 0 && mark.index < from) ||
        (mark.role === 'close' && mark.pair < 0 && mark.index >= to - 1),
    );
  // A finding marks where the opening quotation mark belongs: the first word of the speech.
  // Where the speech ends is a related place.
  const range = (from: number, to: number, endMessage = 'The speech ends here') => {
    const first = wordsOf(text, from, to)[0];
    const end = first ? first.end : to;
    return {
      from: first ? first.start : from,
      to: end,
      related: [{ message: endMessage, from: Math.max(from, to - 1), to }],
    };
  };
  let previousAttributed = false;
  let previous: [number, number] | undefined;

  for (const [from, to] of sentenceList) {
    sentences++;
    const sentence = text.slice(from, to);
    // `Do you mind? Kayel asked.`: an attribution on its own after a question or speech.
    const speech = previous;
    previous = [from, to];
    if (speech && ATTRIBUTION_ONLY.test(sentence) && !hasQuote(speech[0], to) && !inQuotation(speech[0], to)) {
      const end = trimEnd(text, speech[1]);
      const tokens = wordsOf(text, speech[0], end);
      const question = text[end - 1] === '?';
      if (tokens.length >= 3 && (question || isFirstOrSecondPerson(tokens)) && !startsWithSubordinator(tokens)) {
        const speaker = /^\s*(\S+(?: \p{Lu}\S*)*)/u.exec(sentence)?.[1] ?? '';
        candidates.push({
          kind: 'first',
          report: {
            ...range(speech[0], end),
            message: `Speech attributed to \`${speaker}\` has no quotation marks`,
          },
        });
        previousAttributed = true;
        continue;
      }
    }
    const attribution = trailingAttribution(sentence);
    let attributed = false;
    let person = false;
    // Speech after `she writes, I like …` ends with its sentence: the next one is the narrator's again.
    let leadOnly = false;

    // An opening quotation mark after a clause that is already speech.
    const opening = quoteMarks.find((mark) => mark.role === 'open' && mark.index >= from && mark.index < to);
    if (opening && attribution && attribution.speechEnd > opening.index - from) {
      const before = text.slice(from, opening.index);
      const tokens = wordsOf(before);
      if (
        tokens.length >= 3 &&
        endsClause(before) &&
        isFirstOrSecondPerson(tokens) &&
        !startsWithSubordinator(tokens) &&
        !tokens.some((token) => SPEECH_VERBS.has(token.lower))
      ) {
        const clause = before.trimEnd();
        candidates.push({
          kind: 'middle',
          report: {
            ...range(from, opening.index + 1, 'The quotation opens here instead'),
            message: `Opening quotation mark in the middle of speech: \`${clause}\` is speech too`,
          },
        });
        person = true;
      }
    }

    // The last speech verb whose speech has no quotation marks (`They added: "…" Reeves said: I …`).
    const lead = attribution
      ? undefined
      : leadingAttributions(sentence).findLast((candidate) => !hasQuote(from + candidate.speechStart, to));
    // A question after `asks:` may stand without quotation marks (`The question is: Why?`).
    const question = sentence.trimEnd().endsWith('?') || /^ask/.test(lead?.verb ?? '');
    if (lead && !question && !hasQuote(from + lead.speechStart, to) && !inQuotation(from + lead.speechStart, to)) {
      const tokens = wordsOf(text, from + lead.speechStart, to);
      if (tokens.length >= 3 && (lead.colon || isFirstOrSecondPerson(tokens))) {
        attributed = true;
        person = true;
        // A narrator reading out (`And she writes, I like …`) speaks in the present tense; news
        // attributes in the past (`he told reporters, We will … I think that's our job.`).
        leadOnly = /s$/.test(lead.verb);
        candidates.push({
          // `said:` and a capital letter is speech even in a first-person text.
          kind: lead.colon ? 'first' : 'lead',
          report: {
            ...range(from + lead.speechStart, trimEnd(text, to)),
            message: `Speech introduced by \`${lead.verb}\` has no quotation marks`,
          },
        });
      }
    }

    if (attribution) {
      attributed = true;
      const speechEnd = from + attribution.speechEnd;
      const tokens = wordsOf(text, from, speechEnd);
      if (
        !hasQuote(from, speechEnd) &&
        !inQuotation(from, speechEnd) &&
        tokens.length >= 3 &&
        !startsWithSubordinator(tokens) &&
        !isIndirect(tokens)
      ) {
        if (isFirstOrSecondPerson(tokens)) {
          person = true;
          candidates.push({
            kind: 'first',
            report: {
              ...range(from, speechEnd),
              message: `Speech attributed to \`${attribution.speaker}\` has no quotation marks`,
            },
          });
        } else if (
          attribution.named &&
          attribution.separated !== false &&
          tokens.length >= 6 &&
          /^\p{Lu}/u.test(tokens[0].text)
        ) {
          candidates.push({
            kind: 'third',
            report: {
              ...range(from, speechEnd),
              message: `Possibly dropped quotation marks around speech attributed to \`${attribution.speaker}\``,
            },
          });
        }
      }
    } else if (!hasQuote(from, to) && !inQuotation(from, to)) {
      // According to X, <speech>. / <speech>, according to X — when X is someone who speaks.
      const leading = leadingAccordingTo(sentence);
      const trailing = trailingAccordingTo(sentence);
      const source =
        leading !== undefined ? sentence.slice(0, leading) : trailing !== undefined ? sentence.slice(trailing) : '';
      const speech: [number, number] | undefined =
        leading !== undefined ? [from + leading, to] : trailing !== undefined ? [from, from + trailing] : undefined;
      if (speech && speaks(source)) {
        const tokens = wordsOf(text, speech[0], speech[1]);
        if (tokens.length >= 3 && isFirstOrSecondPerson(tokens) && !startsWithSubordinator(tokens)) {
          person = true;
          attributed = true;
          candidates.push({
            kind: 'first',
            report: {
              ...range(speech[0], speech[1]),
              message: 'Speech attributed with `according to` has no quotation marks',
            },
          });
        }
      }
    }

    // The pronoun test first: most sentences have none, and then need no tokens.
    if (!attributed && !hasQuote(from, to) && !inQuotation(from, to) && mayHaveFirstOrSecondPerson(sentence)) {
      const tokens = wordsOf(text, from, to);
      if (isFirstOrSecondPerson(tokens)) {
        if (previousAttributed && tokens.length >= 4 && !startsWithSubordinator(tokens)) {
          person = true;
          attributed = true;
          candidates.push({
            kind: 'continuation',
            report: {
              ...range(from, trimEnd(text, to)),
              message: 'Speech continues after the attribution without quotation marks',
            },
          });
        } else narrator++;
      }
    }
    if (!person && !attributed && hasQuote(from, to)) {
      // A direct quotation with its attribution: speech may continue after it.
      attributed = attribution !== undefined;
    }
    previousAttributed = attributed && !leadOnly;
  }
  return { candidates, sentences, narrator };
}

/**
 * A sentence that is only an attribution: a name or pronoun, a speech verb,
 * then nothing, a comma or an adverb (`Kayel asked.`, `He said hurriedly,
 * …`, `Nemic asked, a little surprised.`): the sentence before is its speech.
 */
const ATTRIBUTION_ONLY =
  /^\s*(?:\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}|he|she|they) (?:said|asked|added|replied|answered|explained|shouted|cried|whispered|told \p{Lu}[\p{L}'’-]*|told (?:him|her|them|me|us))(?: \p{Ll}+ly)?\s*(?:[,.!]|$)/u;

/** Things that do not speak: `According to the survey, we spend more` is no speech. */
const NOT_SPEAKERS = new Set(
  'survey surveys study studies report reports data poll polls statistics figures estimates estimate research analysis law laws rule rules plan plans forecast forecasts census document documents records record website map maps tradition legend calendar schedule index ranking rankings results findings model models theory bible scripture guidelines guideline agreement contract constitution treaty article articles paper papers book books the'.split(
    ' ',
  ),
);

/** The source named by `According to X,` is someone who speaks (not `the survey`, `the data`). */
function speaks(source: string): boolean {
  const words = wordsOf(trimTrailing(stripAccordingTo(source)));
  const head = words.at(-1);
  return head !== undefined && !NOT_SPEAKERS.has(head.lower);
}

/** `He told reporters that we …`, `She asked whether we …`: an indirect statement, not the speech itself. */
function isIndirect(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token, index) =>
      SPEECH_VERBS.has(token.lower) &&
      tokens
        .slice(index + 1, index + 4)
        .some((next) => next.lower === 'that' || next.lower === 'whether' || next.lower === 'if'),
  );
}

/** Sentence ranges of a paragraph as indices into its flat text. */
function sentenceRanges(paragraph: Paragraph): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let offset = 0;
  for (const child of paragraph.children) {
    const length = textLengthOf(child);
    if (child.type === 'SentenceNode') ranges.push([offset, offset + length]);
    offset += length;
  }
  return ranges;
}

/** `… punish them; “` or `… punish them “`: a clause ends right before the opening mark. */
function endsClause(before: string): boolean {
  const trimmed = before.trimEnd();
  return /[;,—–]$/.test(trimmed) || (trimmed.length < before.length && /\p{L}$/u.test(trimmed));
}

function trimEnd(text: string, to: number): number {
  let end = to;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** `, according to X` → `X`: by hand, as the regular expression backtracked on long runs of white space. */
function stripAccordingTo(text: string): string {
  let index = 0;
  while (index < text.length && /\s/u.test(text[index])) index++;
  if (text[index] === ',') index++;
  while (index < text.length && /\s/u.test(text[index])) index++;
  const phrase = 'according to';
  if (text.slice(index, index + phrase.length).toLowerCase() !== phrase) return text;
  let after = index + phrase.length;
  if (after >= text.length || !/\s/u.test(text[after])) return text;
  while (after < text.length && /\s/u.test(text[after])) after++;
  return text.slice(after);
}

/** Drops trailing commas, full stops and white space (a scan from the end: linear). */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && /[,.\s]/u.test(text[end - 1])) end--;
  return text.slice(0, end);
}
