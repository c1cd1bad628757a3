/**
 * The noise model: inserts the artefacts mtlint targets into clean English at
 * known offsets, to measure recall per artefact kind.
 *
 * Hosts are clean English paragraphs: the English source side of the
 * evaluation data (native news and talks) first, then human references raters
 * found no error in, each list in a seeded shuffled order. Every kind walks the
 * hosts and injects one artefact into each host where the kind applies (a
 * dropped quote needs a quotation, a stray number needs a determiner before a
 * noun, …) until it has `perKind` of them. Each injected host becomes one
 * paragraph; 20 paragraphs make a document.
 *
 * Deterministic: a small PRNG (mulberry32) seeded from the seed and the kind's
 * name; no `Math.random`, no dependence on the rule set.
 *
 * An injected artefact is found when a local finding (at most 40 characters,
 * as for span recall) overlaps or is adjacent to one of its ranges
 * (`Injection.ranges`). To keep a host's own findings (a rule firing on
 * the clean text anyway) from counting, the clean document is linted too and
 * findings that are the same as a clean one, shifted by the edit, are ignored.
 */
import type { Range } from './score.js';

export const INJECTION_KINDS = [
  'doubled-punctuation',
  'stray-punctuation',
  'space-before-punctuation',
  'full-width-punctuation',
  'removed-closing-quote',
  'speech-quotes-dropped',
  'quotes-around-name',
  'wrong-orientation-quotes',
  'stray-number',
  'currency-space',
  'european-separators',
  'homoglyph',
  'foreign-script',
  'repeated-word',
  'repeated-phrase',
  'inserted-comma',
  'inserted-symbol',
  'inserted-colon',
  'inserted-stop',
  'foreign-function-word',
  'foreign-content-word',
  'lost-capital',
  'lower-case-paragraph',
  'missing-final-stop',
  'speech-quotes-dropped-continued',
  'speech-quotes-dropped-third-person',
] as const;
export type InjectionKind = (typeof INJECTION_KINDS)[number];

/**
 * Kinds reported together as well: punctuation inserted at random inside a
 * sentence (the random comma is in the group but has no per-kind target: a
 * comma between two words is often correct English), and Latin-script words
 * of another language.
 */
export const KIND_GROUPS: Readonly<Record<string, readonly InjectionKind[]>> = {
  'inserted punctuation': ['inserted-comma', 'inserted-symbol', 'inserted-colon', 'inserted-stop'],
  'inserted punctuation but the comma': ['inserted-symbol', 'inserted-colon', 'inserted-stop'],
  'foreign Latin-script words': ['foreign-function-word', 'foreign-content-word'],
};

/**
 * Kinds a reader of the target alone can tell from correct English. Not: a
 * comma between two words (often right), reported speech in the third person
 * without quotation marks (correct English as it stands).
 */
export const TARGET_VISIBLE: ReadonlySet<InjectionKind> = new Set(
  INJECTION_KINDS.filter((kind) => kind !== 'inserted-comma' && kind !== 'speech-quotes-dropped-third-person'),
);

/** One replacement in the clean text: `removed` UTF-16 units at `at` became `inserted` units. */
export interface Edit {
  at: number;
  removed: number;
  inserted: number;
}

export interface Injected {
  text: string;
  /** Where the artefact is, in the new text (UTF-16). */
  ranges: Range[];
  /** The edits, in clean-text offsets, ascending. */
  edits: Edit[];
}

export interface Injection {
  kind: InjectionKind;
  /** UTF-16 ranges in the job's document; a finding overlapping one of them finds the artefact. */
  ranges: Range[];
}

export interface NoiseJob {
  key: string;
  language: string;
  document: { text: string };
  /** The same paragraphs without the artefacts. */
  clean: { text: string };
  /** Maps a clean-document range to the noisy document (undefined when an edit touches it). */
  mapClean: (range: Range) => Range | undefined;
  injections: Injection[];
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, for per-kind seeds. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

interface Match {
  index: number;
  text: string;
  groups: string[];
}

function matches(text: string, pattern: RegExp): Match[] {
  const found: Match[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push({ index: match.index ?? 0, text: match[0], groups: match.slice(1) });
  }
  return found;
}

/**
 * Replaces `[at, at + removed)` of `text` with `insert`; the artefact is
 * `[at + from, at + to)` of the result. Insertions put their space first
 * (` 480` after `a`, not `480 ` before `clique`), so the host's own spaces
 * stay next to the characters they were next to and its findings map through.
 */
function replace(text: string, at: number, removed: number, insert: string, from = 0, to = insert.length): Injected {
  return {
    text: text.slice(0, at) + insert + text.slice(at + removed),
    ranges: [{ start: at + from, end: at + to }],
    edits: [{ at, removed, inserted: insert.length }],
  };
}

/**
 * Straight or curly quotation pairs in a text: `[open, close]` offsets. A
 * straight mark opens after a space or bracket and before a non-space, and
 * closes after a non-space before a space, mark or end; when any straight
 * mark fits neither role, the text's straight marks are left out (it is not
 * clear which pair).
 */
export function quotePairs(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  let straight: number | undefined;
  let straightOk = true;
  let curly: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const before = index === 0 ? ' ' : text[index - 1];
      const after = index + 1 < text.length ? text[index + 1] : ' ';
      if (straight === undefined && /[\s([{—–-]/.test(before) && /\S/.test(after)) straight = index;
      else if (straight !== undefined && /\S/.test(before) && /[\s,.;:!?)\]}—–-]/.test(after)) {
        pairs.push([straight, index]);
        straight = undefined;
      } else straightOk = false;
    } else if (char === '“' && curly === undefined) curly = index;
    else if (char === '”' && curly !== undefined) {
      pairs.push([curly, index]);
      curly = undefined;
    }
  }
  const usable = straightOk && straight === undefined ? pairs : pairs.filter(([open]) => text[open] !== '"');
  return usable.sort((a, b) => a[0] - b[0]);
}

const SPEECH_BEFORE =
  /\b(?:said|says|say|told(?: \w+)?|asked|added|wrote|writes|explained|stated|declared|according to [\w. ]+?)[,:]?\s*$/;
const SPEECH_AFTER = /^[,.!?]?\s*(?:\w+\s+){0,3}(?:said|says|added|told|asked|wrote|explained)\b/;

/**
 * A singular determiner before a singular-looking noun that ends its noun
 * phrase (a mark or a function word follows): a numeral cannot go between
 * them in correct English (`in another 1500 way,`), unlike `the 480 people`.
 */
const DETERMINER =
  /\b(?:a|an|another|this|every|each)\s+(?=[a-z]{3,}(?<!s)(?:[,.;:!?]|\s(?:of|in|on|to|for|with|that|which|is|was|and|or|but|as|at|by|from)\b))/g;
const NUMBERS = ['1500', '37', '480', '12', '9000', '250'];
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а'],
  c: ['с'],
  e: ['е'],
  i: ['і'],
  o: ['о', 'ο'],
  p: ['р', 'ρ'],
  x: ['х'],
  y: ['у'],
  A: ['А', 'Α'],
  B: ['В', 'Β'],
  C: ['С'],
  E: ['Е', 'Ε'],
  H: ['Н', 'Η'],
  K: ['К', 'Κ'],
  M: ['М', 'Μ'],
  O: ['О', 'Ο'],
  P: ['Р', 'Ρ'],
  T: ['Т', 'Τ'],
  X: ['Х', 'Χ'],
};
const FOREIGN = ['中国', '支付宝', '在这种情况下', 'в рамках', 'например', 'σύμφωνα με', 'バス', '그리고', 'في إطار'];
const MONTHS_AND_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
/** The end of a plain lower-case word that a space and another plain lower-case word follow. */
const LOWER_GAP = /(?<=(?:^|\s)[a-z]{2,})(?= [a-z]{2,}[\s,.;:!?])/g;
const FIRST_OR_SECOND_PERSON =
  /\b(?:I|I'm|I've|I'll|I'd|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'll|us|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]ou're|[Yy]our)\b/;
/** The rest of an attribution after a closing quote, up to the full stop that ends it. */
const ATTRIBUTION_END = /^,?\s*(?:\w+\s+){0,3}(?:said|says|added|told \w+)\./;
const CONTINUATIONS = [
  ' in a televised address, adding that the talks would go on',
  ', adding that more details would follow next week',
  ' on Monday, noting that nothing had been decided yet',
  ' in an interview, and declined to comment further',
];
/** A capitalised sentence start after a full stop that ends a lower-case word. */
const SENTENCE_START = /(?<=\p{Ll}{3}\. )\p{Lu}\p{Ll}+(?![\p{L}'’-])(?= \p{Ll})/gu;
const ABBREVIATION_BEFORE = /\b(?:etc|approx|incl|resp|vs|esp|viz|al|ca)\. $/;
/**
 * English function words and what MT leaves of them from German, French,
 * Spanish, Italian, Portuguese, Czech and Polish sources. Translations that
 * are English words too (`son`, `no`, `war`, `pour`, `a`) are left out: no
 * reader could tell them from English.
 */
const FOREIGN_FUNCTION_WORDS: Record<string, string[]> = {
  and: ['und', 'et', 'y', 'e', 'oraz', 'oder'],
  the: ['der', 'das', 'les', 'le', 'la', 'el', 'los', 'il', 'gli', 'os'],
  of: ['von', 'des', 'du', 'del', 'della', 'di', 'das'],
  in: ['im', 'dans', 'nel', 'nella', 've'],
  with: ['mit', 'avec', 'com', 'bez'],
  is: ['ist', 'est', 'es', 'è', 'é', 'je'],
  not: ['nicht', 'pas', 'não', 'nie', 'ne'],
  that: ['dass', 'que', 'che', 'že', 'że'],
  for: ['für', 'para', 'dla'],
  but: ['aber', 'mais', 'pero', 'però', 'ale'],
  also: ['auch', 'aussi', 'también', 'anche', 'também', 'také', 'także'],
  very: ['sehr', 'très', 'muy', 'molto', 'muito', 'velmi', 'bardzo'],
  are: ['sind', 'sont', 'sono', 'são', 'jsou', 'są'],
  was: ['wurde', 'était', 'fue', 'foi', 'byl', 'był'],
  when: ['wenn', 'quand', 'cuando', 'quando', 'když', 'kiedy'],
  because: ['weil', 'parce', 'porque', 'perché', 'protože', 'bo'],
};
/** An English function word between two lower-case words. */
const FUNCTION_WORD_PLACE = new RegExp(
  `(?<=(?:^|\\s)[a-z]{2,} )(?:${Object.keys(FOREIGN_FUNCTION_WORDS).join('|')})(?= [a-z]{2,}\\b)`,
  'g',
);
const LEFT_IN = ['že', 'und', 'der', 'les', 'que', 'nicht', 'dass', 'che', 'też', 'auch', 'donc', 'pero'];
const FOREIGN_CONTENT_WORDS: Record<string, string[]> = {
  banks: ['banche', 'Banken', 'banques', 'bancos', 'banki'],
  schools: ['escuelas', 'Schulen', 'écoles', 'scuole', 'escolas', 'szkoły'],
  government: ['Regierung', 'gouvernement', 'gobierno', 'governo', 'vláda', 'rząd'],
  city: ['Stadt', 'ville', 'ciudad', 'città', 'cidade', 'město', 'miasto'],
  people: ['Leute', 'gens', 'gente', 'persone', 'pessoas', 'lidé', 'ludzie'],
  year: ['Jahr', 'année', 'año', 'anno', 'ano', 'rok'],
  week: ['Woche', 'semaine', 'semana', 'settimana', 'týden', 'tydzień'],
  money: ['Geld', 'argent', 'dinero', 'soldi', 'dinheiro', 'peníze', 'pieniądze'],
  children: ['Kinder', 'enfants', 'niños', 'bambini', 'crianças', 'děti', 'dzieci'],
  house: ['Haus', 'maison', 'casa', 'dům', 'dom'],
  water: ['Wasser', 'eau', 'agua', 'acqua', 'água', 'voda', 'woda'],
  police: ['Polizei', 'policía', 'polizia', 'polícia', 'policie', 'policja'],
  war: ['Krieg', 'guerre', 'guerra', 'válka', 'wojna'],
  students: ['Studenten', 'étudiants', 'estudiantes', 'studenti', 'estudantes', 'studenci'],
  workers: ['Arbeiter', 'travailleurs', 'trabajadores', 'lavoratori', 'trabalhadores', 'pracownicy'],
  today: ['heute', "aujourd'hui", 'hoy', 'oggi', 'hoje', 'dnes', 'dzisiaj'],
  country: ['país', 'paese', 'země', 'kraj'],
  time: ['Zeit', 'tiempo', 'czas'],
  world: ['Welt', 'monde', 'mundo', 'mondo', 'svět', 'świat'],
  family: ['Familie', 'famille', 'familia', 'famiglia', 'família', 'rodina', 'rodzina'],
  work: ['Arbeit', 'travail', 'trabajo', 'lavoro', 'trabalho', 'práce', 'praca'],
  life: ['Leben', 'vida', 'život', 'życie'],
  day: ['jour', 'día', 'giorno', 'dzień'],
  way: ['Weg', 'manière', 'manera', 'modo', 'maneira', 'způsob', 'sposób'],
};
const CONTENT_WORD_PLACE = new RegExp(
  `(?<=[a-z,] )(?:${Object.keys(FOREIGN_CONTENT_WORDS).join('|')})(?= [a-z]|[,.])`,
  'g',
);
/** A punctuation mark that ends a word (not in a number, an abbreviation or an ellipsis). */
const WORD_PUNCT = /(?<=\p{Ll}{2})[,.;:!?](?=\s|$)/gu;

type Injector = (text: string, random: Random) => Injected | undefined;

const injectors: Record<InjectionKind, Injector> = {
  'doubled-punctuation'(text, random) {
    const marks = matches(text, /(?<=\p{Ll}{2})[,.;:](?=\s|$)/gu);
    if (marks.length === 0) return undefined;
    const mark = pick(random, marks);
    const second = pick(random, mark.text === '.' ? ['.', ',', ' .'] : [mark.text, '.', ` ${mark.text}`]);
    return replace(text, mark.index, 1, `${mark.text}${second}`);
  },
  'stray-punctuation'(text, random) {
    // A mark that belongs to no word, where MT leaves one: at the start of the
    // paragraph (`, The police`), after an opening bracket or quote (`(, which`),
    // a full stop before a lower-case word (`sanctions. were`), a comma after an
    // article (`the, group`).
    const options: { at: number; insert: string; from: number }[] = [];
    if (/^\p{Lu}/u.test(text)) options.push({ at: 0, insert: `${pick(random, [',', '.', ';'])} `, from: 0 });
    const opens = matches(text, /[(“]|(?<=^|\s)"(?=\p{L})/gu);
    if (opens.length > 0)
      options.push({ at: pick(random, opens).index + 1, insert: `${pick(random, [',', '.'])} `, from: 0 });
    const stops = matches(text, /(?<=\p{Ll}{3})(?= [a-z]{2,})/gu);
    if (stops.length > 0) options.push({ at: pick(random, stops).index, insert: '.', from: 0 });
    const articles = matches(text, /\b(?:the|a|an)(?= [a-z]{3,})/g);
    if (articles.length > 0) {
      const article = pick(random, articles);
      options.push({ at: article.index + article.text.length, insert: ',', from: 0 });
    }
    if (options.length === 0) return undefined;
    const option = pick(random, options);
    return replace(text, option.at, 0, option.insert, option.from, option.from + 1);
  },
  'space-before-punctuation'(text, random) {
    const marks = matches(text, WORD_PUNCT);
    if (marks.length === 0) return undefined;
    const mark = pick(random, marks);
    return replace(text, mark.index, 1, ` ${mark.text}`);
  },
  'full-width-punctuation'(text, random) {
    const marks = [...matches(text, WORD_PUNCT), ...matches(text, /[()]/g)];
    if (marks.length === 0) return undefined;
    const mark = pick(random, marks);
    return replace(text, mark.index, 1, FULL_WIDTH[mark.text]);
  },
  'removed-closing-quote'(text, random) {
    const pairs = quotePairs(text);
    if (pairs.length === 0) return undefined;
    const [open, close] = pick(random, pairs);
    const injected = replace(text, close, 1, '');
    injected.ranges = [
      { start: open, end: open + 1 },
      { start: close, end: close },
    ];
    return injected;
  },
  'speech-quotes-dropped'(text, random) {
    return dropQuotes(text, random, true);
  },
  'speech-quotes-dropped-third-person'(text, random) {
    return dropQuotes(text, random, false);
  },
  'speech-quotes-dropped-continued'(text, random) {
    // `"We will win," he said.` → `We will win, he said in a televised address, adding that …`:
    // the attribution is followed by more, as MT output of news often is.
    const pairs = attributedQuotes(text, true).flatMap(([open, close]) => {
      const after = ATTRIBUTION_END.exec(text.slice(close + 1, close + 60));
      return after ? [[open, close, close + 1 + after[0].length - 1] as const] : [];
    });
    if (pairs.length === 0) return undefined;
    const [open, close, stop] = pick(random, pairs);
    const more = pick(random, CONTINUATIONS);
    const result =
      text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1, stop) + more + text.slice(stop);
    return {
      text: result,
      ranges: [{ start: open, end: close - 1 }],
      edits: [
        { at: open, removed: 1, inserted: 0 },
        { at: close, removed: 1, inserted: 0 },
        { at: stop, removed: 0, inserted: more.length },
      ],
    };
  },
  'inserted-comma'(text, random) {
    return insertBetweenWords(text, random, [',']);
  },
  'inserted-symbol'(text, random) {
    return insertBetweenWords(text, random, ['_', '^', '@', '~', '"', ',?']);
  },
  'inserted-colon'(text, random) {
    return insertBetweenWords(text, random, [':', ';']);
  },
  'inserted-stop'(text, random) {
    return insertBetweenWords(text, random, ['.', '!', '?']);
  },
  'foreign-function-word'(text, random) {
    // Replace an English function word with its equivalent in a source language, or leave one in.
    const words = matches(text, FUNCTION_WORD_PLACE);
    if (words.length > 0 && random() < 0.7) {
      const word = pick(random, words);
      return replace(text, word.index, word.text.length, pick(random, FOREIGN_FUNCTION_WORDS[word.text]));
    }
    const gaps = matches(text, LOWER_GAP);
    if (gaps.length === 0) return undefined;
    return replace(text, pick(random, gaps).index, 0, ` ${pick(random, LEFT_IN)}`, 1);
  },
  'foreign-content-word'(text, random) {
    const words = matches(text, CONTENT_WORD_PLACE);
    if (words.length === 0) return undefined;
    const word = pick(random, words);
    return replace(text, word.index, word.text.length, pick(random, FOREIGN_CONTENT_WORDS[word.text]));
  },
  'lost-capital'(text, random) {
    const starts = matches(text, SENTENCE_START).filter(
      (match) => !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index)),
    );
    if (starts.length === 0) return undefined;
    const start = pick(random, starts);
    const injected = replace(text, start.index, 1, start.text[0].toLowerCase());
    // The full stop before belongs to the artefact: `left. the` is a lost capital or a stray stop.
    injected.ranges = [{ start: start.index - 2, end: start.index + start.text.length }];
    return injected;
  },
  'lower-case-paragraph'(text) {
    if (!isProse(text)) return undefined;
    const first = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’.-])/u.exec(text);
    if (!first || /^(?:I|I'm)$/.test(first[0])) return undefined;
    const injected = replace(text, 0, 1, first[0][0].toLowerCase());
    injected.ranges = [{ start: 0, end: first[0].length }];
    return injected;
  },
  'missing-final-stop'(text) {
    if (!isProse(text) || !/(?<=\p{Ll}{2})\.$/u.test(text)) return undefined;
    const at = text.length - 1;
    const injected = replace(text, at, 1, '');
    injected.ranges = [{ start: at, end: at }];
    return injected;
  },
  'quotes-around-name'(text, random) {
    // A capitalised name after a lower-case word, not a month or a weekday.
    const names = matches(
      text,
      /(?<=(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*,? )\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}(?![\p{L}\p{N}'’-])(?! \p{Lu})/gu,
    ).filter((match) => !MONTHS_AND_DAYS.test(match.text));
    if (names.length === 0) return undefined;
    const name = pick(random, names);
    const [open, close] = pick(random, [
      ['"', '"'],
      ['“', '”'],
    ]);
    return replace(text, name.index, name.text.length, `${open}${name.text}${close}`);
  },
  'wrong-orientation-quotes'(text, random) {
    const pairs = quotePairs(text);
    if (pairs.length === 0) return undefined;
    const [open, close] = pick(random, pairs);
    const result = `${text.slice(0, open)}”${text.slice(open + 1, close)}“${text.slice(close + 1)}`;
    return {
      text: result,
      ranges: [
        { start: open, end: open + 1 },
        { start: close, end: close + 1 },
      ],
      edits: [
        { at: open, removed: 1, inserted: 1 },
        { at: close, removed: 1, inserted: 1 },
      ],
    };
  },
  'stray-number'(text, random) {
    const places = matches(text, DETERMINER);
    if (places.length === 0) return undefined;
    const place = pick(random, places);
    const number = pick(random, NUMBERS);
    return replace(text, place.index + place.text.trimEnd().length, 0, ` ${number}`, 1);
  },
  'currency-space'(text, random) {
    const amounts = matches(text, /[$€£](?=\d)/g);
    if (amounts.length > 0) {
      const amount = pick(random, amounts);
      const digits = /^\d[\d,.]*/.exec(text.slice(amount.index + 1))?.[0] ?? '';
      return replace(text, amount.index, 1, `${amount.text} `, 0, 2 + digits.length);
    }
    const end = /[.!?]["”]?\s*$/.exec(text);
    if (!end) return undefined;
    const amount = `${pick(random, ['$', '€', '£'])} ${pick(random, ['500', '20', '1,200', '3.5 million'])}`;
    const insert = `${pick(random, [' for ', ' at a cost of ', ', worth '])}${amount}`;
    return replace(text, end.index, 0, insert, insert.length - amount.length);
  },
  'european-separators'(text, random) {
    const numbers = matches(text, /(?<![\d.,])(\d{1,3}),(\d{3})(?![\d,])|(?<![\d.,])(\d+)\.(\d)(?!\d)/g);
    if (numbers.length > 0) {
      const number = pick(random, numbers);
      const swapped = number.text.includes(',') ? number.text.replace(',', '.') : number.text.replace('.', ',');
      return replace(text, number.index, number.text.length, swapped);
    }
    const end = /[.!?]["”]?\s*$/.exec(text);
    if (!end) return undefined;
    // Readings a reader cannot take for an English decimal: full stops between
    // thousands before a counted noun or after a currency, a decimal comma
    // before a scale word, `%` or `times`.
    const group = () => String(Math.floor(random() * 1000)).padStart(3, '0');
    const thousands = pick(random, [
      `${1 + Math.floor(random() * 98)}.${group()}`,
      `${1 + Math.floor(random() * 9)}.${group()}.${group()}`,
    ]);
    const decimal = `${1 + Math.floor(random() * 20)},${1 + Math.floor(random() * 9)}`;
    const [value, template] = pick(random, [
      [thousands, (n: string) => `, with about ${n} people`],
      [thousands, (n: string) => `, according to ${n} visitors`],
      [thousands, (n: string) => ` for €${n}`],
      [thousands, (n: string) => `, said ${n} residents`],
      [decimal, (n: string) => `, up ${n} percent`],
      [decimal, (n: string) => ` (${n}%)`],
      [decimal, (n: string) => `, worth ${n} million dollars`],
      [decimal, (n: string) => `, ${n} times more than before`],
    ] as const);
    const insert = template(value);
    const at = insert.indexOf(value);
    return replace(text, end.index, 0, insert, at, at + value.length);
  },
  homoglyph(text, random) {
    const words = matches(text, /\b[A-Za-z]{4,}\b/g).filter((word) =>
      [...word.text].some((char) => HOMOGLYPHS[char] !== undefined),
    );
    if (words.length === 0) return undefined;
    const word = pick(random, words);
    const positions = [...word.text].flatMap((char, index) => (HOMOGLYPHS[char] ? [index] : []));
    const position = pick(random, positions);
    const glyph = pick(random, HOMOGLYPHS[word.text[position]]);
    return replace(text, word.index + position, 1, glyph);
  },
  'foreign-script'(text, random) {
    const gaps = matches(text, /(?<=\p{L}) (?=\p{L})/gu);
    if (gaps.length === 0) return undefined;
    const place = pick(random, gaps);
    const fragment = pick(random, FOREIGN);
    return replace(text, place.index, 0, ` ${fragment}`, 1);
  },
  'repeated-word'(text, random) {
    // `that that` and `had had` can be correct English: not an artefact.
    const words = matches(text, /(?<![\p{L}'’-])\p{L}+(?= )/gu).filter((word) => !/^(?:that|had)$/i.test(word.text));
    if (words.length === 0) return undefined;
    const word = pick(random, words);
    return replace(text, word.index + word.text.length, 0, ` ${word.text}`, 1);
  },
  'repeated-phrase'(text, random) {
    const phrases = matches(text, /(?<![\p{L}'’-])\p{L}+(?: \p{L}+){1,3}(?= )/gu).filter(
      (match) => match.text.length >= 8,
    );
    if (phrases.length === 0) return undefined;
    const phrase = pick(random, phrases);
    const words = phrase.text.split(' ');
    const length = 2 + Math.floor(random() * Math.min(3, words.length - 1));
    const repeated = words.slice(0, length).join(' ');
    return replace(text, phrase.index + repeated.length, 0, ` ${repeated}`, 1);
  },
};

/** Quotation pairs with an attribution before or after, of first- or second-person speech or not. */
function attributedQuotes(text: string, person: boolean): [number, number][] {
  return quotePairs(text).filter(
    ([open, close]) =>
      close - open > 15 &&
      / \S+ \S+/.test(text.slice(open, close)) &&
      FIRST_OR_SECOND_PERSON.test(text.slice(open + 1, close)) === person &&
      (SPEECH_BEFORE.test(text.slice(Math.max(0, open - 40), open)) ||
        SPEECH_AFTER.test(text.slice(close + 1, close + 40))),
  );
}

function dropQuotes(text: string, random: Random, person: boolean): Injected | undefined {
  const pairs = attributedQuotes(text, person);
  if (pairs.length === 0) return undefined;
  const [open, close] = pick(random, pairs);
  const result = text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1);
  return {
    text: result,
    ranges: [{ start: open, end: close - 1 }],
    edits: [
      { at: open, removed: 1, inserted: 0 },
      { at: close, removed: 1, inserted: 0 },
    ],
  };
}

/** Inserts one of `marks` right after a lower-case word that another lower-case word follows. */
function insertBetweenWords(text: string, random: Random, marks: readonly string[]): Injected | undefined {
  const gaps = matches(text, LOWER_GAP);
  if (gaps.length === 0) return undefined;
  const at = pick(random, gaps).index;
  return replace(text, at, 0, pick(random, marks));
}

/** A paragraph of prose: eight words or more, ending in a sentence mark, not title case. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < 8 || !/[.!?]["”’)]?$/.test(text)) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length < 0.5;
}

/** Applies one kind to a host; undefined when the kind does not apply there. */
export function inject(kind: InjectionKind, text: string, random: Random): Injected | undefined {
  return injectors[kind](text, random);
}

/**
 * Maps a range of the clean text through edits, character for character:
 * each end moves by the edits before it (an insertion at the start offset is
 * before the range's first character; one at the end offset is after its
 * last). A range that contains an edit whole maps to the range containing its
 * replacement (a sentence-level finding stays the same finding); a range with
 * an end inside a replaced stretch maps to nothing.
 */
export function mapThrough(edits: readonly Edit[], range: Range): Range | undefined {
  const start = mapOffset(edits, range.start, 'start');
  const end = mapOffset(edits, range.end, 'end');
  return start === undefined || end === undefined ? undefined : { start, end: Math.max(start, end) };
}

function mapOffset(edits: readonly Edit[], offset: number, side: 'start' | 'end'): number | undefined {
  let delta = 0;
  for (const edit of edits) {
    if (edit.at > offset) break;
    if (edit.at === offset) {
      if (side === 'start' && edit.removed === 0) {
        delta += edit.inserted;
        continue;
      }
      break;
    }
    if (offset < edit.at + edit.removed) return undefined;
    delta += edit.inserted - edit.removed;
  }
  return offset + delta;
}

const PARAGRAPHS_PER_DOCUMENT = 20;

/**
 * The noisy documents: for every kind, up to `perKind` hosts with one
 * artefact each. `hosts` are clean English paragraphs in priority order groups
 * (each group is shuffled on its own, then the groups are concatenated).
 */
export function noiseJobs(
  hostGroups: readonly (readonly string[])[],
  seed: number,
  perKind: number,
  kinds: readonly InjectionKind[] = INJECTION_KINDS,
): NoiseJob[] {
  const jobs: NoiseJob[] = [];
  for (const kind of kinds) {
    const random = prng(hash(kind) ^ seed);
    const order = hostGroups.flatMap((group) => shuffled(random, group));
    const made: { clean: string; injected: Injected }[] = [];
    for (const host of order) {
      if (made.length >= perKind) break;
      const injected = inject(kind, host, random);
      if (injected) made.push({ clean: host, injected });
    }
    for (let from = 0; from < made.length; from += PARAGRAPHS_PER_DOCUMENT) {
      jobs.push(
        noiseJob(`${kind}#${from / PARAGRAPHS_PER_DOCUMENT}`, kind, made.slice(from, from + PARAGRAPHS_PER_DOCUMENT)),
      );
    }
  }
  return jobs;
}

function noiseJob(key: string, kind: InjectionKind, items: { clean: string; injected: Injected }[]): NoiseJob {
  let noisy = '';
  let clean = '';
  const injections: Injection[] = [];
  const edits: Edit[] = [];
  for (const item of items) {
    if (noisy) {
      noisy += '\n\n';
      clean += '\n\n';
    }
    const noisyStart = noisy.length;
    const cleanStart = clean.length;
    injections.push({
      kind,
      ranges: item.injected.ranges.map((range) => ({ start: range.start + noisyStart, end: range.end + noisyStart })),
    });
    for (const edit of item.injected.edits) edits.push({ ...edit, at: edit.at + cleanStart });
    noisy += item.injected.text;
    clean += item.clean;
  }
  return {
    key,
    language: 'en',
    document: { text: noisy },
    clean: { text: clean },
    mapClean: (range) => mapThrough(edits, range),
    injections,
  };
}
