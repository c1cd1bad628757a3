/**
 * The rule registry: every rule mtlint ships, in the order of the README table.
 * A new rule is one import and one entry in `rules` below.
 */
import type { RuleModule } from '../shared/rule.js';
import doubledPunctuation from './doubled-punctuation.js';
import droppedQuotes from './dropped-quotes.js';
import punctuationQuoteOrder from './punctuation-quote-order.js';
import quoteBalance from './quote-balance.js';
import quoteStyle from './quote-style.js';
import quotedName from './quoted-name.js';
import readability from './readability.js';
import repeatedWords from './repeated-words.js';
import spaceBeforePunctuation from './space-before-punctuation.js';

// biome-ignore lint/suspicious/noExplicitAny: rules differ in their option types.
type AnyRule = RuleModule<any>;

export const rules: readonly AnyRule[] = Object.freeze([
  // punctuation
  doubledPunctuation,
  spaceBeforePunctuation,
  // quotes
  quoteBalance,
  quoteStyle,
  droppedQuotes,
  quotedName,
  punctuationQuoteOrder,
  // numbers
  // script
  // repetition
  repeatedWords,
  // style
  readability,
] as AnyRule[]);

export const ruleMap: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): AnyRule | undefined {
  return ruleMap.get(id);
}
