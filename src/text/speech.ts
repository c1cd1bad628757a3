/**
 * Speech in news text: the verbs that attribute it (`said`, `told`,
 * `according to`), grammatical person of a clause (first, second or third),
 * and attributions that follow the speech (`…, the minister said.`,
 * `…, said the minister.`, `“…,” Lukashenko told Putin.`).
 *
 * Plain-string helpers: rules pass a sentence's flat text and map indices back.
 */

/** Verbs that attribute speech, in the forms news uses after the speech. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'states',
  'noted',
  'notes',
  'wrote',
  'writes',
  'declared',
  'explained',
  'explains',
  'insisted',
  'insists',
  'stressed',
  'stresses',
  'warned',
  'warns',
  'argued',
  'argues',
  'claimed',
  'claims',
  'continued',
  'concluded',
  'announced',
  'asked',
  'asks',
  'replied',
  'answered',
  'admitted',
  'recalled',
  'recalls',
  'emphasized',
  'emphasised',
  'urged',
  'commented',
  'remarked',
  'observed',
  'acknowledged',
  'maintained',
  'posted',
  'tweeted',
  'confirmed',
  'assured',
  'reiterated',
  'complained',
  'vowed',
  'pledged',
  'promised',
  'underlined',
  'underscored',
  'pointed',
]);

/** Verbs that need an object when they attribute speech (`told Putin`). */
const NEEDS_OBJECT = new Set(['told', 'tells', 'assured', 'pointed', 'asked', 'asks', 'urged']);

export const FIRST_PERSON: ReadonlySet<string> = new Set([
  'i',
  'me',
  'my',
  'mine',
  'myself',
  'we',
  'us',
  'our',
  'ours',
  'ourselves',
  "i'm",
  "i've",
  "i'll",
  "i'd",
  "we're",
  "we've",
  "we'll",
  "we'd",
  "let's",
]);

export const SECOND_PERSON: ReadonlySet<string> = new Set([
  'you',
  'your',
  'yours',
  'yourself',
  'yourselves',
  "you're",
  "you've",
  "you'll",
  "you'd",
]);

/** Words that open an adverbial clause, not speech (`When we arrived, the police said …`). */
const SUBORDINATORS = new Set([
  'when',
  'if',
  'after',
  'before',
  'because',
  'although',
  'though',
  'while',
  'as',
  'since',
  'until',
  'once',
  'unless',
  'whether',
  'whenever',
  'where',
  'what',
  'how',
  'why',
]);

/** Words that cannot be part of a speaker's name or description. */
const NOT_IN_SPEAKER = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'which',
  'who',
  'that',
  'because',
  'if',
  'when',
  'while',
  'although',
  'but',
  'so',
  'or',
  'not',
  'also',
  'then',
  'there',
  'it',
]);

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'one',
  'another',
  'both',
  'two',
  'three',
  'several',
  'some',
  'many',
  'officials',
  'police',
  'analysts',
  'experts',
  'he',
  'she',
  'they',
]);

const NARRATOR = new Set(['i', 'we', 'you']);

export interface Token {
  /** The word as written. */
  readonly text: string;
  /** Lower case, with `’` read as `'`. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export function wordsOf(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match !== null; match = WORD.exec(slice)) {
    const word = match[0];
    const start = from + match.index;
    const lower = word.toLowerCase();
    tokens.push({
      text: word,
      lower: lower.includes('’') ? lower.replaceAll('’', "'") : lower,
      start,
      end: start + word.length,
    });
  }
  return tokens;
}

/**
 * A cheap necessary condition for `wordsOf(text)` to hold a token whose
 * `lower` is one of `words` (ASCII words): the text has one of them (up to its
 * apostrophe) in any case, with no ASCII letter or digit on either side.
 * Tokens start and end next to a character that is no letter or digit. Only
 * ASCII letters and the Kelvin sign lower-case to ASCII letters on their own,
 * and a plain `i` regex folds ASCII case only, so texts with a Kelvin sign
 * always pass. A text that fails the test has no such token and needs no
 * tokenizing. (Plain ASCII classes run about twice as fast as `\p{L}` with `iu`.)
 */
function wordHint(words: Iterable<string>): (text: string) => boolean {
  const stems = new Set<string>();
  for (const word of words) stems.add(word.split("'")[0]);
  const alternatives = [...stems].sort((a, b) => b.length - a.length).join('|');
  // redos-safe: an alternation of literal ASCII words (no quantifiers) between two one-character lookarounds.
  // redos-safe: an alternation of literal ASCII words (no quantifiers) between two one-character lookarounds.
  const pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`, 'i');
  return (text) => pattern.test(text) || text.includes('\u212A');
}

const SPEECH_VERB_HINT = wordHint(SPEECH_VERBS);
const PERSON_HINT = wordHint([...FIRST_PERSON, ...SECOND_PERSON]);

/** False when `wordsOf(text)` certainly has no speech verb (see `SPEECH_VERBS`). */
export function mayHaveSpeechVerb(text: string): boolean {
  return SPEECH_VERB_HINT(text);
}

/** False when `text` certainly has no first- or second-person pronoun (see `isFirstOrSecondPerson`). */
export function mayHaveFirstOrSecondPerson(text: string): boolean {
  return PERSON_HINT(text);
}

/** Words after which `I` is a Roman numeral. */
const ROMAN_BEFORE = new Set([
  'war',
  'phase',
  'type',
  'class',
  'chapter',
  'part',
  'stage',
  'grade',
  'article',
  'title',
  'section',
  'schedule',
  'category',
  'level',
  'volume',
  'act',
  'trial',
  'tier',
  'henry',
  'louis',
  'elizabeth',
  'james',
  'charles',
  'george',
  'william',
  'edward',
  'mary',
  'richard',
  'john',
  'peter',
  'paul',
  'pius',
  'leo',
  'napoleon',
]);

export interface PersonCount {
  first: number;
  second: number;
}

/** First- and second-person pronouns among `tokens` (`US` the country is not `us`). */
export function personOf(tokens: readonly Token[]): PersonCount {
  let first = 0;
  let second = 0;
  tokens.forEach((token, index) => {
    if (FIRST_PERSON.has(token.lower)) {
      // `US`/`Us` is the country; `I` must be the capital pronoun, not a numeral (`World War I`).
      if (token.lower === 'us' && token.text !== 'us') return;
      if (token.lower === 'i' && (token.text !== 'I' || ROMAN_BEFORE.has(tokens[index - 1]?.lower ?? ''))) return;
      first++;
    } else if (SECOND_PERSON.has(token.lower)) second++;
  });
  return { first, second };
}

export function isFirstOrSecondPerson(tokens: readonly Token[]): boolean {
  const person = personOf(tokens);
  return person.first + person.second > 0;
}

/** An attribution after the speech: `…, the minister said.`, `…,” he told Putin.` */
export interface Attribution {
  /** End of the speech (index of the separating comma or closing quote). */
  readonly speechEnd: number;
  /** Start of the speaker (or of the verb when it comes first). */
  readonly start: number;
  readonly speaker: string;
  readonly verb: string;
  /** The speaker is a name (has a capitalised word), not `he` or `the official`. */
  readonly named: boolean;
  /** False when no comma or closing quotation mark separates speech and attribution. */
  readonly separated?: boolean;
}

/** Speech after its attribution: `Reeves said: I don't know …`, `he told reporters, We will …`. */
export interface LeadingAttribution {
  /** Index where the speech starts. */
  readonly speechStart: number;
  readonly verb: string;
  /** Introduced by a colon (`said:`), not a comma. */
  readonly colon: boolean;
}

/**
 * A speech verb (with at most three words of object) followed by `:` or `,`
 * and a capitalised word: the speech follows.
 */
export function leadingAttribution(text: string): LeadingAttribution | undefined {
  return leadingAttributions(text).at(-1);
}

/** Every speech verb of the sentence that introduces speech after `:` or `,` (see `leadingAttribution`). */
export function leadingAttributions(text: string): LeadingAttribution[] {
  const found: LeadingAttribution[] = [];
  // Most sentences have no speech verb: skip tokenizing them.
  if (!mayHaveSpeechVerb(text)) return found;
  const tokens = wordsOf(text);
  for (let index = 0; index < tokens.length - 1; index++) {
    const verb = tokens[index];
    if (!SPEECH_VERBS.has(verb.lower) || !/^\p{Ll}/u.test(verb.text)) continue;
    for (let object = index; object <= index + 3 && object < tokens.length - 1; object++) {
      const between = text.slice(tokens[object].end, tokens[object + 1].start);
      const match = /^\s*([:,])\s+$/.exec(between);
      if (match) {
        const next = tokens[object + 1];
        if (!/^\p{Lu}/u.test(next.text)) break;
        if (match[1] === ',' && object > index && !NEEDS_OBJECT.has(verb.lower)) break;
        found.push({ speechStart: next.start, verb: verb.lower, colon: match[1] === ':' });
        break;
      }
      if (!/^\s+$/.test(between)) break;
    }
  }
  return found;
}

const CLOSERS = new Set([',', '”', '"', '’', '»', '“']);

/**
 * Finds an attribution that ends the sentence `text` (the whole string is one
 * sentence): speaker + verb (`…, Pavel Marinich, head of Zubr, told The Daily
 * Beast on Wednesday.`) or verb + speaker (`…, said the minister.`).
 */
export function trailingAttribution(text: string): Attribution | undefined {
  // Most sentences have no speech verb: skip tokenizing them.
  if (!mayHaveSpeechVerb(text)) return undefined;
  // `…, he said in a televised address, adding that …`: the attribution goes on in another clause.
  for (const match of text.matchAll(ATTRIBUTION_GOES_ON)) {
    const found = lastAttribution(text.slice(0, match.index));
    if (found) return found;
  }
  return lastAttribution(text);
}

/** A clause after an attribution: `, adding that`, `, and declined`, `, before leaving`. */
const ATTRIBUTION_GOES_ON =
  /,\s+(?=(?:adding|noting|saying|stressing|explaining|insisting|warning|calling|arguing|claiming|referring|and|but|before|after|while|as|although|according)\b)/g;

function lastAttribution(text: string): Attribution | undefined {
  const tokens = wordsOf(text);
  // The last speech verb, with at most eight words after it.
  for (let index = tokens.length - 1; index >= 0 && index >= tokens.length - 9; index--) {
    const verb = tokens[index];
    // `United States` is no verb.
    if (!SPEECH_VERBS.has(verb.lower) || !/^\p{Ll}/u.test(verb.text)) continue;
    const tail = tokens.slice(index + 1);
    if (tail.some((token) => token.lower === 'that' || NOT_IN_SPEAKER.has(token.lower))) return undefined;
    // `said, adding …`: a comma after the verb starts another clause.
    if (/[,;:]/.test(text.slice(verb.end))) return undefined;
    const before = text.slice(0, verb.start).trimEnd();
    // verb + speaker: `…, said the minister.`
    if (/[,”"]$/.test(before) && tail.length > 0 && !NEEDS_OBJECT.has(verb.lower)) {
      const first = tail[0];
      if (NARRATOR.has(first.lower)) return undefined;
      if (!/^\p{Lu}/u.test(first.text) && !DETERMINERS.has(first.lower)) return undefined;
      return {
        speechEnd: separatorIndex(before),
        start: verb.start,
        speaker: text.slice(first.start, tail[tail.length - 1].end),
        verb: verb.lower,
        named: tail.some((token) => /^\p{Lu}/u.test(token.text) && !DETERMINERS.has(token.lower)),
      };
    }
    if (NEEDS_OBJECT.has(verb.lower) && tail.length === 0) return undefined;
    // `told us to leave`, `said to be`: an instruction or a report, not an attribution.
    if (
      tail.some((token, at) => token.lower === 'to' && (NEEDS_OBJECT.has(verb.lower) || tail[at + 1]?.lower === 'be'))
    ) {
      return undefined;
    }
    if (verb.lower === 'pointed' && tail[0]?.lower !== 'out') return undefined;
    return speakerBefore(text, tokens, index);
  }
  return undefined;
}

/** `…, SPEAKER VERB`, the speaker possibly with an appositive (`Marinich, head of Zubr,`). */
function speakerBefore(text: string, tokens: readonly Token[], verbIndex: number): Attribution | undefined {
  const verb = tokens[verbIndex];
  let end = verb.start;
  let cursor = end - 1;
  while (cursor >= 0 && /\s/.test(text[cursor])) cursor--;
  // An appositive closes with a comma right before the verb.
  let appositive = false;
  if (text[cursor] === ',') {
    appositive = true;
    cursor--;
    while (cursor >= 0 && text[cursor] !== ',' && !/[.;:!?”"]/.test(text[cursor])) cursor--;
    if (text[cursor] !== ',') return undefined;
    end = cursor;
    cursor--;
  }
  // The speaker runs back to the separating comma or closing quote.
  while (cursor >= 0 && !CLOSERS.has(text[cursor]) && !/[.;:!?(]/.test(text[cursor])) cursor--;
  if (cursor < 0 || !CLOSERS.has(text[cursor])) return appositive ? undefined : unseparated(text, tokens, verbIndex);
  const speakerStart = cursor + 1;
  const speakerTokens = tokens.filter((token) => token.start >= speakerStart && token.end <= end);
  if (speakerTokens.length === 0 || speakerTokens.length > 7) {
    return appositive ? undefined : unseparated(text, tokens, verbIndex);
  }
  const appositiveTokens = tokens.filter((token) => token.start > end && token.end <= verb.start);
  if (appositive && (appositiveTokens.length === 0 || appositiveTokens.length > 12)) return undefined;
  for (const token of [...speakerTokens, ...appositiveTokens]) if (NOT_IN_SPEAKER.has(token.lower)) return undefined;
  const first = speakerTokens[0];
  if (NARRATOR.has(first.lower)) return undefined;
  const named = speakerTokens.some((token) => /^\p{Lu}/u.test(token.text));
  if (!named && !DETERMINERS.has(first.lower)) return undefined;
  // `political analyst Artem Shraibman`: name the speaker by the name.
  const name = speakerTokens.find((token) => /^\p{Lu}/u.test(token.text)) ?? first;
  return {
    speechEnd: separatorIndex(text.slice(0, speakerStart)),
    start: speakerStart,
    speaker: text.slice(name.start, speakerTokens[speakerTokens.length - 1].end),
    verb: verb.lower,
    named,
  };
}

/**
 * `… the workers comp system Kilcher said Friday.`: the separator went missing
 * with the quotation marks. The speaker is a run of one to three capitalised
 * words right after a lower-case word.
 */
function unseparated(text: string, tokens: readonly Token[], verbIndex: number): Attribution | undefined {
  const verb = tokens[verbIndex];
  if (!['said', 'says', 'told', 'added'].includes(verb.lower)) return undefined;
  if (tokens.length - verbIndex - 1 > 8) return undefined;
  let first = verbIndex;
  while (first > 0 && verbIndex - first < 3 && /^\p{Lu}\p{Ll}/u.test(tokens[first - 1].text)) first--;
  if (first === verbIndex || first < 3) return undefined;
  const previous = tokens[first - 1];
  if (!/^\p{Ll}/u.test(previous.text) || DETERMINERS.has(previous.lower) || MINOR_WORDS.has(previous.lower))
    return undefined;
  if (!/^\s+$/.test(text.slice(previous.end, tokens[first].start))) return undefined;
  return {
    speechEnd: previous.end,
    start: tokens[first].start,
    speaker: text.slice(tokens[first].start, tokens[verbIndex - 1].end),
    verb: verb.lower,
    named: true,
    separated: false,
  };
}

/** Words after which a capitalised word is part of a phrase, not a speaker (`of Tesla Elon Musk`). */
const MINOR_WORDS = new Set([
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'by',
  'with',
  'from',
  'and',
  'or',
  'as',
  'than',
  'that',
]);

/** Index of the separating mark at the end of `before` (its comma or closing quote). */
function separatorIndex(before: string): number {
  let index = before.length - 1;
  while (index > 0 && /\s/.test(before[index])) index--;
  while (index > 0 && CLOSERS.has(before[index - 1])) index--;
  return index;
}

/** True when the clause starts like an adverbial clause, not like speech. */
export function startsWithSubordinator(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && SUBORDINATORS.has(tokens[0].lower);
}

/** `According to X, …` at the start of a sentence: the index just after its comma. */
export function leadingAccordingTo(text: string): number | undefined {
  const match = /^\s*According to [^,;:]{2,80},\s*/u.exec(text);
  return match ? match[0].length : undefined;
}

/** `…, according to X.` at the end of a sentence: the index of its comma. */
export function trailingAccordingTo(text: string): number | undefined {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return undefined;
  const rest = text.slice(comma + 1).trim();
  if (!rest.startsWith('according to ') || rest.length > 96 || /[;:]/.test(rest)) return undefined;
  return rest.length - 'according to '.length >= 2 ? comma : undefined;
}
