/**
 * Languages: codes, names, function words, and a wrapper over `franc` (the
 * trigram language identifier) restricted to languages written in Latin
 * script, which keeps it fast and much more accurate on short text.
 */
import { lazyModule } from '../shared/lazy.js';

/** `franc` and its trigram tables load only when a rule asks for a language guess. */
const franc = lazyModule<typeof import('franc')>('franc');

interface LanguageInfo {
  /** ISO 639-3 code as `franc` returns it. */
  iso3: string;
  name: string;
  /** Frequent function words that rarely occur in other languages' running text. */
  functionWords?: ReadonlySet<string>;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Latin-script languages `franc` tells apart (ISO 639-1 → info). */
const LANGUAGES: Readonly<Record<string, LanguageInfo>> = {
  en: {
    iso3: 'eng',
    name: 'English',
    functionWords: words(
      'the of and to that it for with this are have from not but we you they he she his their which would has had been were there what when who can about if its our by or than these those them him into could should some any how why where because after before only very such being does did my your',
    ),
  },
  de: {
    iso3: 'deu',
    name: 'German',
    functionWords: words(
      'der die das und ist nicht ein eine einen einem einer zu den von mit sich des auf für im dem auch es als nach wie bei oder wird werden sind wurde wurden haben aber noch nur dass sie er wir ich aus über vor zum zur durch kein keine sehr schon wenn weil diese dieser dieses ihr ihre sein seine gegen ohne unter zwischen',
    ),
  },
  fr: {
    iso3: 'fra',
    name: 'French',
    functionWords: words(
      'le la les des du et est une dans pour pas qui que sur au aux avec ce cette ces il elle ils nous vous sont ont été mais ou par plus leur leurs se sa son ses je ne lui aussi comme être avoir très',
    ),
  },
  es: {
    iso3: 'spa',
    name: 'Spanish',
    functionWords: words(
      'el la los las del y que es una por con para se su sus al lo como más pero fue son ha han este esta estos muy también sin sobre entre cuando donde porque ya hay les nos yo',
    ),
  },
  it: {
    iso3: 'ita',
    name: 'Italian',
    functionWords: words(
      'il lo la gli le di del della dei delle che è e un una per con non sono si ma come anche più alla al nel nella ha hanno questo questa loro essere stati stato molto tra fra ogni',
    ),
  },
  pt: {
    iso3: 'por',
    name: 'Portuguese',
    functionWords: words(
      'o os a as do da dos das de e que em um uma para com não no na nos nas por se mais mas como foi foram são ao aos à seu sua seus suas ele ela eles também muito já pelo pela',
    ),
  },
  nl: {
    iso3: 'nld',
    name: 'Dutch',
    functionWords: words(
      'de het een en van is dat die niet op te zijn voor met er maar om ook als bij aan heeft hebben werd werden naar uit door wordt worden dit deze nog wel geen hun haar hij zij wij ik ze',
    ),
  },
  pl: {
    iso3: 'pol',
    name: 'Polish',
    functionWords: words(
      'i w z na się nie do to że jest o jak ale od po dla za przez oraz jego jej ich tym tak już był była było są także który która które przy pod bez czy co',
    ),
  },
  tr: {
    iso3: 'tur',
    name: 'Turkish',
    functionWords: words(
      've bir bu da de için ile çok gibi daha olarak ama ancak ne her kadar sonra olan değil var yok',
    ),
  },
  sv: { iso3: 'swe', name: 'Swedish' },
  da: { iso3: 'dan', name: 'Danish' },
  nb: { iso3: 'nob', name: 'Norwegian' },
  no: { iso3: 'nob', name: 'Norwegian' },
  fi: { iso3: 'fin', name: 'Finnish' },
  cs: { iso3: 'ces', name: 'Czech' },
  sk: { iso3: 'slk', name: 'Slovak' },
  hr: { iso3: 'hrv', name: 'Croatian' },
  sl: { iso3: 'slv', name: 'Slovenian' },
  ro: { iso3: 'ron', name: 'Romanian' },
  hu: { iso3: 'hun', name: 'Hungarian' },
  id: { iso3: 'ind', name: 'Indonesian' },
  vi: { iso3: 'vie', name: 'Vietnamese' },
  ca: { iso3: 'cat', name: 'Catalan' },
  lt: { iso3: 'lit', name: 'Lithuanian' },
  lv: { iso3: 'lvs', name: 'Latvian' },
  et: { iso3: 'ekk', name: 'Estonian' },
  tl: { iso3: 'tgl', name: 'Tagalog' },
  af: { iso3: 'afr', name: 'Afrikaans' },
  gl: { iso3: 'glg', name: 'Galician' },
};

const BY_ISO3 = new Map<string, string>();
for (const [code, info] of Object.entries(LANGUAGES)) if (!BY_ISO3.has(info.iso3)) BY_ISO3.set(info.iso3, code);

const CANDIDATES = [...BY_ISO3.keys()];

/** True when `franc` can judge text in `language` (ISO 639-1) here. */
export function isDetectable(language: string): boolean {
  return language in LANGUAGES;
}

export function languageName(language: string): string {
  return LANGUAGES[language]?.name ?? language;
}

/** The function words of `language`, when known. */
export function functionWordsOf(language: string): ReadonlySet<string> | undefined {
  return LANGUAGES[language]?.functionWords;
}

/** Share of `tokens` (lower-case words) that are function words of `language`; undefined when unknown. */
export function functionWordShare(tokens: readonly string[], language: string): number | undefined {
  const list = functionWordsOf(language);
  if (!list || tokens.length === 0) return undefined;
  let count = 0;
  for (const token of tokens) if (list.has(token)) count++;
  return count / tokens.length;
}

export interface LanguageGuess {
  /** ISO 639-1 code of the most likely language. */
  language: string;
  /** franc's score (0–1, relative to the best) of `against`. */
  scoreOf(language: string): number;
}

/** The most likely Latin-script language of `text`, or undefined when `franc` cannot tell. */
export function guessLanguage(text: string): LanguageGuess | undefined {
  const scores = franc().francAll(text, { only: CANDIDATES, minLength: 10 });
  const [top] = scores;
  if (!top || top[0] === 'und') return undefined;
  const language = BY_ISO3.get(top[0]);
  if (!language) return undefined;
  return {
    language,
    scoreOf(other) {
      const iso3 = LANGUAGES[other]?.iso3;
      return scores.find((entry) => entry[0] === iso3)?.[1] ?? 0;
    },
  };
}
