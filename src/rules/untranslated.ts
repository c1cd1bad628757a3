/**
 * ## untranslated
 *
 * Finds sentences and paragraphs left in another language than the
 * document's: MT passes text through untranslated when it fails to
 * recognise the source language or takes a passage for a name or a quotation.
 * The language is identified with `franc` (trigram statistics) among about
 * thirty languages written in Latin script, and confirmed by the share of
 * that language's function words (`der`, `les`, `della`…), so English with
 * many foreign names is not taken for something else.
 *
 * The document's language is config `language` (`en` by default). With
 * `detect` (on by default), a document mostly written in another language is
 * judged against that language instead, so a German file linted with the
 * default setting is not flagged sentence by sentence.
 *
 * Not flagged: sentences shorter than `minWords` words (only judged as part of
 * a whole foreign paragraph), sentences made mostly of capitalised names,
 * quoted text (`“Liberté, égalité, fraternité”` is often cited on purpose),
 * text in another script (that is `foreign-script`), and documents whose
 * language `franc` cannot judge here (for example `ru`, `zh`).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; no findings on the dev MT output; 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Roman Pratasevich and Sofia Sapega were detained in Minsk. The crowd chanted “Liberté, égalité, fraternité, pour toujours et à jamais” outside the embassy.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Police raided the offices of several human rights groups on Wednesday. Die Regierung wies jede Kritik an dem Vorgehen der Polizei zurück. Many journalists were questioned.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:72-1:138: Unexpected German sentence, expected English
 */
import { type Paragraph, paragraphsOf, sentencesOf } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import { functionWordShare, guessLanguage, isDetectable, languageName } from '../text/language.js';
import { hasNonLatinLetter } from '../text/script.js';

export interface UntranslatedOptions {
  /** Sentences with fewer words are only judged as part of a paragraph. */
  minWords: number;
  /** Judge a document mostly written in another language against that language. */
  detect: boolean;
}

interface Unit {
  start: number;
  end: number;
  /** Text to judge: quotations, numbers and URLs removed (empty when confirmed). */
  text: string;
  words: string[];
  /** Recognisably written in the language it was read as. */
  confirmed: boolean;
}

interface Verdict {
  start: number;
  end: number;
  language: string;
  kind: 'sentence' | 'sentences' | 'paragraph';
  letters: number;
}

/** Fewer letters than this are never judged (franc needs material). */
const MIN_LETTERS = 30;
/** A sentence with this share of the document language's function words is in that language. */
const DOCUMENT_SHARE = 0.08;
/** The judged language must show at least this share of its own function words. */
const FOREIGN_SHARE = 0.1;
/** franc's relative score of the document language must stay below this. */
const SENTENCE_SCORE = 0.75;
const PARAGRAPH_SCORE = 0.85;
/**
 * A sentence with this share of the guessed language's function words and
 * none of the document language's is judged with the paragraph's score limit:
 * franc rates literary or old-fashioned prose (`Quel ramo del lago di Como,
 * che volge a mezzogiorno…`) closer to English than news.
 */
const STRONG_SHARE = 0.2;
/** Without a function-word list for the guessed language, franc alone must be this sure. */
const UNCONFIRMED_SCORE = 0.6;
/** The configured language stays when this share of the text is recognisably written in it. */
const CONFIRMED_SHARE = 0.2;
/** Sentences made mostly of capitalised words are names, titles or headlines. */
const NAME_SHARE = 0.6;

/** Opening quotation marks and the marks that close them. */
const CLOSERS: Readonly<Record<string, string>> = { '“': '”', '„': '“”', '«': '»', '"': '"', '‘': '’' };
/** Longest quotation removed; an unclosed mark must not make the scan quadratic. */
const MAX_QUOTATION = 500;

/** `text` with quotations replaced by a space (a closing `’` followed by a letter is an apostrophe). */
function withoutQuotations(text: string): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const closers = CLOSERS[text[index]];
    let end = -1;
    if (closers) {
      const limit = Math.min(text.length, index + MAX_QUOTATION);
      for (let position = index + 1; position < limit; position++) {
        if (!closers.includes(text[position])) continue;
        if (text[position] === '’' && /\p{L}/u.test(text[position + 1] ?? '')) continue;
        end = position;
        break;
      }
    }
    if (end < 0) {
      result += text[index];
      index++;
    } else {
      result += ' ';
      index = end + 1;
    }
  }
  return result;
}
/** Numbers, URLs, addresses, code: not words of any language. */
const NOISE = /[\d@/\\_=<>]/u;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

export default defineRule<UntranslatedOptions>(
  {
    id: 'untranslated',
    description: 'A sentence or paragraph in another language than the document',
    category: 'script',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: false,
    defaultOptions: { minWords: 6, detect: true },
  },
  (tree, context, options) => {
    let language = context.language;
    if (!isDetectable(language)) return;
    const nodes = paragraphsOf(tree);
    let paragraphs = nodes.map((paragraph) => unitsOf(paragraph, language, context.text));
    let verdicts = judgeDocument(paragraphs, language, options.minWords);
    if (options.detect) {
      const dominant = dominantLanguage(paragraphs, verdicts);
      if (dominant && dominant !== language && isDetectable(dominant)) {
        language = dominant;
        paragraphs = nodes.map((paragraph) => unitsOf(paragraph, dominant, context.text));
        verdicts = judgeDocument(paragraphs, language, options.minWords);
      }
    }
    const expected = languageName(language);
    for (const verdict of verdicts) {
      context.report({
        start: verdict.start,
        end: verdict.end,
        message: `Unexpected ${languageName(verdict.language)} ${verdict.kind}, expected ${expected}`,
      });
    }
  },
);

/**
 * A sentence or paragraph to judge. Text recognisably in the document language
 * (enough of its function words) is `confirmed` and never cleaned or judged.
 */
function unitOf(node: Paragraph | Paragraph['children'][number], language: string, source: string): Unit | undefined {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  // The original text (cheaper than joining the tree's leaves); markup left in it is noise to `franc`.
  const raw = source.slice(start, end);
  if (hasMostlyOtherScript(raw)) return undefined;
  const words = raw.match(WORD) ?? [];
  const share = functionWordShare(
    words.map((word) => word.toLowerCase()),
    language,
  );
  if (share !== undefined && share >= DOCUMENT_SHARE) return { start, end, text: '', words, confirmed: true };
  const text = withoutQuotations(raw)
    .split(/\s+/u)
    .filter((token) => !NOISE.test(token))
    .join(' ');
  return { start, end, text, words: text.match(WORD) ?? [], confirmed: false };
}

function unitsOf(
  paragraph: Paragraph,
  language: string,
  source: string,
): { paragraph: Unit | undefined; sentences: Unit[] } {
  const sentences: Unit[] = [];
  for (const sentence of sentencesOf(paragraph)) {
    const unit = unitOf(sentence, language, source);
    if (unit) sentences.push(unit);
  }
  const judged = sentences.length > 1 && sentences.some((unit) => !unit.confirmed);
  return { paragraph: judged ? unitOf(paragraph, language, source) : undefined, sentences };
}

function hasMostlyOtherScript(text: string): boolean {
  if (!hasNonLatinLetter(text)) return false;
  const other = text.match(/(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return other >= latin;
}

function judgeDocument(
  paragraphs: ReadonlyArray<{ paragraph: Unit | undefined; sentences: Unit[] }>,
  language: string,
  minWords: number,
): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const { paragraph, sentences } of paragraphs) {
    if (paragraph) {
      const found = judge(paragraph, language, minWords * 2, PARAGRAPH_SCORE);
      if (found) {
        verdicts.push({ ...span(paragraph), language: found, kind: 'paragraph', letters: letters(paragraph) });
        continue;
      }
    }
    let open: Verdict | undefined;
    for (const sentence of sentences) {
      const found = judge(sentence, language, minWords, SENTENCE_SCORE);
      if (found && open && open.language === found) {
        open.end = sentence.end;
        open.kind = 'sentences';
        open.letters += letters(sentence);
        continue;
      }
      if (open) verdicts.push(open);
      open = found ? { ...span(sentence), language: found, kind: 'sentence', letters: letters(sentence) } : undefined;
    }
    if (open) verdicts.push(open);
  }
  return verdicts;
}

function span(unit: Unit): { start: number; end: number } {
  return { start: unit.start, end: unit.end };
}

function letters(unit: Unit): number {
  let count = 0;
  for (const word of unit.words) count += word.length;
  return count;
}

/** The language `unit` is written in when it is confidently not `language`. */
function judge(unit: Unit, language: string, minWords: number, maxScore: number): string | undefined {
  const words = unit.words;
  if (unit.confirmed || words.length < minWords || letters(unit) < MIN_LETTERS) return undefined;
  const lower = words.map((word) => word.toLowerCase());
  const own = functionWordShare(lower, language);
  if (own !== undefined && own >= DOCUMENT_SHARE) return undefined;
  let capitalised = 0;
  for (const word of words) if (/^\p{Lu}/u.test(word)) capitalised++;
  if (capitalised / words.length >= NAME_SHARE) return undefined;
  const guess = guessLanguage(unit.text);
  if (!guess || guess.language === language) return undefined;
  const score = guess.scoreOf(language);
  const share = functionWordShare(lower, guess.language);
  const limit = share !== undefined && share >= STRONG_SHARE && !own ? Math.max(maxScore, PARAGRAPH_SCORE) : maxScore;
  if (share === undefined ? score > UNCONFIRMED_SCORE : score > limit || share < FOREIGN_SHARE) return undefined;
  return guess.language;
}

/**
 * The language of most of the text, when it is not the configured one and
 * little of the text is recognisably in the configured one.
 */
function dominantLanguage(
  paragraphs: ReadonlyArray<{ paragraph: Unit | undefined; sentences: Unit[] }>,
  verdicts: readonly Verdict[],
): string | undefined {
  let total = 0;
  let confirmed = 0;
  for (const { sentences } of paragraphs) {
    for (const sentence of sentences) {
      const count = letters(sentence);
      total += count;
      if (sentence.confirmed) confirmed += count;
    }
  }
  if (confirmed >= total * CONFIRMED_SHARE) return undefined;
  const byLanguage = new Map<string, number>();
  for (const verdict of verdicts)
    byLanguage.set(verdict.language, (byLanguage.get(verdict.language) ?? 0) + verdict.letters);
  for (const [found, count] of byLanguage) if (count > total / 2) return found;
  return undefined;
}
