/**
 * The rule registry: every rule mtlint ships, in the order of the README table.
 * A new rule is one import and one entry in `rules` below.
 */
import type { RuleModule } from '../shared/rule.js';
import carriedQuotes from './carried-quotes.js';
import currencySpacing from './currency-spacing.js';
import dashStyle from './dash-style.js';
import doubledPunctuation from './doubled-punctuation.js';
import droppedQuotes from './dropped-quotes.js';
import endPunctuation from './end-punctuation.js';
import foreignScript from './foreign-script.js';
import foreignWord from './foreign-word.js';
import fullwidthPunctuation from './fullwidth-punctuation.js';
import invariants from './invariants.js';
import lengthRatio from './length-ratio.js';
import longSentence from './long-sentence.js';
import missingFinalPunctuation from './missing-final-punctuation.js';
import missingSpaceAfterPunctuation from './missing-space-after-punctuation.js';
import mixedScript from './mixed-script.js';
import nameConsistency from './name-consistency.js';
import numberConsistency from './number-consistency.js';
import numberFormat from './number-format.js';
import numberMismatch from './number-mismatch.js';
import punctuationQuoteOrder from './punctuation-quote-order.js';
import quoteBalance from './quote-balance.js';
import quoteCount from './quote-count.js';
import quoteStyle from './quote-style.js';
import quotedName from './quoted-name.js';
import readability from './readability.js';
import repeatedPhrase from './repeated-phrase.js';
import repeatedWords from './repeated-words.js';
import sentenceCase from './sentence-case.js';
import sourceScript from './source-script.js';
import spaceBeforePunctuation from './space-before-punctuation.js';
import spuriousNumber from './spurious-number.js';
import strayPunctuation from './stray-punctuation.js';
import unbalancedBrackets from './unbalanced-brackets.js';
import unitSpacing from './unit-spacing.js';
import untranslated from './untranslated.js';
import untranslatedSegment from './untranslated-segment.js';
import whitespace from './whitespace.js';

// biome-ignore lint/suspicious/noExplicitAny: rules differ in their option types.
type AnyRule = RuleModule<any>;

export const rules: readonly AnyRule[] = Object.freeze([
  // punctuation
  doubledPunctuation,
  spaceBeforePunctuation,
  missingSpaceAfterPunctuation,
  strayPunctuation,
  fullwidthPunctuation,
  unbalancedBrackets,
  whitespace,
  missingFinalPunctuation,
  dashStyle,
  endPunctuation,
  // quotes
  quoteBalance,
  quoteStyle,
  droppedQuotes,
  quotedName,
  punctuationQuoteOrder,
  quoteCount,
  carriedQuotes,
  // numbers
  spuriousNumber,
  numberFormat,
  currencySpacing,
  unitSpacing,
  numberConsistency,
  numberMismatch,
  // script
  mixedScript,
  foreignScript,
  untranslated,
  foreignWord,
  sourceScript,
  untranslatedSegment,
  // repetition
  repeatedWords,
  repeatedPhrase,
  // style
  sentenceCase,
  nameConsistency,
  longSentence,
  readability,
  invariants,
  lengthRatio,
] as AnyRule[]);

export const ruleMap: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): AnyRule | undefined {
  return ruleMap.get(id);
}
